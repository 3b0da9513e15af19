package org.patchlake.sample.pipeline;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Finds ../shared (the real data): the system property {@code patchlake.shared} when it exists, else the first
 * {@code shared} folder holding data/wesng found walking up from the working directory (worktrees sit deeper).
 */
final class SharedData {
    private SharedData() {
    }

    static Path wesngDefinitions() {
        return shared().resolve("data/wesng/definitions.zip");
    }

    static Path shared() {
        String property = System.getProperty("patchlake.shared");
        if (property != null && Files.isDirectory(Path.of(property, "data", "wesng"))) {
            return Path.of(property);
        }
        for (Path directory = Path.of("").toAbsolutePath(); directory != null; directory = directory.getParent()) {
            Path candidate = directory.resolve("shared");
            if (Files.isDirectory(candidate.resolve("data/wesng"))) {
                return candidate;
            }
        }
        throw new IllegalStateException("real data not found: set -Dpatchlake.shared or run below a folder holding shared/data/wesng");
    }
}
