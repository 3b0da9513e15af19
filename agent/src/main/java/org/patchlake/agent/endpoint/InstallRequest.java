package org.patchlake.agent.endpoint;

import static java.util.Objects.requireNonNull;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Install one update. {@code packageFile} is the verified package (.msu, .msi, .msp or .exe); null means the
 * endpoint installs the KB through its own update service (Windows Update Agent, or the simulated machine).
 * {@code arguments} are extra installer switches (used for .exe packages).
 */
public record InstallRequest(String kb, Path packageFile, List<String> arguments, Instant startedAt, Duration timeout) {
    public InstallRequest {
        requireNonNull(kb, "kb is null");
        arguments = List.copyOf(arguments);
        requireNonNull(startedAt, "startedAt is null");
        requireNonNull(timeout, "timeout is null");
    }
}
