package org.patchlake.core.catalog;

import static java.util.Objects.requireNonNull;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The result of reading a catalog source: the catalog, every bad row, and what was read.
 *
 * @param source      what was imported (a path, or "generated")
 * @param sourceFiles CSV files read, in order
 * @param rowsRead    data rows read (header and Custom comment lines excluded)
 * @param rowsSkipped rows that contributed nothing (EMPTY_KB, BAD_DATE, EMPTY_PRODUCT, MALFORMED_ROW)
 * @param releaseRepairs KBs whose release was repaired because their rows carry only a re-publication date, one
 *                    line each ("KB4487078 posted 2019-12-19 (...), released 2019-02-12")
 */
public record CatalogImport(
        String source,
        List<String> sourceFiles,
        long rowsRead,
        long rowsSkipped,
        Catalog catalog,
        List<CatalogError> errors,
        List<String> releaseRepairs) {

    public CatalogImport {
        requireNonNull(source, "source is null");
        sourceFiles = List.copyOf(sourceFiles);
        requireNonNull(catalog, "catalog is null");
        errors = List.copyOf(errors);
        releaseRepairs = List.copyOf(releaseRepairs);
    }

    /** An import that repaired no release date. */
    public CatalogImport(String source, List<String> sourceFiles, long rowsRead, long rowsSkipped, Catalog catalog,
            List<CatalogError> errors) {
        this(source, sourceFiles, rowsRead, rowsSkipped, catalog, errors, List.of());
    }

    /** Error count per kind, every kind present (0 when none), in declaration order. */
    public Map<CatalogErrorKind, Long> errorCounts() {
        Map<CatalogErrorKind, Long> counts = new EnumMap<>(CatalogErrorKind.class);
        for (CatalogErrorKind kind : CatalogErrorKind.values()) {
            counts.put(kind, 0L);
        }
        for (CatalogError error : errors) {
            counts.merge(error.kind(), 1L, Long::sum);
        }
        return counts;
    }
}
