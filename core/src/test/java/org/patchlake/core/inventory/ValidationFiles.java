package org.patchlake.core.inventory;

import java.nio.file.Path;
import org.patchlake.core.testing.SharedData;

/** The real captures in shared/data/wesng/validation ({@link SharedData}). */
public final class ValidationFiles {
    private ValidationFiles() {
    }

    public static Path directory() {
        return SharedData.validation();
    }

    public static Path file(String name) {
        return directory().resolve(name);
    }
}
