package org.patchlake.core.catalog;

import org.patchlake.core.testing.SharedData;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * The real wesng catalog (../shared/data/wesng/definitions.zip), read once per test JVM: reading it takes seconds,
 * and several test classes need it. Tests never change it (a Catalog is immutable).
 */
public final class RealCatalog {
    private static CatalogImport imported;

    private RealCatalog() {
    }

    public static synchronized CatalogImport imported() {
        if (imported == null) {
            try {
                imported = WesngCatalogBuilder.read(SharedData.wesngDefinitions(), rows -> { });
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read the real catalog " + SharedData.wesngDefinitions(), e);
            }
        }
        return imported;
    }

    public static Catalog catalog() {
        return imported().catalog();
    }
}
