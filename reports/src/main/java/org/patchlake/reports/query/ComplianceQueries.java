package org.patchlake.reports.query;

import org.patchlake.core.state.ComplianceCounts;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.patchlake.reports.query.ComplianceRows.BulletinComputer;
import org.patchlake.reports.query.ComplianceRows.BulletinCompliance;
import org.patchlake.reports.query.ComplianceRows.ComputerCompliance;
import org.patchlake.reports.query.ComplianceRows.DailyCompliance;
import org.patchlake.reports.query.ComplianceRows.GroupCompliance;
import org.patchlake.reports.query.ComplianceRows.UpdateCompliance;
import org.patchlake.reports.query.Sorts.BulletinSort;
import org.patchlake.reports.query.Sorts.ComputerSort;

/** Reports 1 (by bulletin, its drill-downs, as of a date), 2 (by computer) and 3 (by update). */
public final class ComplianceQueries {
    /** Which computers of a bulletin a drill-down lists. */
    public enum Selection {
        APPLICABLE(List.of("INSTALLED", "INSTALLED_PENDING_REBOOT", "REQUIRED", "FAILED", "EXEMPT", "UNKNOWN")),
        INSTALLED(List.of("INSTALLED")),
        VULNERABLE(List.of("INSTALLED_PENDING_REBOOT", "REQUIRED", "FAILED"));

        final List<String> states;

        Selection(List<String> states) {
            this.states = states;
        }
    }

    private static final SqlResource BY_BULLETIN = SqlResource.load(ComplianceQueries.class, "compliance_by_bulletin.sql");
    private static final SqlResource BULLETIN_COMPUTERS = SqlResource.load(ComplianceQueries.class, "bulletin_computers.sql");
    private static final SqlResource BY_COMPUTER = SqlResource.load(ComplianceQueries.class, "compliance_by_computer.sql");
    private static final SqlResource BY_COMPUTER_TOTALS = SqlResource.load(ComplianceQueries.class, "compliance_by_computer_totals.sql");
    private static final SqlResource BY_COMPUTER_SEVERITY = SqlResource.load(ComplianceQueries.class, "compliance_by_computer_severity.sql");
    private static final SqlResource BY_UPDATE = SqlResource.load(ComplianceQueries.class, "compliance_by_update.sql");
    private static final SqlResource AS_OF_DAY = SqlResource.load(ComplianceQueries.class, "compliance_as_of_day.sql");
    private static final SqlResource TREND = SqlResource.load(ComplianceQueries.class, "compliance_trend.sql");
    private static final SqlResource BULLETIN_AT = SqlResource.load(ComplianceQueries.class, "bulletin_compliance_at.sql");

    private final QueryRunner runner;

    public ComplianceQueries(QueryRunner runner) {
        this.runner = Objects.requireNonNull(runner, "runner is null");
    }

    public QueryResult<BulletinCompliance> byBulletin(Scope scope, QueryFilter filter, BulletinSort sort) {
        SqlParameters p = parameters(scope, filter);
        Map<String, Object> reported = reported(scope, filter);
        reported.put("sort", sort);
        return runner.run(BY_BULLETIN.withOrderBy(sort.sql), p, ComplianceQueries::bulletinRow, reported);
    }

    public QueryResult<BulletinComputer> bulletinComputers(Scope scope, String bulletinId, Selection selection,
                                                           QueryFilter filter, Page page) {
        SqlParameters p = parameters(scope, filter).put("bulletin_id", bulletinId).put("states", selection.states);
        page.bind(p);
        Map<String, Object> reported = reported(scope, filter);
        reported.put("bulletin", bulletinId);
        reported.put("computers", selection);
        return runner.run(BULLETIN_COMPUTERS, p, rs -> new BulletinComputer(rs.getString("computer_id"),
                rs.getString("hostname"), rs.getString("region"), rs.getString("site"), rs.getString("computer_class"),
                rs.getString("state"), ResultColumns.instant(rs, "first_applicable_at"), ResultColumns.instant(rs, "compliant_at")), reported);
    }

