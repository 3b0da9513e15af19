package org.patchlake.etl.catalog;

import static java.util.Objects.requireNonNull;

import java.nio.file.Path;

/**
 * Options of {@code ./patchlake catalog import SOURCE --warehouse DIR [--master URL]}.
 *
 * @param source    a definitions.zip, a wesng CSV, or the word "generated"
 * @param warehouse the warehouse directory (default ./data/warehouse)
 * @param master    Spark master, null for local[*]
 */
public record CatalogImportOptions(String source, Path warehouse, String master) {
    public static final String GENERATED = "generated";

    public CatalogImportOptions {
        requireNonNull(source, "source is null");
        requireNonNull(warehouse, "warehouse is null");
    }

    public boolean generated() {
        return source.equals(GENERATED);
    }

}
