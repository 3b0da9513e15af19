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
 * @param actions     one-off actions (rescan, restart) for this computer; empty when none (absent before
 *                    protocol additions of 2026-11: older agents ignore it)
 */
public record PolicySet(String computerId, Instant generatedAt, List<Policy> policies, AgentSettings settings,
                        List<ComputerAction> actions) {
    public PolicySet {
        computerId = Checks.identifier(computerId, "computerId");
        Checks.required(generatedAt, "generatedAt");
        policies = Checks.optionalList(policies, "policies");
        Checks.required(settings, "settings");
        actions = Checks.optionalList(actions, "actions");
    }

    public PolicySet(String computerId, Instant generatedAt, List<Policy> policies, AgentSettings settings) {
        this(computerId, generatedAt, policies, settings, List.of());
    }

    public static PolicySet empty(String computerId, Instant now, AgentSettings settings) {
        return new PolicySet(computerId, now, List.of(), settings);
    }
}
