package org.patchlake.web.remediation;

import java.util.List;

import static java.util.Objects.requireNonNull;

/**
 * One computer a policy targets, frozen at creation: where it is (for scope checks), its rollout ring
 * (1 = pilot, 2 = the rest) and the updates it gets.
 */
public record RemediationTarget(String computerId, String hostname, String region, String site, int ring, List<Update> updates) {
    /** {@code kb} is installed; {@code requiredKb} is what the row asked for (differs when superseded). */
    public record Update(String kb, String product, String requiredKb, String bulletinId) {
        public Update {
            requireNonNull(kb, "kb is null");
            requireNonNull(product, "product is null");
            requireNonNull(requiredKb, "requiredKb is null");
        }

        public boolean replaced() {
            return !kb.equals(requiredKb);
        }
    }

    public static final int PILOT = 1;
    public static final int MAIN = 2;

    public RemediationTarget {
        requireNonNull(computerId, "computerId is null");
        if (ring != PILOT && ring != MAIN) {
            throw new IllegalArgumentException("ring must be 1 (pilot) or 2, was " + ring);
        }
        updates = List.copyOf(updates);
    }

    public RemediationTarget inRing(int newRing) {
        return new RemediationTarget(computerId, hostname, region, site, newRing, updates);
    }
}
