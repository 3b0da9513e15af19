package org.patchlake.reports.query;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.util.Objects;
import org.patchlake.reports.query.ComplianceRows.GroupCompliance;

/** Report 7 (vulnerabilities), 8 (agent rollout and health) and 10 (regional roll-up: region, site). */
public final class FleetQueries {
    public record VulnerabilityCount(String severity, boolean exploited, long vulnerableUpdates, long required, long failed,
                                     long pendingReboot, long computers, long bulletins) {
    }

    public record VulnerabilityTrendPoint(LocalDate day, String severity, boolean exploited, long vulnerable, long applicable) {
    }

    /** {@code osUnresolved}: computers whose OS could not be resolved to the catalog's products (in-box products missing). */
    public record AgentHealth(long computers, long withAgent, long withoutAgent, long notReporting, long withScanErrors,
                              long osUnresolved, int days) {
    }

    /** A computer whose OS identity the catalog's products could not be resolved for, and why. */
    public record UnresolvedComputer(String computerId, String hostname, String region, String site, String computerClass,
                                     String agentVersion, String osProduct, String osName, String osVersion, String osBuild,
                                     Instant lastInventoryAt, String reason) {
    }

    public record AgentVersion(String agentVersion, long computers) {
    }

    public record AgentComputer(String computerId, String hostname, String region, String site, String computerClass,
                                String agentVersion, Instant lastInventoryAt, long scanErrorCount, String lastScanError) {
    }

    private static final SqlResource VULNERABILITIES = SqlResource.load(FleetQueries.class, "vulnerability_summary.sql");
    private static final SqlResource VULNERABILITY_TREND = SqlResource.load(FleetQueries.class, "vulnerability_trend.sql");
    private static final SqlResource AGENT_HEALTH = SqlResource.load(FleetQueries.class, "agent_health.sql");
    private static final SqlResource AGENT_VERSIONS = SqlResource.load(FleetQueries.class, "agent_versions.sql");
    private static final SqlResource AGENT_COMPUTERS = SqlResource.load(FleetQueries.class, "agent_not_reporting.sql");
    private static final SqlResource UNRESOLVED_OS = SqlResource.load(FleetQueries.class, "agent_unresolved_os.sql");
    private static final SqlResource REGIONAL = SqlResource.load(FleetQueries.class, "regional_rollup.sql");

    private final QueryRunner runner;

    public FleetQueries(QueryRunner runner) {
        this.runner = Objects.requireNonNull(runner, "runner is null");
    }

    public QueryResult<VulnerabilityCount> vulnerabilities(Scope scope, QueryFilter filter) {
        return runner.run(VULNERABILITIES, ComplianceQueries.parameters(scope, filter), rs -> new VulnerabilityCount(
                rs.getString("severity"), ResultColumns.flag(rs, "exploited"), ResultColumns.count(rs, "vulnerable_updates"),
                ResultColumns.count(rs, "required"), ResultColumns.count(rs, "failed"), ResultColumns.count(rs, "pending_reboot"),
                ResultColumns.count(rs, "computers"), ResultColumns.count(rs, "bulletins")), ComplianceQueries.reported(scope, filter));
    }

    public QueryResult<VulnerabilityTrendPoint> vulnerabilityTrend(Scope scope, QueryFilter filter, LocalDate fromDay, LocalDate toDay) {
        SqlParameters p = ComplianceQueries.parameters(scope, filter).put("from_day", fromDay).put("to_day", toDay);
        Map<String, Object> reported = ComplianceQueries.reported(scope, filter);
        reported.put("fromDay", fromDay);
        reported.put("toDay", toDay);
        return runner.run(VULNERABILITY_TREND, p, rs -> new VulnerabilityTrendPoint(ResultColumns.date(rs, "day"), rs.getString("severity"),
                ResultColumns.flag(rs, "exploited"), ResultColumns.count(rs, "vulnerable"), ResultColumns.count(rs, "applicable")), reported);
    }

