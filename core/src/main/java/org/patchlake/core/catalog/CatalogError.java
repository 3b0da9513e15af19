package org.patchlake.core.catalog;

import static java.util.Objects.requireNonNull;

/**
 * One bad row of a catalog source, kept for the import report and the catalog_errors table.
 *
 * @param sourceFile file the row came from ("CVEs_20260628.csv")
 * @param line       1-based physical line where the row starts
 * @param kind       what was wrong
 * @param message    says what failed and what was done with the row
 * @param raw        the row as it was in the file (without the line end)
 */
public record CatalogError(String sourceFile, long line, CatalogErrorKind kind, String message, String raw) {
    public CatalogError {
        requireNonNull(sourceFile, "sourceFile is null");
        requireNonNull(kind, "kind is null");
        requireNonNull(message, "message is null");
        requireNonNull(raw, "raw is null");
        if (line < 1) {
            throw new IllegalArgumentException("line must be >= 1: " + line);
        }
    }

    /** True when the row still contributed to the catalog (e.g. Unrated severity), false when it was skipped. */
    public boolean rowImported() {
        return switch (kind) {
            case EMPTY_KB, BAD_DATE, EMPTY_PRODUCT, MALFORMED_ROW -> false;
            default -> true;
        };
    }

    @Override
    public String toString() {
        return sourceFile + " line " + line + ": " + kind + ": " + message;
    }
}
