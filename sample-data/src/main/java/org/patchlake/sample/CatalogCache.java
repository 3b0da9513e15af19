package org.patchlake.sample;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The demo imports its catalog once: the imported catalog ({@code DATA/warehouse/catalog}) survives the next demo
 * run over the same directory when it came from the same source, unchanged (same path, size and modification
 * time; for the generated catalog, the same build). {@code DATA/warehouse/catalog/.demo-source} records which.
 */
final class CatalogCache {
    private static final String MARKER = ".demo-source";

    private CatalogCache() {
    }

    /** The catalog directory of a demo's data directory. */
    static Path catalogDirectory(Path data) {
        return data.resolve("warehouse").resolve("catalog");
    }

    /** Whether {@code data} holds an imported catalog of {@code source} as it is now. */
    static boolean holds(Path data, String source) {
        Path directory = catalogDirectory(data);
        Path marker = directory.resolve(MARKER);
        try {
            return Files.isRegularFile(directory.resolve("CURRENT")) && Files.isRegularFile(marker)
                && Files.readString(marker).equals(fingerprint(source));
        } catch (IOException e) {
            return false;
        }
    }

    /** Marks the catalog just imported into {@code data} as coming from {@code source}. */
    static void remember(Path data, String source) {
        try {
            Files.writeString(catalogDirectory(data).resolve(MARKER), fingerprint(source));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot record the demo catalog's source in " + catalogDirectory(data), e);
        }
    }

    private static String fingerprint(String source) throws IOException {
        if (source.equals("generated")) {
            // the generated catalog is code: it changes with the build
            Path jar = Path.of(org.patchlake.core.catalog.GeneratedCatalog.class.getProtectionDomain().getCodeSource().getLocation().getPath());
            return "generated " + Files.getLastModifiedTime(jar).toMillis() + "\n";
        }
        Path path = Path.of(source).toAbsolutePath().normalize();
        return path + " " + Files.size(path) + " " + Files.getLastModifiedTime(path).toMillis() + "\n";
    }
}
