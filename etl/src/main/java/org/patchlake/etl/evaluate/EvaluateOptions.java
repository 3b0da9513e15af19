package org.patchlake.etl.evaluate;

import static java.util.Objects.requireNonNull;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;

/**
 * Options of {@code ./patchlake evaluate}.
 *
 * @param warehouse     warehouse whose current catalog is used (--warehouse DIR)
 * @param catalogSource a wesng definitions.zip / CSV or "generated" to build the catalog from instead
 *                      (--catalog SOURCE); exactly one of the two is given
 * @param files         inventory files to evaluate
 * @param format        text, csv, json or plan-csv (the install plan)
 * @param separate      evaluate every file alone instead of merging files of one machine (--separate)
 * @param asOf          judge the machines as of this day (--as-of YYYY-MM-DD): the catalog as it stood then, and
 *                      installs the inventory dates later not counted; null for now
 */
public record EvaluateOptions(Path warehouse, String catalogSource, List<Path> files, Format format, boolean separate,
        LocalDate asOf) {
    public enum Format {
        TEXT, CSV, JSON, PLAN_CSV;

        /** As written on the command line: "text", "csv", "json", "plan-csv". */
        String option() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }
    }

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

    static Format format(String text) {
        for (Format format : Format.values()) {
            if (format.option().equals(text.toLowerCase(Locale.ROOT))) {
                return format;
            }
        }
        throw new IllegalArgumentException("--format must be text, csv, json or plan-csv, was '" + text + "'");
    }

    static LocalDate date(String text) {
        try {
            return LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("--as-of must be a date YYYY-MM-DD, was '" + text + "'");
        }
    }
}
