package org.patchlake.reports.sla;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.patchlake.reports.query.ComplianceQueries;
import org.patchlake.reports.query.QueryFilter;
import org.patchlake.reports.query.QueryResult;
import org.patchlake.reports.query.QueryRunner;
import org.patchlake.reports.query.ResultColumns;
import org.patchlake.reports.query.Scope;
import org.patchlake.reports.query.SnapshotLease;
import org.patchlake.reports.query.SqlParameters;
import org.patchlake.reports.query.SqlResource;
import org.patchlake.reports.sla.SlaRows.RolloutPoint;
import org.patchlake.reports.sla.SlaRows.SlaAttainment;
import org.patchlake.reports.sla.SlaRows.SlaSummary;
import org.patchlake.reports.sla.SlaRows.TimeToPatch;

/** Report 4: SLA phase attainment, rollout curves, mean time to patch and % patched within N days. */
public final class SlaQueries {
    /** Allow-listed groupings for time to patch. */
    public enum Grouping {
        SEVERITY("b.vendor_severity"), REGION("bs.region"), COMPUTER_CLASS("bs.computer_class");

        final String sql;

        Grouping(String sql) {
            this.sql = sql;
        }
    }

    private static final SqlResource BULLETINS = SqlResource.load(SlaQueries.class, "sla_bulletins.sql");
    private static final SqlResource ATTAINMENT = SqlResource.load(SlaQueries.class, "sla_attainment.sql");
    private static final SqlResource ATTAINMENT_FROM_STATES = SqlResource.load(SlaQueries.class, "sla_attainment_states.sql");
    private static final SqlResource ROLLOUT = SqlResource.load(SlaQueries.class, "sla_rollout_curve.sql");
    private static final SqlResource ROLLOUT_FROM_STATES = SqlResource.load(SlaQueries.class, "sla_rollout_curve_states.sql");
    private static final SqlResource TIME_TO_PATCH = SqlResource.load(SlaQueries.class, "time_to_patch.sql");
    private static final SqlResource TIME_TO_PATCH_FROM_STATES = SqlResource.load(SlaQueries.class, "time_to_patch_states.sql");
    private static final long DAY_NANOS = Duration.ofDays(1).toNanos();

    private final QueryRunner runner;
    private final BusinessCalendar calendar;
    private final SlaEvaluator evaluator;

    public SlaQueries(QueryRunner runner, BusinessCalendar calendar, SlaEvaluator evaluator) {
        this.runner = Objects.requireNonNull(runner, "runner is null");
        this.calendar = Objects.requireNonNull(calendar, "calendar is null");
        this.evaluator = Objects.requireNonNull(evaluator, "evaluator is null");
    }

    private record Bulletin(String id, String title, String severity, LocalDate released) {
    }

    private record Target(Bulletin bulletin, SlaPolicy policy, SlaPhase phase, Instant clockStart, Instant deadline, Instant windowStart) {
    }

    /**
     * Every bulletin x phase of the policies, per region and over all regions in scope, judged at {@code asOf}
     * (null = the snapshot's data-as-of time). Both statements read the same snapshot.
     */
    public QueryResult<SlaAttainment> attainment(Scope scope, QueryFilter filter, List<SlaPolicy> policies, Instant asOfOrNull) {
        return attainment(scope, filter, policies, asOfOrNull, true);
    }

