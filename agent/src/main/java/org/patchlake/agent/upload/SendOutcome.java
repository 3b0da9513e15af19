package org.patchlake.agent.upload;

/** How the server answered one upload. */
public sealed interface SendOutcome {

    /** Stored (or had been stored before: {@code duplicate}); the message may leave the spool. */
    record Acknowledged(boolean duplicate) implements SendOutcome {
    }

    /** Refused for good (schema violation, too large): resending the same bytes cannot help. */
    record Rejected(int status, String reason) implements SendOutcome {
    }

    /** Not stored this time (server down, 5xx, bad credentials, clock skew, a garbled answer): keep it, try later. */
    record NotDelivered(String reason) implements SendOutcome {
    }
}
