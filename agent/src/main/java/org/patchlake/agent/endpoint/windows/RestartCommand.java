package org.patchlake.agent.endpoint.windows;

import java.util.List;
import org.patchlake.agent.endpoint.InstallResult;
import org.patchlake.agent.endpoint.RestartOutcome;
import org.patchlake.agent.endpoint.RestartRequest;
import org.patchlake.core.rules.InstallReturnCodes;

/**
 * {@code shutdown.exe /r /t N /c "reason" /d p:2:18}: restart after N seconds with the reason shown to users,
 * recorded as a planned restart for a security fix (SHTDN_REASON_MAJOR_OPERATINGSYSTEM 2, SHTDN_REASON_MINOR_SECURITYFIX
 * 0x12 = 18, SHTDN_REASON_FLAG_PLANNED "p"; 17 would be a hotfix). The comment is limited to 512 characters by
 * shutdown.exe; the delay to 315360000 seconds (10 years). {@link #outcome} reads its exit code.
 */
public final class RestartCommand {

    static final int MAX_COMMENT = 512;
    static final long MAX_DELAY_SECONDS = 315_360_000L;
    static final long ERROR_SHUTDOWN_IN_PROGRESS = 1115;
    static final long ERROR_SHUTDOWN_IS_SCHEDULED = 1190;

    private RestartCommand() {
    }

    public static List<String> of(RestartRequest request, String systemRoot) {
        long seconds = Math.min(MAX_DELAY_SECONDS, request.delay().toSeconds());
        String reason = request.reason().replace('"', '\'').replace('\r', ' ').replace('\n', ' ');
        if (reason.length() > MAX_COMMENT) {
            reason = reason.substring(0, MAX_COMMENT);
        }
        return List.of(systemRoot + "\\System32\\shutdown.exe", "/r", "/t", Long.toString(seconds),
            "/c", reason, "/d", "p:2:18");
    }

    /** What shutdown.exe's exit code means for the restart. */
    public static RestartOutcome outcome(InstallResult run) {
        long code = run.returnCode();
        if (code == 0) {
            return RestartOutcome.scheduled("shutdown.exe scheduled the restart");
        }
        if (code == ERROR_SHUTDOWN_IS_SCHEDULED) {
            return new RestartOutcome(RestartOutcome.Status.ALREADY_PENDING, code, "a shutdown was already scheduled "
                + "(1190 ERROR_SHUTDOWN_IS_SCHEDULED): the computer restarts then, not after this request's notice");
        }
        if (code == ERROR_SHUTDOWN_IN_PROGRESS) {
            return new RestartOutcome(RestartOutcome.Status.ALREADY_PENDING, code,
                "a shutdown is already in progress (1115 ERROR_SHUTDOWN_IN_PROGRESS)");
        }
        return new RestartOutcome(RestartOutcome.Status.FAILED, code, "no restart scheduled: shutdown.exe answered "
            + InstallReturnCodes.hex(code) + " (" + run.detail() + ")");
    }
}
