package org.patchlake.sample.simulate;

import static java.util.Objects.requireNonNull;

import java.time.Instant;

/**
 * Something that happens at a simulated moment besides the agents' own work, such as an administrator starting a
 * remediation wave: the simulator stops the clock at {@code at}, runs {@code action}, and goes on.
 */
public record Milestone(Instant at, String name, Action action) {

    /** The milestone's work; it may talk to the server (the clock shows {@code at} while it runs). */
    @FunctionalInterface
    public interface Action {
        void run() throws Exception;
    }

    public Milestone {
        requireNonNull(at, "at is null");
        requireNonNull(name, "name is null");
        requireNonNull(action, "action is null");
    }
}
