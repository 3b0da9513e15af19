package org.patchlake.core.testing;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The one way tests find ../shared (the real Microsoft and KEV data): the system property {@code patchlake.shared}
 * when it names a folder holding data/wesng, else the first {@code shared} folder holding data/wesng found walking up
 * from the working directory (worktrees sit deeper than the main checkout). Published in core's test jar for the
 * other modules' tests.
 */
public final class SharedData {
    private static final String WESNG = "data/wesng";

    private SharedData() {
    }

    public static Path shared() {
        String property = System.getProperty("patchlake.shared");
        if (property != null && Files.isDirectory(Path.of(property).resolve(WESNG))) {
            return Path.of(property);
        }
        for (Path directory = Path.of("").toAbsolutePath(); directory != null; directory = directory.getParent()) {
            Path candidate = directory.resolve("shared");
            if (Files.isDirectory(candidate.resolve(WESNG))) {
                return candidate;
            }
        }
        throw new IllegalStateException("real data not found: set -Dpatchlake.shared or run below a folder holding shared/" + WESNG);
    }

    /** wesng's definitions.zip: the real catalog. */
    public static Path wesngDefinitions() {
        return shared().resolve(WESNG).resolve("definitions.zip");
    }

    /** wesng's validation captures (systeminfo, wmic qfe, Windows Update lists). */
    public static Path validation() {
        return shared().resolve(WESNG).resolve("validation");
    }
}
