package org.patchlake.agent.endpoint.windows;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.patchlake.agent.endpoint.InstallResult;

/** Runs one command to completion (or kills it at the timeout) and reports its exit code; {@link ProcessRunner} runs real processes. */
public interface InstallerProcess {

    InstallResult run(String name, List<String> command, Instant startedAt, Duration timeout);
}
