package org.patchlake.core.protocol;

import java.time.Instant;
import java.util.List;

/**
 * {@code GET /api/agent/v1/policies}: everything this computer must do now, and its settings.
 *
 * @param computerId  the computer asked for
 * @param generatedAt server time of the answer
 * @param policies    current policies (empty when none)
 * @param settings    agent settings
 */
public record PolicySet(String computerId, Instant generatedAt, List<Policy> policies, AgentSettings settings) {
    public PolicySet {
        computerId = Checks.identifier(computerId, "computerId");
        Checks.required(generatedAt, "generatedAt");
        policies = Checks.optionalList(policies, "policies");
        Checks.required(settings, "settings");
    }

    public static PolicySet empty(String computerId, Instant now, AgentSettings settings) {
        return new PolicySet(computerId, now, List.of(), settings);
    }
}
