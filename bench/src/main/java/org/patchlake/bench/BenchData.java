package org.patchlake.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Where the benchmarks find their inputs and put their scratch files, found at run time: the real catalog committed
 * with the project, the real inventories in a {@code shared/data/wesng} directory beside the project (found by walking
 * up from it, as the tests do; {@code -Dpatchlake.shared=DIR} names it), and scratch directories under the system
 * temp directory.
 */
public final class BenchData {
    private BenchData() {
    }

    /** The project's home: {@code -Dpatchlake.home} (set by ./patchlake), else the working directory. */
    public static Path home() {
        return Path.of(System.getProperty("patchlake.home", ".")).toAbsolutePath().normalize();
    }

    /** wesng's definitions.zip as committed under sample-data/wesng. */
    public static Path definitions() {
        return home().resolve("sample-data/wesng/definitions.zip");
    }

    /** The shared data directory with the real inventories (data/wesng/validation), when there is one. */
    public static Optional<Path> shared() {
        String property = System.getProperty("patchlake.shared");
        if (property != null) {
            return Optional.of(Path.of(property));
        }
        for (Path directory = home(); directory != null; directory = directory.getParent()) {
            if (Files.isDirectory(directory.resolve("shared/data/wesng/validation"))) {
                return Optional.of(directory.resolve("shared"));
            }
        }
        return Optional.empty();
    }

    /** The real inventories (systeminfo, wmic qfe captures), or a clear error naming what to set. */
    public static Path validation() {
        return shared().map(directory -> directory.resolve("data/wesng/validation")).orElseThrow(() ->
                new IllegalStateException("no shared/data/wesng/validation directory beside the project (give --dir DIR "
                        + "or -Dpatchlake.shared=DIR)"));
    }

    /** A scratch directory under the system temp directory that lives across runs (input caches). */
    public static Path cache(String name) {
        return Path.of(System.getProperty("java.io.tmpdir"), "patchlake-bench", name);
    }

    /** A fresh scratch directory under the system temp directory. */
    public static Path fresh(String name) {
        try {
            return Files.createTempDirectory("patchlake-bench-" + name);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a temp directory for bench " + name, e);
        }
    }
}
