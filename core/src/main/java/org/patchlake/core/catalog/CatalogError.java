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

    /** True for kinds that make the row be skipped; the other kinds leave the row imported (e.g. as Unrated). */
    public boolean skipsRow() {
        return kind.skipsRow();
    }

    @Override
    public String toString() {
        return sourceFile + " line " + line + ": " + kind + ": " + message;
    }
}
