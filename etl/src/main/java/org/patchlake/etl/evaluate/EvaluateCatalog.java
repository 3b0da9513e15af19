package org.patchlake.etl.evaluate;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import org.patchlake.core.catalog.Catalog;
import org.patchlake.core.catalog.CatalogImport;
import org.patchlake.core.catalog.GeneratedCatalog;
import org.patchlake.core.catalog.WesngCatalogBuilder;
import org.patchlake.etl.catalog.CatalogStore;

/** The catalog evaluate works against, and a line saying where it came from. */
record EvaluateCatalog(Catalog catalog, String description) {
    EvaluateCatalog {
        requireNonNull(catalog, "catalog is null");
        requireNonNull(description, "description is null");
    }

    static EvaluateCatalog load(EvaluateOptions options, PrintStream progress) {
        if (options.catalogSource() != null) {
            return fromSource(options.catalogSource(), progress);
        }
        return fromWarehouse(options.warehouse());
    }

    /** A wesng definitions.zip or CSV read in this process, or "generated" (the demo catalog). */
    static EvaluateCatalog fromSource(String source, PrintStream progress) {
        if (source.equals("generated")) {
            Catalog generated = GeneratedCatalog.create();
            return new EvaluateCatalog(generated, "generated: " + generated);
        }
        try {
            CatalogImport imported = WesngCatalogBuilder.read(Path.of(source),
                    rows -> progress.printf("evaluate: catalog %,d rows read%n", rows));
            return new EvaluateCatalog(imported.catalog(), source + ": " + imported.catalog()
                    + ", " + imported.errors().size() + " bad rows");
        } catch (IOException e) {
            throw new UncheckedIOException("catalog source " + source + ": cannot read: " + e.getMessage(), e);
        }
    }

    /** The current catalog version of a warehouse ({@code WH/catalog/CURRENT}), read with DuckDB. */
    static EvaluateCatalog fromWarehouse(Path warehouse) {
        CatalogStore store = new CatalogStore(warehouse);
        try {
            Catalog catalog = store.loadCurrent();
            return new EvaluateCatalog(catalog, "warehouse " + warehouse + " (" + store.currentManifest().source() + "): " + catalog);
        } catch (IOException e) {
            throw new UncheckedIOException("warehouse " + warehouse + ": cannot load the current catalog: " + e.getMessage()
                    + " (run ./patchlake catalog import SOURCE --warehouse " + warehouse + " first)", e);
        }
    }
}
