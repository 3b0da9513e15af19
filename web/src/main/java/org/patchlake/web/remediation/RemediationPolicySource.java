package org.patchlake.web.remediation;

import org.patchlake.core.protocol.AgentSettings;
import org.patchlake.core.protocol.ComputerAction;
import org.patchlake.core.protocol.InstallerKind;
import org.patchlake.core.protocol.Policy;
import org.patchlake.core.protocol.PolicySet;
import org.patchlake.core.protocol.PolicyState;
import org.patchlake.core.protocol.PolicyUpdate;
import org.patchlake.ingest.policy.PolicySource;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import static java.util.Objects.requireNonNull;

/**
 * {@code GET /api/agent/v1/policies} over the operational store: a computer receives a policy only when it is
 * one of the policy's frozen targets and the policy is live (active; paused ones are sent as PAUSED so the agent
 * stops and keeps its progress). Cancelled policies are no longer sent. Each computer gets only its own updates,
 * starting when its rollout ring starts. Rescan and restart actions for the computer ride along until they expire
 * (the agent runs each once).
 */
public final class RemediationPolicySource implements PolicySource {
    private final RemediationStore store;
    private final RemediationPackages packages;
    private final Supplier<String> baseUrl;

    /** @param baseUrl how agents reach this server, e.g. {@code https://patchlake.example.com} (read at each check-in) */
    public RemediationPolicySource(RemediationStore store, RemediationPackages packages, Supplier<String> baseUrl) {
        this.store = requireNonNull(store, "store is null");
        this.packages = requireNonNull(packages, "packages is null");
        this.baseUrl = requireNonNull(baseUrl, "baseUrl is null");
    }

    @Override
    public PolicySet policiesFor(String computerId, Instant now, AgentSettings settings) {
        List<Policy> policies = new ArrayList<>();
        for (RemediationStore.Assignment assignment : store.assignments(computerId)) {
            policies.add(policy(assignment));
        }
        List<ComputerAction> actions = new ArrayList<>();
        for (RemediationAction action : store.pendingActions(computerId, now)) {
            actions.add(new ComputerAction(action.wireId(), action.kind() == RemediationAction.Kind.RESTART ? ComputerAction.Kind.RESTART
                    : ComputerAction.Kind.RESCAN, action.createdAt(), action.noticeMinutes(), action.noticeMessage()));
        }
        return new PolicySet(computerId, now, policies, settings, actions);
    }

    Policy policy(RemediationStore.Assignment assignment) {
        RemediationPolicy policy = assignment.policy();
        RemediationDefinition definition = policy.definition();
        Map<String, PolicyUpdate> byKb = new LinkedHashMap<>();
        String base = baseUrl.get();
        for (RemediationTarget.Update update : assignment.updates()) {
            byKb.computeIfAbsent(update.kb(), kb -> new PolicyUpdate(kb, update.product(),
                    base + RemediationPackages.PATH + RemediationPackages.fileName(kb), packages.get(kb).sha256(), InstallerKind.MSU, null));
        }
        Instant start = definition.startOf(assignment.ring());
        Instant deadline = definition.deadline() == null ? null : definition.deadline().isBefore(start) ? start : definition.deadline();
        PolicyState state = policy.status() == RemediationPolicy.Status.PAUSED ? PolicyState.PAUSED : PolicyState.ACTIVE;
        return new Policy(policy.wireId(), policy.revision(), List.copyOf(byKb.values()), start, definition.maintenanceWindow(), deadline,
                definition.reboot(), definition.maxRetries(), state);
    }
}
