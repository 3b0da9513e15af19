package org.patchlake.core.state;

/**
 * State of one update on one computer (DESIGN.md "Per computer x update state"). The rollup of several
 * states (a bulletin's updates on a computer) is the worst one by {@link #precedence()}:
 * EXEMPT > UNKNOWN > FAILED > REQUIRED > INSTALLED_PENDING_REBOOT > INSTALLED.
 */
public enum UpdateState {
    INSTALLED(0),
    /** Installed, but the computer must restart before it protects: still vulnerable. */
    INSTALLED_PENDING_REBOOT(1),
    /** Applicable and not installed: vulnerable. */
    REQUIRED(2),
    /** Installation failed after the allowed retries. */
    FAILED(3),
    /** No inventory within the staleness window, or never scanned. */
    UNKNOWN(4),
    /** An active exception for this computer and bulletin. */
    EXEMPT(5),
    /** The update is for a product the computer does not have. Never part of a rollup. */
    NOT_APPLICABLE(-1);

    private final int precedence;

    UpdateState(int precedence) {
        this.precedence = precedence;
    }

    /** Rollup precedence: higher wins; -1 for NOT_APPLICABLE. */
    public int precedence() {
        return precedence;
    }

    public boolean isApplicable() {
        return this != NOT_APPLICABLE;
    }

    /** Installed (with or without a pending restart). */
    public boolean isInstalled() {
        return this == INSTALLED || this == INSTALLED_PENDING_REBOOT;
    }

    /** The state that wins a rollup of the two; NOT_APPLICABLE loses to everything. */
    public static UpdateState worst(UpdateState first, UpdateState second) {
        return second.precedence > first.precedence ? second : first;
    }
}
