package org.patchlake.etl.catalog;

import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.patchlake.cli.Commands;
import org.patchlake.cli.HelpOption;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code ./patchlake catalog import SOURCE --warehouse DIR [--master URL]}. */
@Command(name = Commands.CATALOG_IMPORT, description = Commands.CATALOG_IMPORT_SUMMARY, sortOptions = false)
final class CatalogImportCommand implements Callable<Integer> {
    @Mixin
    HelpOption help;

    @Parameters(paramLabel = "SOURCE", description = "wesng's definitions.zip or one of its CSV files (a path, or an "
            + "https:// address to download it from), or 'generated' (a small demo catalog).")
    String source;

    @Option(names = "--warehouse", paramLabel = "DIR", defaultValue = "data/warehouse",
            description = "The warehouse directory. Default: ${DEFAULT-VALUE}.")
    Path warehouse;

    @Option(names = "--master", paramLabel = "URL", description = "Spark master: local[*] (default), spark://host:port, "
            + "yarn, k8s://...")
    String master;

    @Override
    public Integer call() throws IOException {
        CatalogImportOptions options = new CatalogImportOptions(source, warehouse, master);
        try {
            CatalogManifest manifest = CatalogCommand.run(options, System.out, System.err);
            System.out.println("catalog " + manifest.version() + " is current in " + options.warehouse().resolve("catalog"));
            return 0;
        } catch (IOException | RuntimeException failure) {
            System.err.println("catalog import failed: " + failure.getMessage());
            return 1;
        }
    }
}
