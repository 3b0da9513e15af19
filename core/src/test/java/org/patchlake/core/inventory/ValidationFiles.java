package org.patchlake.core.inventory;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The real captures in shared/data/wesng/validation: from the system property patchlake.shared when it
 * points at an existing directory, else the first "shared" folder found walking up from the working
 * directory (worktrees sit deeper than the main checkout).
 */
public final class ValidationFiles {
    private static final String VALIDATION = "data/wesng/validation";

    private ValidationFiles() {
    }

    public static Path shared() {
        String property = System.getProperty("patchlake.shared");
        if (property != null && Files.isDirectory(Path.of(property).resolve(VALIDATION))) {
            return Path.of(property);
        }
        for (Path directory = Path.of("").toAbsolutePath(); directory != null; directory = directory.getParent()) {
            Path candidate = directory.resolve("shared");
            if (Files.isDirectory(candidate.resolve(VALIDATION))) {
                return candidate;
            }
        }
        throw new IllegalStateException("no shared/" + VALIDATION + " found (set -Dpatchlake.shared)");
    }

    public static Path directory() {
        return shared().resolve(VALIDATION);
    }

    public static Path file(String name) {
        return directory().resolve(name);
    }
}
