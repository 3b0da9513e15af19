package org.patchlake.etl.evaluate;

import static java.util.Objects.requireNonNull;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Options of {@code ./patchlake evaluate}.
 *
 * @param warehouse     warehouse whose current catalog is used (--warehouse DIR)
 * @param catalogSource a wesng definitions.zip / CSV or "generated" to build the catalog from instead
 *                      (--catalog SOURCE); exactly one of the two is given
 * @param files         inventory files to evaluate
 * @param format        text, csv or json
 * @param separate      evaluate every file alone instead of merging files of one machine (--separate)
 */
public record EvaluateOptions(Path warehouse, String catalogSource, List<Path> files, Format format, boolean separate) {
    public enum Format { TEXT, CSV, JSON }

    static final String USAGE = "usage: ./patchlake evaluate --warehouse DIR FILE... [--format text|csv|json] [--separate]\n"
            + "       ./patchlake evaluate --catalog definitions.zip|CSV|generated FILE... [--format text|csv|json] [--separate]";

    public EvaluateOptions {
        files = List.copyOf(files);
        requireNonNull(format, "format is null");
        if ((warehouse == null) == (catalogSource == null)) {
            throw new IllegalArgumentException("give exactly one of --warehouse DIR and --catalog SOURCE");
        }
        if (files.isEmpty()) {
            throw new IllegalArgumentException("no inventory FILE given");
        }
    }

    public static EvaluateOptions parse(String... args) {
        Path warehouse = null;
        String catalog = null;
        Format format = Format.TEXT;
        boolean separate = false;
        List<Path> files = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            switch (arg) {
                case "--warehouse" -> warehouse = Path.of(value(args, ++i, arg));
                case "--catalog" -> catalog = value(args, ++i, arg);
                case "--format" -> format = format(value(args, ++i, arg));
                case "--separate" -> separate = true;
                default -> {
                    if (arg.startsWith("--")) {
                        throw new IllegalArgumentException("unknown option " + arg);
                    }
                    files.add(Path.of(arg));
                }
            }
        }
        return new EvaluateOptions(warehouse, catalog, files, format, separate);
    }

    private static String value(String[] args, int index, String option) {
        if (index >= args.length) {
            throw new IllegalArgumentException(option + " needs a value");
        }
        return args[index];
    }

    private static Format format(String text) {
        try {
            return Format.valueOf(text.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("--format must be text, csv or json, was '" + text + "'");
        }
    }
}
