package org.patchlake.core.inventory;

import static java.util.Objects.requireNonNull;

import java.time.LocalDate;
import java.util.Optional;

/**
 * An installed hotfix as an inventory lists it.
 *
 * @param kb          "KB4487017" (a Q-number "Q147222" becomes "KB147222": the same article)
 * @param installedOn the install date when the file gives one (wmic qfe), else null
 */
public record InstalledKb(String kb, LocalDate installedOn) {
    public InstalledKb {
        requireNonNull(kb, "kb is null");
        if (!kb.startsWith("KB")) {
            throw new IllegalArgumentException("not a KB id: '" + kb + "'");
        }
    }

    public Optional<LocalDate> installDate() {
        return Optional.ofNullable(installedOn);
    }
}
