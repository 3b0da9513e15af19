package org.patchlake.reports.query;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.patchlake.reports.query.ComputerRows.ComputerDetail;
import org.patchlake.reports.query.ComputerRows.ComputerUpdate;
import org.patchlake.reports.query.ComputerRows.DeliveryAttempt;
import org.patchlake.reports.query.ComputerRows.HistoryEntry;
import org.patchlake.reports.query.ComputerRows.InstallPlan;
import org.patchlake.reports.query.ComputerRows.PlannedInstall;

/**
 * Drill-down into one computer (report 2 and the last step of report 1). A computer id that does not exist
 * or lies outside the scope throws {@link NotFoundException}; a computer in scope with nothing to show for a
 * step gives an empty result. The check and the rows come from the same statement.
 */
public final class ComputerQueries {
    /** The states report 2 lists as "required updates": everything not yet installed and effective. */
    public static final List<String> NOT_COMPLIANT = List.of("REQUIRED", "FAILED", "INSTALLED_PENDING_REBOOT", "UNKNOWN", "EXEMPT");
    public static final List<String> ALL_STATES = List.of("INSTALLED", "INSTALLED_PENDING_REBOOT", "REQUIRED", "FAILED", "UNKNOWN", "EXEMPT");

    private static final SqlResource DETAIL = SqlResource.load(ComputerQueries.class, "computer_detail.sql");
    private static final SqlResource UPDATES = SqlResource.load(ComputerQueries.class, "computer_updates.sql");
    private static final SqlResource HISTORY = SqlResource.load(ComputerQueries.class, "computer_history.sql");
    private static final SqlResource DELIVERIES = SqlResource.load(ComputerQueries.class, "computer_deliveries.sql");
    private static final SqlResource INSTALL_PLAN = SqlResource.load(ComputerQueries.class, "computer_install_plan.sql");
    private static final SqlResource NAMED = SqlResource.load(ComputerQueries.class, "computers_named.sql");

    /** A computer found by its host name. */
    public record NamedComputer(String computerId, String hostname, String region, String site) {
        public NamedComputer {
            Objects.requireNonNull(computerId, "computerId is null");
        }
    }

    private final QueryRunner runner;

    public ComputerQueries(QueryRunner runner) {
        this.runner = Objects.requireNonNull(runner, "runner is null");
    }

    public QueryResult<ComputerDetail> computer(Scope scope, String computerId) {
        SqlParameters p = parameters(scope, computerId);
        QueryResult<ComputerDetail> result = runner.runForEntity(DETAIL, p, rs -> new ComputerDetail(rs.getString("computer_id"),
                rs.getString("hostname"), rs.getString("domain"), rs.getString("region"), rs.getString("site"),
                rs.getString("ou"), rs.getString("computer_class"),
                rs.getObject("managed_level") == null ? null : rs.getInt("managed_level"), rs.getString("os_name"),
                rs.getString("os_version"), rs.getString("os_build"), rs.getString("architecture"),
                rs.getString("agent_version"), ResultColumns.instant(rs, "enrolled_at"), ResultColumns.instant(rs, "last_inventory_at"),
                ResultColumns.instant(rs, "last_boot_at"), ResultColumns.flag(rs, "pending_reboot_flag"),
                ResultColumns.instant(rs, "pending_reboot_since"), ResultColumns.flag(rs, "reporting"), ResultColumns.count(rs, "scan_error_count"),
                rs.getString("last_scan_error"), ResultColumns.instant(rs, "last_scan_at"),
                ResultColumns.nullableLong(rs, "last_scan_duration_ms"), ResultColumns.nullableLong(rs, "last_scan_error_count"),
                ResultColumns.counts(rs)), reported(scope, computerId), "computer", computerId);
        return result;
    }

