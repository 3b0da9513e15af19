package org.patchlake.core.protocol;

/** Lifecycle of a policy as the agent must honour it. */
public enum PolicyState {
    ACTIVE,
    /** Keep it, install nothing until ACTIVE again. */
    PAUSED,
    /** Stop; report running attempts as CANCELLED. */
    CANCELLED
}
