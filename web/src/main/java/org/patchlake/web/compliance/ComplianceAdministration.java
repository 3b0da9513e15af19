package org.patchlake.web.compliance;

import org.patchlake.web.events.EventLanding;
import org.patchlake.web.http.WebException;
import org.patchlake.web.audit.AuditLog;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * Changes that affect compliance: exceptions, custom severities, SLA policies. Each is stored, audited (before
 * and after) and landed as an {@code event} envelope so ETL folds it in.
 */
public final class ComplianceAdministration {
    private final ComplianceStore store;
    private final AuditLog audit;
    private final EventLanding events;
    private final Clock clock;

    public ComplianceAdministration(ComplianceStore store, AuditLog audit, EventLanding events, Clock clock) {
        this.store = requireNonNull(store, "store is null");
        this.audit = requireNonNull(audit, "audit is null");
        this.events = requireNonNull(events, "events is null");
        this.clock = requireNonNull(clock, "clock is null");
    }

    public ComplianceException grantException(String actor, String computerId, String bulletinId, String owner,
                                              String reason, Instant expiresAt, String address) {
        Instant now = clock.instant();
        if (!expiresAt.isAfter(now)) {
            throw new org.patchlake.web.http.BadParameterException("expiresAt", "expiry " + expiresAt + " is not in the future");
        }
        Optional<Long> existing = store.activeException(computerId, bulletinId, now);
        if (existing.isPresent()) {
            throw WebException.conflict("computer " + computerId + " already has active exception " + existing.get()
                    + " for " + bulletinId);
        }
        ComplianceException granted = store.grant(new ComplianceException(0, computerId, bulletinId, owner, reason,
                expiresAt, actor, now, null, null));
        audit.record(actor, "exception_granted", "exception:" + granted.id(), null, granted, address);
        events.append("exception", computerId, exceptionEvent("granted", granted));
        return granted;
    }

    public ComplianceException revokeException(String actor, long id, String address) {
        ComplianceException before = store.exception(id).orElseThrow(() -> WebException.notFound("no exception with id " + id));
        if (!store.revoke(id, actor, clock.instant())) {
            throw WebException.conflict("exception " + id + " is already revoked");
        }
        ComplianceException after = store.exception(id).orElseThrow();
        audit.record(actor, "exception_revoked", "exception:" + id, before, after, address);
        events.append("exception", after.computerId(), exceptionEvent("revoked", after));
        return after;
    }

    private static Map<String, Object> exceptionEvent(String action, ComplianceException exception) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("action", action);
        fields.put("id", "web-exception-" + exception.id());
        fields.put("exceptionId", exception.id());
        fields.put("createdAt", exception.grantedAt().toString());
        fields.put("revoked", exception.revokedAt() != null);
        fields.put("computerId", exception.computerId());
        fields.put("bulletinId", exception.bulletinId());
        fields.put("owner", exception.owner());
        fields.put("reason", exception.reason());
        fields.put("grantedBy", exception.grantedBy());
        fields.put("grantedAt", exception.grantedAt().toString());
        fields.put("expiresAt", exception.expiresAt().toString());
        fields.put("revokedAt", exception.revokedAt() == null ? null : exception.revokedAt().toString());
        return fields;
    }

    public CustomSeverity setSeverity(String actor, String bulletinId, String severity, String reason, String address) {
        Optional<CustomSeverity> before = store.severity(bulletinId);
        CustomSeverity after = new CustomSeverity(bulletinId, severity, reason, actor, clock.instant());
        store.setSeverity(after);
        audit.record(actor, "custom_severity_set", "bulletin:" + bulletinId, before.orElse(null), after, address);
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("action", "set");
        fields.put("id", bulletinId);
        fields.put("bulletinId", bulletinId);
        fields.put("severity", severity);
        fields.put("reason", reason);
        fields.put("setBy", actor);
        events.append("custom_severity", null, fields);
        return after;
    }

    public void clearSeverity(String actor, String bulletinId, String address) {
        CustomSeverity before = store.severity(bulletinId)
                .orElseThrow(() -> WebException.notFound("bulletin " + bulletinId + " has no custom severity"));
        store.clearSeverity(bulletinId);
        audit.record(actor, "custom_severity_cleared", "bulletin:" + bulletinId, before, null, address);
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("action", "cleared");
        fields.put("id", bulletinId);
        fields.put("bulletinId", bulletinId);
        fields.put("severity", null);
        fields.put("setBy", actor);
        events.append("custom_severity", null, fields);
    }

    public SlaPolicy saveSlaPolicy(String actor, SlaPolicy policy, String address) {
        SlaPolicy before = policy.id() == 0 ? null
                : store.slaPolicy(policy.id()).orElseThrow(() -> WebException.notFound("no SLA policy with id " + policy.id()));
        SlaPolicy after = store.save(policy);
        audit.record(actor, before == null ? "sla_policy_created" : "sla_policy_changed", "sla_policy:" + after.id(),
                before, after, address);
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("action", before == null ? "created" : "changed");
        fields.put("id", "web-sla-policy-" + after.id());
        fields.put("policyId", after.id());
        fields.put("name", after.name());
        fields.put("severity", after.severity());
        fields.put("computerClass", after.computerClass());
        fields.put("managedLevel", after.managedLevel());
        fields.put("clockStart", after.clockStart());
        fields.put("phases", after.phases());
        fields.put("measured", after.measured());
        fields.put("active", after.active());
        events.append("sla_policy", null, fields);
        return after;
    }

    public ComplianceStore store() {
        return store;
    }
}