    public QueryResult<AgentHealth> agentHealth(Scope scope, QueryFilter filter, int notReportingDays) {
        SqlParameters p = ComplianceQueries.parameters(scope, filter).put("days", notReportingDays);
        Map<String, Object> reported = ComplianceQueries.reported(scope, filter);
        reported.put("notReportingDays", notReportingDays);
        return runner.run(AGENT_HEALTH, p, rs -> new AgentHealth(ResultColumns.count(rs, "computers"), ResultColumns.count(rs, "with_agent"),
                ResultColumns.count(rs, "without_agent"), ResultColumns.count(rs, "not_reporting"), ResultColumns.count(rs, "with_scan_errors"),
                ResultColumns.count(rs, "os_unresolved"), notReportingDays), reported);
    }

    public QueryResult<AgentVersion> agentVersions(Scope scope, QueryFilter filter) {
        return runner.run(AGENT_VERSIONS, ComplianceQueries.parameters(scope, filter),
                rs -> new AgentVersion(rs.getString("agent_version"), ResultColumns.count(rs, "computers")), ComplianceQueries.reported(scope, filter));
    }

    /** Computers not reporting in N days (or, with {@code scanErrors}, computers with scan errors). */
    public QueryResult<AgentComputer> agentComputers(Scope scope, QueryFilter filter, int notReportingDays, boolean scanErrors, Page page) {
        SqlParameters p = ComplianceQueries.parameters(scope, filter).put("days", notReportingDays).put("only_scan_errors", scanErrors);
        page.bind(p);
        Map<String, Object> reported = ComplianceQueries.reported(scope, filter);
        reported.put(scanErrors ? "scanErrors" : "notReportingDays", scanErrors ? true : notReportingDays);
        return runner.run(AGENT_COMPUTERS, p, rs -> new AgentComputer(rs.getString("computer_id"), rs.getString("hostname"),
                rs.getString("region"), rs.getString("site"), rs.getString("computer_class"), rs.getString("agent_version"),
                ResultColumns.instant(rs, "last_inventory_at"), ResultColumns.count(rs, "scan_error_count"), rs.getString("last_scan_error")), reported);
    }

    /** Computers whose OS could not be resolved to the catalog's products, by reason. */
    public QueryResult<UnresolvedComputer> unresolvedOperatingSystems(Scope scope, QueryFilter filter, Page page) {
        SqlParameters p = ComplianceQueries.parameters(scope, filter);
        page.bind(p);
        return runner.run(UNRESOLVED_OS, p, rs -> new UnresolvedComputer(rs.getString("computer_id"), rs.getString("hostname"),
                rs.getString("region"), rs.getString("site"), rs.getString("computer_class"), rs.getString("agent_version"),
                rs.getString("os_product"), rs.getString("os_name"), rs.getString("os_version"), rs.getString("os_build"),
                ResultColumns.instant(rs, "last_inventory_at"), rs.getString("os_unresolved_reason")), ComplianceQueries.reported(scope, filter));
    }

    /** Report 10 top level: per region in scope. The computer level is {@link ComplianceQueries#byComputer} with a site filter. */
    public QueryResult<GroupCompliance> regions(Scope scope, QueryFilter filter) {
        return regional(scope, filter, "region", null);
    }

    /** Report 10 second level: the sites of one region (only the sites in scope). */
    public QueryResult<GroupCompliance> sites(Scope scope, QueryFilter filter, String region) {
        return regional(scope, filter, "site", Objects.requireNonNull(region, "region is null"));
    }

    private QueryResult<GroupCompliance> regional(Scope scope, QueryFilter filter, String level, String parentRegion) {
        SqlParameters p = ComplianceQueries.parameters(scope, filter).put("level", level).put("parent_region", parentRegion);
        Map<String, Object> reported = ComplianceQueries.reported(scope, filter);
        reported.put("level", level);
        if (parentRegion != null) {
            reported.put("parentRegion", parentRegion);
        }
        return runner.run(REGIONAL, p, rs -> new GroupCompliance(rs.getString("group_key"), ResultColumns.count(rs, "computers"),
                ResultColumns.counts(rs)), reported);
    }
}
