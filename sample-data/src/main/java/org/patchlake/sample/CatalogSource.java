package org.patchlake.sample;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.patchlake.core.catalog.Catalog;
import org.patchlake.core.catalog.GeneratedCatalog;
import org.patchlake.core.catalog.WesngCatalogBuilder;

/** Where the fleet tools take their catalog from: the word {@code generated}, or wesng's definitions.zip / CSV. */
public final class CatalogSource {
    private CatalogSource() {
    }

    public static Catalog load(String source) {
        if (source.equals("generated")) {
            return GeneratedCatalog.create();
        }
        Path path = Path.of(source);
        if (!Files.isRegularFile(path)) {
            throw new IllegalArgumentException("--catalog: no such file '" + source
                + "' (give wesng's definitions.zip or its CSV, or the word 'generated')");
        }
        try {
            long started = System.nanoTime();
            Catalog catalog = WesngCatalogBuilder.read(path, rows -> System.err.printf("catalog: %,d rows read%n", rows))
                .catalog();
            System.err.printf("catalog: %,d updates, %,d products loaded in %.1f s%n", catalog.updates().size(),
                catalog.products().size(), (System.nanoTime() - started) / 1e9);
            return catalog;
        } catch (IOException e) {
            throw new UncheckedIOException("--catalog " + source + ": " + e.getMessage(), e);
        }
    }

    /** Where the project keeps the real Microsoft data (wesng's definitions.zip, BSD-3), relative to its home. */
    public static final Path COMMITTED_CATALOG = Path.of("sample-data", "wesng", "definitions.zip");

    /** The catalog a fresh clone has: the real Microsoft data committed with the project, else the generated one. */
    public static String defaultSource(Path projectHome) {
        Path real = projectHome.resolve(COMMITTED_CATALOG).normalize();
        return Files.isRegularFile(real) ? real.toString() : "generated";
    }
}
