package org.patchlake.reports.query;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/** Report 5 (software update delivery summary) and report 6 (reboot status). */
public final class DeliveryQueries {
    public static final Duration DEFAULT_WINDOW = Duration.ofDays(30);

    /** Per policy: computer x update targets by the outcome of their latest attempt in the window. */
    public record PolicyDelivery(String policyId, String policyName, long attempts, long computers, long targets,
                                 long succeeded, long succeededRebootRequired, long failed, long notCompleted) {
        public PolicyDelivery {
            Objects.requireNonNull(policyId, "policyId is null");
            if (succeeded + failed + notCompleted != targets) {
                throw new IllegalArgumentException("policy " + policyId + ": outcomes do not add up to " + targets + " targets");
            }
        }
    }

    /** Attempts with one return code (null = none reported) and what it means. */
    public record ReturnCodeCount(Long returnCode, String hex, String meaning, long attempts, long computers, long failedAttempts) {
        public ReturnCodeCount {
            Objects.requireNonNull(meaning, "meaning is null");
        }
    }

    public record PendingReboot(String computerId, String hostname, String region, String site, String computerClass,
                                Instant pendingSince, Instant lastBootAt, Double hoursPending, long updatesPendingReboot) {
        public PendingReboot {
            Objects.requireNonNull(computerId, "computerId is null");
        }
    }

    private static final SqlResource BY_POLICY = SqlResource.load(DeliveryQueries.class, "delivery_by_policy.sql");
    private static final SqlResource RETURN_CODES = SqlResource.load(DeliveryQueries.class, "delivery_return_codes.sql");
    private static final SqlResource REBOOTS = SqlResource.load(DeliveryQueries.class, "reboot_pending.sql");
    private static final SqlResource REBOOT_COUNT = SqlResource.load(DeliveryQueries.class, "reboot_count.sql");

    /** Report 6 headline: computers pending a restart (all, not a page), updates waiting, longest wait. */
    public record RebootCount(long computers, long updatesPendingReboot, Double longestHoursPending) {
        public RebootCount {
            if (computers < 0 || updatesPendingReboot < 0) {
                throw new IllegalArgumentException("counts must not be negative");
            }
        }
    }

    private final QueryRunner runner;

    public DeliveryQueries(QueryRunner runner) {
        this.runner = Objects.requireNonNull(runner, "runner is null");
    }

    /** Attempts started in [from, to); null bounds mean the last 30 days before the snapshot's data-as-of time. */
    public QueryResult<PolicyDelivery> byPolicy(Scope scope, QueryFilter filter, Instant from, Instant to) {
        try (SnapshotLease lease = runner.warehouse().lease()) {
            SqlParameters p = window(lease, scope, filter, from, to);
            return runner.run(lease, BY_POLICY, p, rs -> new PolicyDelivery(rs.getString("policy_id"), rs.getString("policy_name"),
                    ResultColumns.count(rs, "attempts"), ResultColumns.count(rs, "computers"), ResultColumns.count(rs, "targets"), ResultColumns.count(rs, "succeeded"),
                    ResultColumns.count(rs, "succeeded_reboot_required"), ResultColumns.count(rs, "failed"), ResultColumns.count(rs, "not_completed")),
                    reported(scope, filter, p));
        }
    }

    public QueryResult<ReturnCodeCount> returnCodes(Scope scope, QueryFilter filter, Instant from, Instant to, String policyIdOrNull) {
        try (SnapshotLease lease = runner.warehouse().lease()) {
            SqlParameters p = window(lease, scope, filter, from, to).put("policy_id", policyIdOrNull);
            Map<String, Object> reported = reported(scope, filter, p);
            if (policyIdOrNull != null) {
                reported.put("policy", policyIdOrNull);
            }
            return runner.run(lease, RETURN_CODES, p, rs -> new ReturnCodeCount(ResultColumns.nullableLong(rs, "return_code"),
                    rs.getString("hex"), rs.getString("meaning"), ResultColumns.count(rs, "attempts"), ResultColumns.count(rs, "computers"),
                    ResultColumns.count(rs, "failed_attempts")), reported);
        }
    }

    public QueryResult<PendingReboot> pendingReboots(Scope scope, QueryFilter filter, Page page) {
        SqlParameters p = ComplianceQueries.parameters(scope, filter);
        page.bind(p);
        return runner.run(REBOOTS, p, rs -> new PendingReboot(rs.getString("computer_id"), rs.getString("hostname"),
                rs.getString("region"), rs.getString("site"), rs.getString("computer_class"),
                ResultColumns.instant(rs, "pending_reboot_since"), ResultColumns.instant(rs, "last_boot_at"),
                ResultColumns.nullableDouble(rs, "hours_pending"), ResultColumns.count(rs, "updates_pending_reboot")),
                ComplianceQueries.reported(scope, filter));
    }

    /** How many computers {@link #pendingReboots} lists in all (its pages), with the updates waiting for them. */
    public QueryResult<RebootCount> pendingRebootCount(Scope scope, QueryFilter filter) {
        return runner.run(REBOOT_COUNT, ComplianceQueries.parameters(scope, filter), rs -> new RebootCount(ResultColumns.count(rs, "computers"),
                ResultColumns.count(rs, "updates_pending_reboot"), ResultColumns.nullableDouble(rs, "longest_hours_pending")),
                ComplianceQueries.reported(scope, filter));
    }

    private static SqlParameters window(SnapshotLease lease, Scope scope, QueryFilter filter, Instant from, Instant to) {
        Instant end = to != null ? to : lease.snapshot().dataAsOf();
        Instant start = from != null ? from : end.minus(DEFAULT_WINDOW);
        if (!start.isBefore(end)) {
            throw new IllegalArgumentException("delivery window from " + start + " is not before " + end);
        }
        return ComplianceQueries.parameters(scope, filter).put("from_time", start).put("to_time", end);
    }

    private static Map<String, Object> reported(Scope scope, QueryFilter filter, SqlParameters p) {
        Map<String, Object> reported = ComplianceQueries.reported(scope, filter);
        reported.put("from", p.values().get("from_time"));
        reported.put("to", p.values().get("to_time"));
        return reported;
    }
}
