package org.patchlake.agent.endpoint.windows;

import java.util.List;
import org.patchlake.agent.endpoint.RestartRequest;

/**
 * {@code shutdown.exe /r /t N /c "reason" /d p:2:17}: restart after N seconds with the reason shown to users,
 * recorded as a planned restart for a security fix (major 2 = operating system, minor 17 = security fix).
 * The comment is limited to 512 characters by shutdown.exe; the delay to 315360000 seconds (10 years).
 */
public final class RestartCommand {

    static final int MAX_COMMENT = 512;
    static final long MAX_DELAY_SECONDS = 315_360_000L;

    private RestartCommand() {
    }

    public static List<String> of(RestartRequest request, String systemRoot) {
        long seconds = Math.min(MAX_DELAY_SECONDS, request.delay().toSeconds());
        String reason = request.reason().replace('"', '\'').replace('\r', ' ').replace('\n', ' ');
        if (reason.length() > MAX_COMMENT) {
            reason = reason.substring(0, MAX_COMMENT);
        }
        return List.of(systemRoot + "\\System32\\shutdown.exe", "/r", "/t", Long.toString(seconds),
            "/c", reason, "/d", "p:2:17");
    }
}
