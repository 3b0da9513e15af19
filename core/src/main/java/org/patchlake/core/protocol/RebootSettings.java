package org.patchlake.core.protocol;

import java.time.LocalTime;

/**
 * @param behaviour     required
 * @param scheduledAt   local time of the restart, required for SCHEDULED, null otherwise
 * @param noticeMinutes minutes of notice shown to a logged-on user before a restart (>= 0)
 * @param noticeMessage the text of the notice, null for the agent's default
 */
public record RebootSettings(RebootBehaviour behaviour, LocalTime scheduledAt, int noticeMinutes, String noticeMessage) {
    public static final RebootSettings NEVER = new RebootSettings(RebootBehaviour.NEVER, null, 0, null);

    public RebootSettings {
        Checks.required(behaviour, "behaviour");
        if (behaviour == RebootBehaviour.SCHEDULED && scheduledAt == null) {
            throw new ProtocolViolation("scheduledAt", "is required when behaviour is SCHEDULED");
        }
        if (behaviour != RebootBehaviour.SCHEDULED && scheduledAt != null) {
            throw new ProtocolViolation("scheduledAt", "must be null unless behaviour is SCHEDULED");
        }
        Checks.atLeast(noticeMinutes, 0, "noticeMinutes");
        noticeMessage = Checks.optionalText(noticeMessage, "noticeMessage");
    }
}
