package org.patchlake.web.remediation;

import org.patchlake.web.auth.AuthService.Viewer;
import org.patchlake.web.auth.Scope;
import org.patchlake.web.events.EventLanding;
import org.patchlake.web.http.WebException;
import org.patchlake.web.audit.AuditLog;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static java.util.Objects.requireNonNull;

/**
 * Remediation's operations: create a policy from a report row (idempotent), pause / resume / cancel it, ask
 * computers to rescan or restart. Each is scope-checked per computer, written to the audit log (who, when, the
 * row and parameters, the computers) and, for policies, landed as a {@code remediation_policy} event so ETL's
 * {@code policies} table names them.
 */
public final class RemediationService {
    static final Duration ACTION_LIFETIME = Duration.ofHours(24);

    private final RemediationStore store;
    private final RemediationWarehouse warehouse;
    private final TargetResolver resolver;
    private final AuditLog audit;
    private final EventLanding events;
    private final Clock clock;

    public RemediationService(RemediationStore store, RemediationWarehouse warehouse, AuditLog audit, EventLanding events, Clock clock) {
        this.store = requireNonNull(store, "store is null");
        this.warehouse = requireNonNull(warehouse, "warehouse is null");
        this.resolver = new TargetResolver(warehouse, store);
        this.audit = requireNonNull(audit, "audit is null");
        this.events = requireNonNull(events, "events is null");
        this.clock = requireNonNull(clock, "clock is null");
    }

    public RemediationStore store() {
        return store;
    }

    RemediationWarehouse warehouse() {
        return warehouse;
    }

    /** The targets a confirmation shows (nothing is stored). */
    TargetResolver.Resolution preview(Viewer viewer, RemediationSource source) {
        return resolver.resolve(source, viewer.user().scope());
    }

    public RemediationStore.Created create(Viewer viewer, RemediationRequest request, String address) {
        String actor = viewer.user().name();
        var existing = store.byIdempotencyKey(request.idempotencyKey());
        if (existing.isPresent()) {
            return repeated(existing.get(), actor);
        }
        TargetResolver.Resolution resolution = resolver.resolve(request.source(), viewer.user().scope());
        if (request.expectedTargets() != null && request.expectedTargets() != resolution.targets().size()) {
            throw WebException.conflict("the row now has " + resolution.targets().size() + " target computers, the confirmation showed "
                    + request.expectedTargets() + " (a new snapshot was published?): review the targets again");
        }
        Instant now = clock.instant();
        Instant start = request.startAt() == null ? now : request.startAt();
        if (request.deadline() != null && request.deadline().isBefore(start)) {
            throw new org.patchlake.web.http.BadParameterException("deadline", "deadline " + request.deadline() + " is before the start " + start);
        }
        List<RemediationTarget> targets = TargetResolver.rings(resolution.targets(), request.pilotPercent());
        String name = request.name() != null ? request.name() : "Remediate " + request.source().describe();
        RemediationDefinition definition = new RemediationDefinition(name, request.source(), resolution.snapshotId(), start,
                request.maintenanceWindow(), request.deadline(), request.reboot(), request.maxRetries(), request.pilotPercent(),
                request.pilotPause(), List.copyOf(resolution.kbs()), resolution.replacements());
        RemediationStore.Created created = store.create(request.idempotencyKey(), definition, resolution.parentPolicyId(), targets, actor, now);
        if (!created.created()) {
            return repeated(created.policy(), actor);
        }
        RemediationPolicy policy = created.policy();
        Map<String, Object> entry = new LinkedHashMap<>();
        entry.put("policy", policy.wireId());
        entry.put("name", name);
        entry.put("row", request.source());
        entry.put("parameters", definition);
        entry.put("targets", targets.size());
        entry.put("computers", targets.stream().map(RemediationTarget::computerId).toList());
        audit.record(actor, resolution.parentPolicyId() == null ? "remediation_policy_created" : "remediation_retry_created",
                "policy:" + policy.wireId(), null, entry, address);
        land(policy, "created");
        return created;
    }

    private RemediationStore.Created repeated(RemediationPolicy policy, String actor) {
        if (!policy.createdBy().equals(actor)) {
            throw WebException.conflict("idempotency key already used by another user's policy");
        }
        return new RemediationStore.Created(policy, false);
    }

    /** pause (active -> paused), resume (paused -> active), cancel (active or paused -> cancelled). */
    public RemediationPolicy changeStatus(Viewer viewer, long id, String change, String address) {
        RemediationPolicy before = visiblePolicy(viewer, id);
        requireWholePolicyInScope(viewer, before, change);
        RemediationPolicy.Status to = switch (change) {
            case "pause" -> RemediationPolicy.Status.PAUSED;
            case "resume" -> RemediationPolicy.Status.ACTIVE;
            case "cancel" -> RemediationPolicy.Status.CANCELLED;
            default -> throw new org.patchlake.web.http.BadParameterException("change", "change must be pause, resume or cancel");
        };
        RemediationPolicy.Status from = switch (change) {
            case "pause" -> RemediationPolicy.Status.ACTIVE;
            case "resume" -> RemediationPolicy.Status.PAUSED;
            default -> before.status() == RemediationPolicy.Status.CANCELLED ? RemediationPolicy.Status.ACTIVE : before.status();
        };
        if (before.status() != from || !store.changeStatus(id, from, to, clock.instant())) {
            throw WebException.conflict("policy " + before.wireId() + " is " + before.status().key() + ": cannot " + change + " it");
        }
        RemediationPolicy after = store.policy(id).orElseThrow();
        Map<String, Object> entry = new LinkedHashMap<>();
        entry.put("policy", after.wireId());
        entry.put("status", after.status().key());
        entry.put("revision", after.revision());
        entry.put("computers", store.targets(id).stream().map(RemediationTarget::computerId).toList());
        audit.record(viewer.user().name(), "remediation_policy_" + (change.equals("cancel") ? "cancelled" : change + "d"),
                "policy:" + after.wireId(), Map.of("status", before.status().key(), "revision", before.revision()), entry, address);
        land(after, change);
        return after;
    }

