package org.patchlake.agent.endpoint.windows;

import java.time.Instant;

/**
 * One entry of the Windows Update Agent's history ({@code IUpdateHistoryEntry}): the update's title (which names
 * its KB), the operation ({@code 1} installation, {@code 2} uninstallation), the result ({@code 0} not started,
 * {@code 1} in progress, {@code 2} succeeded, {@code 3} succeeded with errors, {@code 4} failed, {@code 5}
 * aborted), when it happened (UTC; null when not recorded) and the update's id.
 */
public record UpdateHistoryEntry(String title, int operation, int resultCode, Instant date, String updateId) {

    public static final int INSTALLATION = 1;
    public static final int UNINSTALLATION = 2;
    public static final int SUCCEEDED = 2;
    public static final int SUCCEEDED_WITH_ERRORS = 3;

    public boolean succeeded() {
        return resultCode == SUCCEEDED || resultCode == SUCCEEDED_WITH_ERRORS;
    }
}
