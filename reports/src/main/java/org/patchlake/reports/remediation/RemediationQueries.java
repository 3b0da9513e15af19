package org.patchlake.reports.remediation;

import org.patchlake.reports.query.ComplianceQueries;
import org.patchlake.reports.query.QueryFilter;
import org.patchlake.reports.query.QueryResult;
import org.patchlake.reports.query.QueryRunner;
import org.patchlake.reports.query.ResultColumns;
import org.patchlake.reports.query.Scope;
import org.patchlake.reports.query.SqlParameters;
import org.patchlake.reports.query.SqlResource;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/** What remediation reads from the warehouse: the targets of a report row, and the deliveries of a policy. */
public final class RemediationQueries {
    /** One computer x update still to install; {@code installKb} replaces {@code requiredKb} when superseded. */
    public record TargetPair(String computerId, String hostname, String region, String site, String bulletinId,
                             String requiredKb, String product, String state, String installKb) {
        public TargetPair {
            Objects.requireNonNull(computerId, "computerId is null");
            Objects.requireNonNull(requiredKb, "requiredKb is null");
            Objects.requireNonNull(product, "product is null");
            Objects.requireNonNull(installKb, "installKb is null");
        }
    }

    /** The latest attempt of one computer x KB of a policy. */
    public record LatestAttempt(String computerId, String kb, String outcome, Long returnCode, String returnCodeHex,
                                String meaning, int attempt, Instant startedAt, boolean restartedSince, boolean pendingReboot) {
        public LatestAttempt {
            Objects.requireNonNull(computerId, "computerId is null");
            Objects.requireNonNull(kb, "kb is null");
            Objects.requireNonNull(outcome, "outcome is null");
        }
    }

    /** Where a computer is, for scope checks. */
    public record ComputerPlace(String computerId, String hostname, String region, String site, boolean pendingReboot) {
        public ComputerPlace {
            Objects.requireNonNull(computerId, "computerId is null");
        }
    }

    private static final SqlResource PLACE = SqlResource.load(RemediationQueries.class, "computer_place.sql");
    private static final SqlResource TARGETS = SqlResource.load(RemediationQueries.class, "remediation_targets.sql");
    private static final SqlResource DELIVERIES = SqlResource.load(RemediationQueries.class, "policy_deliveries.sql");

    private final QueryRunner runner;

    public RemediationQueries(QueryRunner runner) {
        this.runner = Objects.requireNonNull(runner, "runner is null");
    }

    /**
     * @param bulletinIdOrNull  a bulletin row, or null for every bulletin
     * @param computerIdOrNull  a computer row, or null for every computer
     * @param filter            regions and sites narrow within the scope
     */
    public QueryResult<TargetPair> targets(Scope scope, QueryFilter filter, String bulletinIdOrNull, String computerIdOrNull) {
        SqlParameters p = ComplianceQueries.parameters(scope, filter).put("bulletin_id", bulletinIdOrNull)
                .put("computer_id", computerIdOrNull);
        Map<String, Object> reported = new LinkedHashMap<>(ComplianceQueries.reported(scope, filter));
        reported.put("bulletin", bulletinIdOrNull);
        reported.put("computer", computerIdOrNull);
        return runner.run(TARGETS, p, rs -> new TargetPair(rs.getString("computer_id"), rs.getString("hostname"),
                rs.getString("region"), rs.getString("site"), rs.getString("bulletin_id"), rs.getString("required_kb"),
                rs.getString("product"), rs.getString("state"), rs.getString("install_kb")), reported);
    }

    /** The computer (any scope: the caller checks it), or an empty result when the snapshot does not know it. */
    public QueryResult<ComputerPlace> place(String computerId) {
        SqlParameters p = new SqlParameters().put("computer_id", Objects.requireNonNull(computerId, "computerId is null"));
        return runner.run(PLACE, p, rs -> new ComputerPlace(rs.getString("computer_id"), rs.getString("hostname"),
                rs.getString("region"), rs.getString("site"), ResultColumns.flag(rs, "pending_reboot")), Map.of("computer", computerId));
    }

    /** Latest attempt per computer x KB of the policy (its wire id, e.g. {@code rem-12}). */
    public QueryResult<LatestAttempt> latestAttempts(String policyId) {
        SqlParameters p = new SqlParameters().put("policy_id", Objects.requireNonNull(policyId, "policyId is null"));
        return runner.run(DELIVERIES, p, rs -> new LatestAttempt(rs.getString("computer_id"), rs.getString("kb"),
                rs.getString("outcome"), ResultColumns.nullableLong(rs, "return_code"), rs.getString("return_code_hex"),
                rs.getString("meaning"), (int) ResultColumns.count(rs, "attempt"), ResultColumns.instant(rs, "started_at"),
                ResultColumns.flag(rs, "restarted_since"), ResultColumns.flag(rs, "pending_reboot")), Map.of("policy", policyId));
    }
}
