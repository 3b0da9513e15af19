package org.patchlake.etl.catalog;

import static java.util.Objects.requireNonNull;

import java.nio.file.Path;
import java.util.List;
import org.patchlake.etl.spark.SparkSessions;

/**
 * Options of {@code ./patchlake catalog import SOURCE --warehouse DIR [--master URL]}.
 *
 * @param source    a definitions.zip, a wesng CSV, or the word "generated"
 * @param warehouse the warehouse directory (default ./data/warehouse)
 * @param master    Spark master, null for local[*]
 */
public record CatalogImportOptions(String source, Path warehouse, String master) {
    public static final String GENERATED = "generated";
    public static final String USAGE = "usage: ./patchlake catalog import SOURCE --warehouse DIR [--master local[*]|spark://host:port]\n"
            + "  SOURCE: path to wesng's definitions.zip or one of its CSV files, or 'generated' (a small demo catalog)";

    public CatalogImportOptions {
        requireNonNull(source, "source is null");
        requireNonNull(warehouse, "warehouse is null");
    }

    public boolean generated() {
        return source.equals(GENERATED);
    }

    /** Parses the arguments after "import". Throws IllegalArgumentException with the usage on bad input. */
    public static CatalogImportOptions parse(List<String> args) {
        String source = null;
        Path warehouse = Path.of("data", "warehouse");
        for (int index = 0; index < args.size(); index++) {
            String arg = args.get(index);
            if (arg.equals("--warehouse")) {
                if (index + 1 >= args.size()) {
                    throw new IllegalArgumentException("--warehouse needs a directory\n" + USAGE);
                }
                warehouse = Path.of(args.get(++index));
            } else if (arg.startsWith("--warehouse=")) {
                warehouse = Path.of(arg.substring("--warehouse=".length()));
            } else if (arg.equals("--master")) {
                index++;
            } else if (arg.startsWith("--")) {
                if (!arg.startsWith("--master=")) {
                    throw new IllegalArgumentException("unknown option " + arg + "\n" + USAGE);
                }
            } else if (source == null) {
                source = arg;
            } else {
                throw new IllegalArgumentException("more than one SOURCE: '" + source + "' and '" + arg + "'\n" + USAGE);
            }
        }
        if (source == null) {
            throw new IllegalArgumentException("SOURCE is missing\n" + USAGE);
        }
        return new CatalogImportOptions(source, warehouse, SparkSessions.masterOption(args));
    }
}
