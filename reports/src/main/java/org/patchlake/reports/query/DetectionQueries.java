package org.patchlake.reports.query;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Report 13, Detection agreement: where Windows Update's own verdict of a computer (the list of missing updates its agent
 * sent with the latest inventory) and Patchlake's differ, for security updates of the products Patchlake evaluated.
 * The comparison is made once per snapshot (detection_agreement_kbs in snapshot_load.sql, where the rules are written
 * out); these statements read it within the viewer's scope.
 */
public final class DetectionQueries {
    /** Fleet totals; pairs are computer x KB. */
    public record Totals(long computers, long searched, long compared, long searchFailed, long inDisagreement,
                         long bothMissing, long windowsUpdateOnly, long patchlakeOnly) {
        /** Computers in scope whose latest inventory carried no Windows Update verdict. */
        public long notSearched() {
            return computers - searched;
        }
    }

    public record RegionRow(String region, long compared, long searchFailed, long inDisagreement, long bothMissing,
                            long windowsUpdateOnly, long patchlakeOnly) {
    }

    public record ComputerRow(String computerId, String hostname, String region, String site, String computerClass,
                              Instant searchedAt, long bothMissing, long windowsUpdateOnly, long patchlakeOnly) {
        public long differences() {
            return windowsUpdateOnly + patchlakeOnly;
        }
    }

    /**
     * One KB of a computer: {@code windowsUpdate} MISSING, COVERED (it lists an update that covers it: superseding, or a
     * later cumulative package) or NOT_LISTED; {@code patchlake} the worst state over the KB's products, NOT_APPLICABLE or NOT_IN_CATALOG;
     * {@code agreement} BOTH, WINDOWS_UPDATE_ONLY or PATCHLAKE_ONLY.
     */
    public record Difference(String kb, String title, String severity, String windowsUpdate, String patchlake,
                             String agreement) {
        public boolean differs() {
            return !agreement.equals("BOTH");
        }
    }

    /** A computer's comparison: its search and its KBs (differences first); no search status when it sent none. */
    public record ComputerComparison(String computerId, String hostname, String searchStatus, Instant searchedAt,
                                     String searchErrorCode, List<Difference> kbs) {
        public ComputerComparison {
            kbs = List.copyOf(kbs);
        }
    }

    private static final SqlResource TOTALS = SqlResource.load(DetectionQueries.class, "detection_totals.sql");
    private static final SqlResource REGIONS = SqlResource.load(DetectionQueries.class, "detection_regions.sql");
    private static final SqlResource COMPUTERS = SqlResource.load(DetectionQueries.class, "detection_computers.sql");
    private static final SqlResource DIFFERENCES = SqlResource.load(DetectionQueries.class, "detection_differences.sql");

    private final QueryRunner runner;

    public DetectionQueries(QueryRunner runner) {
        this.runner = Objects.requireNonNull(runner, "runner is null");
    }

    public QueryResult<Totals> totals(Scope scope, QueryFilter filter) {
        return runner.run(TOTALS, ComplianceQueries.parameters(scope, filter), rs -> new Totals(ResultColumns.count(rs, "computers"),
                ResultColumns.count(rs, "searched"), ResultColumns.count(rs, "compared"), ResultColumns.count(rs, "search_failed"),
                ResultColumns.count(rs, "in_disagreement"), ResultColumns.count(rs, "both_missing"), ResultColumns.count(rs, "windows_update_only"),
                ResultColumns.count(rs, "patchlake_only")), ComplianceQueries.reported(scope, filter));
    }

    public QueryResult<RegionRow> regions(Scope scope, QueryFilter filter) {
        return runner.run(REGIONS, ComplianceQueries.parameters(scope, filter), rs -> new RegionRow(rs.getString("region"),
                ResultColumns.count(rs, "compared"), ResultColumns.count(rs, "search_failed"), ResultColumns.count(rs, "in_disagreement"),
                ResultColumns.count(rs, "both_missing"), ResultColumns.count(rs, "windows_update_only"), ResultColumns.count(rs, "patchlake_only")),
                ComplianceQueries.reported(scope, filter));
    }

    /** Computers where the verdicts differ, largest disagreements first. */
    public QueryResult<ComputerRow> computers(Scope scope, QueryFilter filter, Page page) {
        SqlParameters p = ComplianceQueries.parameters(scope, filter);
        page.bind(p);
        return runner.run(COMPUTERS, p, rs -> new ComputerRow(rs.getString("computer_id"), rs.getString("hostname"),
                rs.getString("region"), rs.getString("site"), rs.getString("computer_class"), ResultColumns.instant(rs, "searched_at"),
                ResultColumns.count(rs, "both_missing"), ResultColumns.count(rs, "windows_update_only"), ResultColumns.count(rs, "patchlake_only")),
                ComplianceQueries.reported(scope, filter));
    }

    /** One computer's KBs with both verdicts; {@link NotFoundException} when it is unknown or outside the scope. */
    public QueryResult<ComputerComparison> computer(Scope scope, String computerId) {
        SqlParameters p = new SqlParameters().put("computer_id", Objects.requireNonNull(computerId, "computerId is null"));
        scope.bind(p);
        Map<String, Object> reported = new LinkedHashMap<>(scope.describe());
        reported.put("computer", computerId);
        List<Difference> kbs = new ArrayList<>();
        ComputerComparison[] head = new ComputerComparison[1];
        QueryResult<Object> rows = runner.runForEntity(DIFFERENCES, p, rs -> {
            if (head[0] == null) {
                head[0] = new ComputerComparison(rs.getString("computer_id"), rs.getString("hostname"), rs.getString("status"),
                        ResultColumns.instant(rs, "searched_at"), rs.getString("error_code"), List.of());
            }
            if (rs.getString("kb") != null) {
                kbs.add(new Difference(rs.getString("kb"), rs.getString("title"), rs.getString("severity"),
                        rs.getString("windows_update"), rs.getString("patchlake"), rs.getString("agreement")));
            }
            return null;
        }, reported, "computer", computerId);
        ComputerComparison comparison = new ComputerComparison(head[0].computerId(), head[0].hostname(), head[0].searchStatus(),
                head[0].searchedAt(), head[0].searchErrorCode(), kbs);
        return new QueryResult<>(List.of(comparison), rows.snapshotId(), rows.publishedAt(), rows.dataAsOf(),
                rows.parameters());
    }
}
