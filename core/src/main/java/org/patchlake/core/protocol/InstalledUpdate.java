package org.patchlake.core.protocol;

import java.time.LocalDate;

/**
 * One installed update.
 *
 * @param kb          {@code KB5034441} (required)
 * @param installedOn install date as the endpoint reports it, null when unknown
 * @param source      where it was found (required)
 */
public record InstalledUpdate(String kb, LocalDate installedOn, UpdateSource source) {
    public InstalledUpdate {
        kb = Checks.kb(kb, "kb");
        Checks.required(source, "source");
    }
}