    /** A policy the viewer may see: at least one target in scope. */
    public RemediationPolicy visiblePolicy(Viewer viewer, long id) {
        RemediationPolicy policy = store.policy(id).orElseThrow(() -> noSuchPolicy(Long.toString(id)));
        Scope scope = viewer.user().scope();
        if (!scope.allRegions() && store.targets(id).stream().noneMatch(t -> scope.permits(t.region(), t.site()))) {
            throw noSuchPolicy(Long.toString(id)); // exactly as for an id that does not exist
        }
        return policy;
    }

    /** The one answer for a policy id that does not exist or lies wholly outside the viewer's scope. */
    static WebException noSuchPolicy(String id) {
        return WebException.notFound("no remediation policy " + id);
    }

    private void requireWholePolicyInScope(Viewer viewer, RemediationPolicy policy, String what) {
        Scope scope = viewer.user().scope();
        if (store.targets(policy.id()).stream().anyMatch(t -> !scope.permits(t.region(), t.site()))) {
            throw WebException.forbidden("policy " + policy.wireId() + " also targets computers outside your scope: you cannot " + what + " it");
        }
    }

    /**
     * Rescan or restart: one computer ({@code computerId}) or the targets of a policy in the viewer's scope
     * ({@code policyId}; a restart then only where an install waits for it).
     */
    public RemediationStore.ActionCreated act(Viewer viewer, RemediationAction.Kind kind, String idempotencyKey, String computerId,
                                              String policyId, int noticeMinutes, String noticeMessage, String report, String address) {
        String actor = viewer.user().name();
        var existing = store.actionByKey(idempotencyKey);
        if (existing.isPresent()) {
            if (!existing.get().createdBy().equals(actor)) {
                throw WebException.conflict("idempotency key already used by another user's action");
            }
            return new RemediationStore.ActionCreated(existing.get(), false);
        }
        Scope scope = viewer.user().scope();
        List<RemediationTarget> computers = new ArrayList<>();
        String row;
        if (computerId != null) {
            RemediationWarehouse.Place place = warehouse.place(computerId).filter(p -> scope.permits(p.region(), p.site()))
                    .orElseThrow(() -> WebException.notFound("computer " + computerId + " is not in the current snapshot within your scope"));
            computers.add(new RemediationTarget(place.computerId(), place.hostname(), place.region(), place.site(), 1, List.of()));
            row = "computer " + computerId;
        } else if (policyId != null) {
            RemediationPolicy policy = visiblePolicy(viewer, RemediationPolicy.idOf(policyId));
            Set<String> waiting = new LinkedHashSet<>();
            for (RemediationWarehouse.Attempt attempt : warehouse.latestAttempts(policy.wireId())) {
                if (attempt.outcome().equals("succeeded_reboot_required") && !attempt.restartedSince()) {
                    waiting.add(attempt.computerId());
                }
            }
            for (RemediationTarget target : store.targets(policy.id())) {
                if (scope.permits(target.region(), target.site())
                        && (kind == RemediationAction.Kind.RESCAN || waiting.contains(target.computerId()))) {
                    computers.add(target);
                }
            }
            row = "policy " + policy.wireId();
        } else {
            throw new org.patchlake.web.http.BadParameterException("computerId", "computerId or policyId is required");
        }
        if (computers.isEmpty()) {
            throw WebException.conflict("no computer of " + row + " to " + kind.key() + (kind == RemediationAction.Kind.RESTART
                    ? " (none waits for a restart)" : ""));
        }
        Instant now = clock.instant();
        Map<String, Object> source = new LinkedHashMap<>();
        source.put("row", row);
        source.put("report", report);
        String sourceText = row + (report == null ? "" : " on report " + report);
        RemediationStore.ActionCreated created = store.createAction(idempotencyKey, kind, noticeMinutes, noticeMessage, sourceText, computers,
                actor, now, now.plus(ACTION_LIFETIME));
        if (created.created()) {
            Map<String, Object> entry = new LinkedHashMap<>(source);
            entry.put("action", created.action().wireId());
            entry.put("noticeMinutes", noticeMinutes);
            entry.put("noticeMessage", noticeMessage);
            entry.put("computers", computers.stream().map(RemediationTarget::computerId).toList());
            audit.record(actor, "remediation_" + kind.key() + "_requested", "action:" + created.action().wireId(), null, entry, address);
        }
        return created;
    }

    private void land(RemediationPolicy policy, String action) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("action", action);
        fields.put("id", policy.wireId());
        fields.put("policyId", policy.wireId());
        fields.put("name", policy.name());
        fields.put("createdAt", policy.createdAt().toString());
        fields.put("status", policy.status().key());
        fields.put("revision", policy.revision());
        fields.put("createdBy", policy.createdBy());
        fields.put("targetCount", policy.targetCount());
        fields.put("kbs", policy.definition().kbs());
        fields.put("row", policy.definition().source().describe());
        fields.put("parentPolicyId", policy.parentId() == null ? null : RemediationPolicy.WIRE_PREFIX + policy.parentId());
        events.append("remediation_policy", null, fields);
    }
}
