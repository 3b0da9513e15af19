package org.patchlake.agent.endpoint;

import java.util.List;
import org.patchlake.core.protocol.RebootSource;

/** Whether the computer needs a restart, and which signals said so (CBS RebootPending, WU RebootRequired, ...). */
public record PendingReboot(boolean pending, List<RebootSource> reasons) {
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