    /**
     * @param summaries read the per-snapshot summaries when they give the exact answer (see sla_attainment.sql);
     *                  false always reads every computer x bulletin state (tests compare the two)
     */
    QueryResult<SlaAttainment> attainment(Scope scope, QueryFilter filter, List<SlaPolicy> policies, Instant asOfOrNull, boolean summaries) {
        try (SnapshotLease lease = runner.warehouse().lease()) {
            Instant asOf = asOfOrNull != null ? asOfOrNull : lease.snapshot().dataAsOf();
            Map<String, Object> reported = ComplianceQueries.reported(scope, filter);
            reported.put("policies", policies.stream().map(SlaPolicy::name).toList());
            reported.put("asOf", asOf);

            SqlParameters bulletinParameters = ComplianceQueries.parameters(scope, filter)
                    .put("policy_severities", policies.stream().map(SlaPolicy::severity).distinct().toList())
                    .put("as_of", asOf);
            List<Bulletin> bulletins = runner.run(lease, BULLETINS, bulletinParameters, rs -> new Bulletin(
                    rs.getString("bulletin_id"), rs.getString("title"), rs.getString("severity"), ResultColumns.date(rs, "released")),
                    reported).rows();

            List<Target> targets = new ArrayList<>();
            for (Bulletin bulletin : bulletins) {
                Instant clockStart = bulletin.released().atStartOfDay().toInstant(ZoneOffset.UTC);
                for (SlaPolicy policy : policies) {
                    if (!policy.severity().equals(bulletin.severity())) {
                        continue;
                    }
                    for (SlaPhase phase : policy.phases()) {
                        targets.add(new Target(bulletin, policy, phase, clockStart, phase.deadline(clockStart, calendar),
                                evaluator.windowStart(clockStart, asOf)));
                    }
                }
            }
            SqlParameters p = ComplianceQueries.parameters(scope, filter)
                    .put("as_of", asOf)
                    .put("bulletin_ids", targets.stream().map(t -> t.bulletin().id()).toList())
                    .put("target_indexes", indexes(targets.size()))
                    .put("level_selectors", targets.stream().map(t -> t.policy().managedLevel() == null ? 0L : (long) t.policy().managedLevel()).toList());
            if (summaries && summarized(scope, filter, policies, targets, asOf, lease.snapshot().dataAsOf())) {
                p.put("deadline_days", targets.stream().map(t -> Duration.between(t.clockStart(), t.deadline()).toDays()).toList())
                        .put("window_days", targets.stream().map(t -> t.windowStart().equals(t.clockStart()) ? 0L : -1L).toList());
                return runner.run(lease, ATTAINMENT, p, rs -> row(rs, targets, asOf), reported);
            }
            p.put("deadlines", targets.stream().map(t -> micros(t.deadline())).toList())
                    .put("window_starts", targets.stream().map(t -> micros(t.windowStart())).toList())
                    .put("class_selectors", targets.stream().map(t -> t.policy().computerClass() == null ? "" : t.policy().computerClass()).toList());
            return runner.run(lease, ATTAINMENT_FROM_STATES, p, rs -> row(rs, targets, asOf), reported);
        }
    }

    /**
     * The summaries (per bulletin x region x managed level, compliance per whole day since the clock start, counts
     * at data-as-of and 72 hours before) answer exactly when: judged at data-as-of with a 72-hour window, no site
     * in the scope or filter (rows are per region), no class filter or class-specific policy, and every deadline
     * a whole number of days after the clock start (true for the seeded policies: elapsed days, business days).
     */
    private boolean summarized(Scope scope, QueryFilter filter, List<SlaPolicy> policies, List<Target> targets, Instant asOf, Instant dataAsOf) {
        return asOf.equals(dataAsOf)
                && evaluator.window().equals(SlaEvaluator.DEFAULT_WINDOW)
                && scope.sites().isEmpty() && filter.sites().isEmpty() && filter.computerClasses().isEmpty()
                && policies.stream().allMatch(policy -> policy.computerClass() == null)
                && targets.stream().allMatch(t -> !t.deadline().isBefore(t.clockStart())
                        && Duration.between(t.clockStart(), t.deadline()).toNanos() % DAY_NANOS == 0
                        && (t.windowStart().equals(t.clockStart()) || t.windowStart().equals(dataAsOf.minus(SlaEvaluator.DEFAULT_WINDOW))));
    }

    /** Per severity and phase, the number of bulletins in each status (all-regions rows of an attainment result). */
    public static List<SlaSummary> summary(QueryResult<SlaAttainment> attainment) {
        Map<List<String>, long[]> counts = new LinkedHashMap<>();
        for (SlaAttainment row : attainment.rows()) {
            if (!row.allRegions()) {
                continue;
            }
            long[] c = counts.computeIfAbsent(List.of(row.severity(), row.policy(), row.phase()), k -> new long[4]);
            c[row.status().ordinal()]++;
        }
        List<SlaSummary> out = new ArrayList<>();
        counts.forEach((k, c) -> out.add(new SlaSummary(k.get(0), k.get(1), k.get(2), c[0], c[1], c[2], c[3])));
        return out;
    }

    /** Compliance of one bulletin against hours since its release, at the given points (see {@link #defaultPoints()}). */
    public QueryResult<RolloutPoint> rolloutCurve(Scope scope, String bulletinId, QueryFilter filter, List<Long> hours) {
        return rolloutCurve(scope, bulletinId, filter, hours, true);
    }

