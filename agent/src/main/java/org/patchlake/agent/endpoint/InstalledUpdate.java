package org.patchlake.agent.endpoint;

import static java.util.Objects.requireNonNull;

import java.time.LocalDate;

/** One installed update as the OS reports it; {@code installedOn} is null when Windows does not say. */
public record InstalledUpdate(String kb, LocalDate installedOn, String source) {
    public InstalledUpdate {
        requireNonNull(kb, "kb is null");
        requireNonNull(source, "source is null");
    }
}
