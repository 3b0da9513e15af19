package org.patchlake.sample;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * The demo's data directory: ours to replace only if an earlier demo made it (anything else is left alone). The
 * catalog an earlier demo imported from the same source stays (see {@link CatalogCache}).
 */
final class DemoDirectory {
    private static final String MARKER = ".patchlake-demo";

    private DemoDirectory() {
    }

    static void prepare(Path data, String catalogSource) throws IOException {
        if (Files.exists(data)) {
            if (!Files.exists(data.resolve(MARKER))) {
                throw new IllegalStateException(data + " exists and was not made by the demo: give another --data DIR");
            }
            Path keep = CatalogCache.holds(data, catalogSource) ? CatalogCache.catalogDirectory(data) : null;
            List<Path> paths;
            try (Stream<Path> walk = Files.walk(data)) {
                paths = walk.sorted(Comparator.reverseOrder()).toList();
            }
            for (Path path : paths) {
                boolean kept = keep != null && (path.startsWith(keep) || keep.startsWith(path));
                if (!kept) {
                    Files.delete(path);
                }
            }
        }
        Files.createDirectories(data);
        Files.writeString(data.resolve(MARKER), "made by ./patchlake demo at " + Instant.now() + "\n");
    }
}