    public QueryResult<ComputerCompliance> byComputer(Scope scope, QueryFilter filter, ComputerSort sort, Page page) {
        SqlParameters p = parameters(scope, filter);
        page.bind(p);
        Map<String, Object> reported = reported(scope, filter);
        reported.put("sort", sort);
        // the same rows from the smallest source that can answer: per-computer totals, per computer x severity, or
        // (with a release-date filter, which needs each bulletin) every computer x bulletin state
        SqlResource sql = filter.from() != null || filter.to() != null ? BY_COMPUTER
                : filter.severities().isEmpty() ? BY_COMPUTER_TOTALS : BY_COMPUTER_SEVERITY;
        return runner.run(sql.withOrderBy(sort.sql), p, rs -> new ComputerCompliance(rs.getString("computer_id"),
                rs.getString("hostname"), rs.getString("region"), rs.getString("site"), rs.getString("computer_class"),
                rs.getObject("managed_level") == null ? null : rs.getInt("managed_level"),
                ResultColumns.instant(rs, "last_inventory_at"), ResultColumns.flag(rs, "pending_reboot_flag"), ResultColumns.counts(rs),
                ResultColumns.strings(rs, "install_kbs"), rs.getLong("computers_matching")), reported);
    }

    /** How many computers {@link #byComputer} gives on all its pages (0 when the page is past the end). */
    public static long computersMatching(QueryResult<ComputerCompliance> page) {
        return page.rows().isEmpty() ? 0 : page.rows().get(0).computersMatching();
    }

    public QueryResult<UpdateCompliance> byUpdate(Scope scope, QueryFilter filter, String bulletinIdOrNull) {
        SqlParameters p = parameters(scope, filter).put("bulletin_id", bulletinIdOrNull);
        Map<String, Object> reported = reported(scope, filter);
        if (bulletinIdOrNull != null) {
            reported.put("bulletin", bulletinIdOrNull);
        }
        return runner.run(BY_UPDATE, p, rs -> new UpdateCompliance(rs.getString("update_id"), rs.getString("kb"),
                rs.getString("product"), rs.getString("bulletin_id"), rs.getString("severity"), ResultColumns.counts(rs)), reported);
    }

    /** Report 1 as it stood at the end of {@code day} (compliance_daily). */
    public QueryResult<BulletinCompliance> byBulletinAsOf(Scope scope, QueryFilter filter, LocalDate day) {
        SqlParameters p = parameters(scope, filter).put("day", Objects.requireNonNull(day, "day is null"));
        Map<String, Object> reported = reported(scope, filter);
        reported.put("asOfDay", day);
        return runner.run(AS_OF_DAY, p, ComplianceQueries::bulletinRow, reported);
    }

    /** Compliance of everything in scope and filter per day (compliance_daily), for the trend charts. */
    public QueryResult<DailyCompliance> trend(Scope scope, QueryFilter filter, LocalDate fromDay, LocalDate toDay) {
        SqlParameters p = parameters(scope, filter).put("from_day", fromDay).put("to_day", toDay);
        Map<String, Object> reported = reported(scope, filter);
        reported.put("fromDay", fromDay);
        reported.put("toDay", toDay);
        return runner.run(TREND, p, rs -> new DailyCompliance(ResultColumns.date(rs, "day"), ResultColumns.counts(rs)), reported);
    }

    /** One bulletin's compliance per region at any instant, derived from update_state_history. */
    public QueryResult<GroupCompliance> bulletinAt(Scope scope, String bulletinId, Instant at, QueryFilter filter) {
        SqlParameters p = parameters(scope, filter).put("bulletin_id", bulletinId).put("at", at);
        Map<String, Object> reported = reported(scope, filter);
        reported.put("bulletin", bulletinId);
        reported.put("at", at);
        return runner.run(BULLETIN_AT, p, rs -> {
            ComplianceCounts counts = ResultColumns.counts(rs);
            return new GroupCompliance(rs.getString("region"), counts.applicable(), counts);
        }, reported);
    }

    private static BulletinCompliance bulletinRow(java.sql.ResultSet rs) throws java.sql.SQLException {
        return new BulletinCompliance(rs.getString("bulletin_id"), rs.getString("title"), rs.getString("severity"),
                ResultColumns.date(rs, "released"), ResultColumns.flag(rs, "exploited"), ResultColumns.counts(rs));
    }

    public static SqlParameters parameters(Scope scope, QueryFilter filter) {
        SqlParameters p = new SqlParameters();
        scope.bind(p);
        filter.bind(p);
        return p;
    }

    public static Map<String, Object> reported(Scope scope, QueryFilter filter) {
        Map<String, Object> reported = new LinkedHashMap<>(scope.describe());
        reported.putAll(filter.describe());
        return reported;
    }
}