    /** The computer's updates in the given states (default {@link #NOT_COMPLIANT}: its required updates). */
    public QueryResult<ComputerUpdate> updates(Scope scope, String computerId, List<String> states) {
        SqlParameters p = parameters(scope, computerId).put("states", List.copyOf(states));
        Map<String, Object> reported = reported(scope, computerId);
        reported.put("states", states);
        QueryResult<ComputerUpdate> result = runner.runForEntity(UPDATES, p, rs -> rs.getString("update_id") == null ? null
                : new ComputerUpdate(rs.getString("update_id"), rs.getString("kb"), rs.getString("bulletin_id"),
                rs.getString("product"), rs.getString("state"), ResultColumns.instant(rs, "state_since"),
                ResultColumns.instant(rs, "first_applicable_at"), ResultColumns.instant(rs, "installed_at"),
                rs.getString("installed_via_kb"), ResultColumns.count(rs, "failed_attempts"), rs.getString("title"),
                rs.getString("severity"), ResultColumns.flag(rs, "exploited"), rs.getString("restart_behaviour"), rs.getString("install_kb")),
                reported, "computer", computerId);
        return result;
    }

    /** What to install on the computer (its install plan), one row. */
    public QueryResult<InstallPlan> installPlan(Scope scope, String computerId) {
        boolean[] planned = new boolean[1];
        QueryResult<PlannedInstall> installs = runner.runForEntity(INSTALL_PLAN, parameters(scope, computerId), rs -> {
            planned[0] = ResultColumns.flag(rs, "planned");
            return rs.getString("kb") == null ? null : new PlannedInstall(rs.getString("kb"), ResultColumns.date(rs, "released"),
                    ResultColumns.count(rs, "fixes"), ResultColumns.strings(rs, "products"));
        }, reported(scope, computerId), "computer", computerId);
        return new QueryResult<>(List.of(new InstallPlan(computerId, planned[0], installs.rows())), installs.snapshotId(),
                installs.publishedAt(), installs.dataAsOf(), installs.parameters());
    }

    public QueryResult<HistoryEntry> history(Scope scope, String computerId, Page page) {
        SqlParameters p = parameters(scope, computerId);
        page.bind(p);
        QueryResult<HistoryEntry> result = runner.runForEntity(HISTORY, p, rs -> rs.getString("update_id") == null ? null
                : new HistoryEntry(rs.getString("update_id"), rs.getString("bulletin_id"), rs.getString("state"),
                ResultColumns.instant(rs, "valid_from"), ResultColumns.instant(rs, "valid_to"), ResultColumns.flag(rs, "regression")),
                reported(scope, computerId), "computer", computerId);
        return result;
    }

    public QueryResult<DeliveryAttempt> deliveries(Scope scope, String computerId, Page page) {
        SqlParameters p = parameters(scope, computerId);
        page.bind(p);
        QueryResult<DeliveryAttempt> result = runner.runForEntity(DELIVERIES, p, rs -> rs.getString("outcome") == null ? null
                : new DeliveryAttempt(rs.getString("policy_id"), rs.getString("update_id"), rs.getString("kb"),
                ResultColumns.count(rs, "attempt"), ResultColumns.instant(rs, "started_at"), ResultColumns.instant(rs, "ended_at"),
                ResultColumns.nullableLong(rs, "return_code"), rs.getString("outcome"), rs.getString("meaning")),
                reported(scope, computerId), "computer", computerId);
        return result;
    }

    /** The computers in scope whose host name is {@code hostname} (case-insensitive), at most 20, by id. */
    public QueryResult<NamedComputer> named(Scope scope, String hostname) {
        SqlParameters p = new SqlParameters().put("hostname", Objects.requireNonNull(hostname, "hostname is null"));
        scope.bind(p);
        Map<String, Object> reported = new java.util.LinkedHashMap<>(scope.describe());
        reported.put("hostname", hostname);
        return runner.run(NAMED, p, rs -> new NamedComputer(rs.getString("computer_id"), rs.getString("hostname"), rs.getString("region"),
                rs.getString("site")), reported);
    }

    private static SqlParameters parameters(Scope scope, String computerId) {
        SqlParameters p = new SqlParameters().put("computer_id", Objects.requireNonNull(computerId, "computerId is null"));
        scope.bind(p);
        return p;
    }

    private static Map<String, Object> reported(Scope scope, String computerId) {
        Map<String, Object> reported = new java.util.LinkedHashMap<>(scope.describe());
        reported.put("computer", computerId);
        return reported;
    }
}
