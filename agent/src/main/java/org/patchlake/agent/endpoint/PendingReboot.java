package org.patchlake.agent.endpoint;

import java.util.List;

/** Whether the computer needs a restart, and which signals said so (CBS RebootPending, WU RebootRequired, ...). */
public record PendingReboot(boolean pending, List<String> reasons) {
    public PendingReboot {
        reasons = List.copyOf(reasons);
        if (pending && reasons.isEmpty()) {
            throw new IllegalArgumentException("a pending reboot needs a reason");
        }
    }

    public static PendingReboot none() {
        return new PendingReboot(false, List.of());
    }
}
