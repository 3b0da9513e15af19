package org.patchlake.agent.endpoint;

import static java.util.Objects.requireNonNull;

/**
 * What the OS answered when asked to restart: {@code SCHEDULED} (it will restart after the notice),
 * {@code ALREADY_PENDING} (a shutdown was already scheduled or in progress, e.g. {@code shutdown.exe} exit code
 * 1190 ERROR_SHUTDOWN_IS_SCHEDULED: the computer restarts, but not on this request's notice), or {@code FAILED}
 * (nothing was scheduled). {@code exitCode} is the restart command's exit code.
 */
public record RestartOutcome(Status status, long exitCode, String detail) {

    public enum Status { SCHEDULED, ALREADY_PENDING, FAILED }

    public RestartOutcome {
        requireNonNull(status, "status is null");
        requireNonNull(detail, "detail is null");
    }

    public static RestartOutcome scheduled(String detail) {
        return new RestartOutcome(Status.SCHEDULED, 0, detail);
    }

    /** True when the computer is going to restart (scheduled by this request or before it). */
    public boolean restartComing() {
        return status != Status.FAILED;
    }
}
