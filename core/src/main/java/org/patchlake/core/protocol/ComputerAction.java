package org.patchlake.core.protocol;

import java.time.Instant;

/**
 * A one-off action an administrator asked for, delivered with the policy set until it expires; the agent runs
 * each action id once.
 *
 * @param actionId      required; the agent remembers the ids it ran
 * @param kind          required
 * @param issuedAt      required
 * @param noticeMinutes RESTART: minutes of notice shown to a logged-on user before the restart (>= 0)
 * @param noticeMessage RESTART: the notice text, null for the agent's default
 */
public record ComputerAction(String actionId, Kind kind, Instant issuedAt, int noticeMinutes, String noticeMessage) {
    public enum Kind {
        /** Scan and upload the inventory now. */
        RESCAN,
        /** Restart after the notice (finishes installs pending a restart). */
        RESTART
    }

    public ComputerAction {
        actionId = Checks.identifier(actionId, "actionId");
        Checks.required(kind, "kind");
        Checks.required(issuedAt, "issuedAt");
        Checks.atLeast(noticeMinutes, 0, "noticeMinutes");
        noticeMessage = Checks.optionalText(noticeMessage, "noticeMessage");
    }
}