    /** @param summaries read sla_compliance_days when that is exact (whole-day points, no site scope, no site or class filter) */
    QueryResult<RolloutPoint> rolloutCurve(Scope scope, String bulletinId, QueryFilter filter, List<Long> hours, boolean summaries) {
        boolean summarized = summaries && scope.sites().isEmpty() && filter.sites().isEmpty() && filter.computerClasses().isEmpty()
                && hours.stream().allMatch(h -> h % 24 == 0);
        SqlParameters p = ComplianceQueries.parameters(scope, filter).put("bulletin_id", bulletinId).put("hours", List.copyOf(hours));
        Map<String, Object> reported = ComplianceQueries.reported(scope, filter);
        reported.put("bulletin", bulletinId);
        return runner.run(summarized ? ROLLOUT : ROLLOUT_FROM_STATES, p, rs -> new RolloutPoint(ResultColumns.count(rs, "hours"), ResultColumns.count(rs, "compliant"),
                ResultColumns.count(rs, "applicable"), ResultColumns.count(rs, "exempt"), ResultColumns.count(rs, "unknown")), reported);
    }

    /** Every 24 hours for 4 weeks, then weekly to 26 weeks. */
    public static List<Long> defaultPoints() {
        List<Long> points = new ArrayList<>();
        for (long h = 0; h <= 28 * 24; h += 24) {
            points.add(h);
        }
        for (long h = 35 * 24; h <= 26 * 7 * 24; h += 7 * 24) {
            points.add(h);
        }
        return points;
    }

    /**
     * Judged at the snapshot's data-as-of time, from its summaries (time_to_patch.sql); the same numbers as
     * {@link #timeToPatchFromStates} (every computer x bulletin state), which tests compare them with.
     */
    public QueryResult<TimeToPatch> timeToPatch(Scope scope, QueryFilter filter, Grouping grouping, int days) {
        return timeToPatch(TIME_TO_PATCH, scope, filter, grouping, days);
    }

    QueryResult<TimeToPatch> timeToPatchFromStates(Scope scope, QueryFilter filter, Grouping grouping, int days) {
        return timeToPatch(TIME_TO_PATCH_FROM_STATES, scope, filter, grouping, days);
    }

    private QueryResult<TimeToPatch> timeToPatch(SqlResource sql, Scope scope, QueryFilter filter, Grouping grouping, int days) {
        if (days < 1) {
            throw new IllegalArgumentException("days must be at least 1, got " + days);
        }
        SqlParameters p = ComplianceQueries.parameters(scope, filter).put("days", days);
        Map<String, Object> reported = ComplianceQueries.reported(scope, filter);
        reported.put("groupBy", grouping);
        reported.put("days", days);
        return runner.run(sql.withSlot("group", grouping.sql), p, rs -> new TimeToPatch(
                String.valueOf(rs.getString("group_key")), days, ResultColumns.count(rs, "applicable"), ResultColumns.count(rs, "exempt"),
                ResultColumns.count(rs, "unknown"), ResultColumns.count(rs, "patched"), ResultColumns.nullableDouble(rs, "mean_hours_to_patch"),
                ResultColumns.count(rs, "eligible_within"), ResultColumns.count(rs, "patched_within")), reported);
    }

    private SlaAttainment row(ResultSet rs, List<Target> targets, Instant asOf) throws SQLException {
        Target t = targets.get((int) ResultColumns.count(rs, "target_index"));
        long applicable = ResultColumns.count(rs, "applicable");
        long exempt = ResultColumns.count(rs, "exempt");
        long unknown = ResultColumns.count(rs, "unknown");
        long denominator = applicable - exempt - unknown;
        long atDeadline = ResultColumns.count(rs, "compliant_at_deadline");
        long now = ResultColumns.count(rs, "compliant_now");
        long atWindowStart = ResultColumns.count(rs, "compliant_at_window_start");
        boolean ahead = t.deadline().isAfter(asOf);
        Double projected = ahead ? evaluator.projected(denominator, t.deadline(), asOf, now, atWindowStart, t.windowStart()) : null;
        SlaStatus status = evaluator.status(t.phase().targetPercent(), denominator, t.deadline(), asOf, atDeadline, now,
                atWindowStart, t.windowStart());
        return new SlaAttainment(t.bulletin().id(), t.bulletin().title(), t.bulletin().severity(), t.bulletin().released(),
                t.policy().name(), t.phase().label(), t.phase().targetPercent(), t.clockStart(), t.deadline(),
                rs.getString("region"), applicable, exempt, unknown, ahead ? Math.min(atDeadline, now) : atDeadline, now, projected, status);
    }

    private static List<Long> indexes(int size) {
        List<Long> out = new ArrayList<>(size);
        for (long i = 0; i < size; i++) {
            out.add(i);
        }
        return out;
    }

    private static long micros(Instant instant) {
        return ChronoUnit.MICROS.between(Instant.EPOCH, instant);
    }
}
