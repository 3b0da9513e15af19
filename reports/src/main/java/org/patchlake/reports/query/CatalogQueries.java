package org.patchlake.reports.query;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** Report 9 (bulletin details, superseded bulletins) and report 11 (exceptions). */
public final class CatalogQueries {
    public record BulletinUpdate(String updateId, String kb, String product, String restartBehaviour, List<String> supersedes,
                                 List<String> cves, List<String> supersededBy) {
        public BulletinUpdate {
            supersedes = List.copyOf(supersedes);
            cves = List.copyOf(cves);
            supersededBy = List.copyOf(supersededBy);
        }
    }

    public record BulletinDetail(String bulletinId, String title, String severity, String impact, LocalDate released,
                                 LocalDate revised, long cveCount, boolean exploited, boolean superseded, List<BulletinUpdate> updates) {
        public BulletinDetail {
            Objects.requireNonNull(bulletinId, "bulletinId is null");
            updates = List.copyOf(updates);
        }
    }

    /** {@code bulletinsMatching}: the superseded bulletins on all pages together (the same on every row). */
    public record SupersededBulletin(String bulletinId, String title, String severity, LocalDate released,
                                     List<String> supersededBy, long applicable, long notInstalled, long bulletinsMatching) {
        public SupersededBulletin {
            supersededBy = List.copyOf(supersededBy);
        }
    }

    public enum ExceptionStatus { ACTIVE, EXPIRING, EXPIRED }

    public record ExceptionRow(String exceptionId, String computerId, String hostname, String region, String site,
                               String bulletinId, String title, String severity, String owner, String reason,
                               Instant grantedAt, Instant expiresAt, ExceptionStatus status) {
    }

    private static final SqlResource DETAIL = SqlResource.load(CatalogQueries.class, "bulletin_detail.sql");
    private static final SqlResource SUPERSEDED = SqlResource.load(CatalogQueries.class, "superseded_bulletins.sql");
    private static final SqlResource EXCEPTIONS = SqlResource.load(CatalogQueries.class, "exceptions.sql");
    private static final SqlResource EXCEPTION_COUNTS = SqlResource.load(CatalogQueries.class, "exception_counts.sql");

    /** Exceptions in scope per status (report 11's headline), however many there are. */
    public record ExceptionCounts(long active, long expiring, long expired) {
        public ExceptionCounts {
            if (active < 0 || expiring < 0 || expired < 0) {
                throw new IllegalArgumentException("counts must not be negative");
            }
        }

        public long total() {
            return active + expiring + expired;
        }
    }

    private final QueryRunner runner;

    public CatalogQueries(QueryRunner runner) {
        this.runner = Objects.requireNonNull(runner, "runner is null");
    }

    /** Catalog data is the same for every viewer; an unknown bulletin id throws {@link NotFoundException}. */
    public QueryResult<BulletinDetail> bulletin(String bulletinId) {
        SqlParameters p = new SqlParameters().put("bulletin_id", Objects.requireNonNull(bulletinId, "bulletinId is null"));
        List<Object[]> heads = new ArrayList<>();
        List<BulletinUpdate> updates = new ArrayList<>();
        QueryResult<Object[]> raw = runner.runForEntity(DETAIL, p, rs -> {
            if (heads.isEmpty()) {
                heads.add(new Object[] {rs.getString("bulletin_id"), rs.getString("title"), rs.getString("severity"),
                        rs.getString("impact"), ResultColumns.date(rs, "released"), ResultColumns.date(rs, "revised"), ResultColumns.count(rs, "cve_count"),
                        ResultColumns.flag(rs, "exploited"), ResultColumns.flag(rs, "superseded")});
            }
            if (rs.getString("update_id") != null) {
                updates.add(new BulletinUpdate(rs.getString("update_id"), rs.getString("kb"), rs.getString("product"),
                        rs.getString("restart_behaviour"), strings(rs.getArray("supersedes")), strings(rs.getArray("cves")),
                        strings(rs.getArray("superseded_by"))));
            }
            return null;
        }, Map.of("bulletin", bulletinId), "bulletin", bulletinId);
        Object[] h = heads.get(0);
        BulletinDetail detail = new BulletinDetail((String) h[0], (String) h[1], (String) h[2], (String) h[3], (LocalDate) h[4],
                (LocalDate) h[5], (Long) h[6], (Boolean) h[7], (Boolean) h[8], updates);
        return new QueryResult<>(List.of(detail), raw.snapshotId(), raw.publishedAt(), raw.dataAsOf(), raw.parameters());
    }

    public QueryResult<SupersededBulletin> supersededBulletins(Scope scope, QueryFilter filter, Page page) {
        SqlParameters p = ComplianceQueries.parameters(scope, filter);
        page.bind(p);
        return runner.run(SUPERSEDED, p, rs -> new SupersededBulletin(rs.getString("bulletin_id"), rs.getString("title"),
                rs.getString("severity"), ResultColumns.date(rs, "released"), strings(rs.getArray("superseded_by")),
                ResultColumns.count(rs, "applicable"), ResultColumns.count(rs, "not_installed"), rs.getLong("bulletins_matching")),
                ComplianceQueries.reported(scope, filter));
    }

    /** How many superseded bulletins {@link #supersededBulletins} gives on all its pages (0 when the page is past the end). */
    public static long bulletinsMatching(QueryResult<SupersededBulletin> page) {
        return page.rows().isEmpty() ? 0 : page.rows().get(0).bulletinsMatching();
    }

    /** Every exception in scope (all rows: prefer the paged variant for long lists). */
    public QueryResult<ExceptionRow> exceptions(Scope scope, QueryFilter filter, int expiringWithinDays) {
        return exceptions(scope, filter, expiringWithinDays, null);
    }

    public QueryResult<ExceptionCounts> exceptionCounts(Scope scope, QueryFilter filter, int expiringWithinDays) {
        SqlParameters p = ComplianceQueries.parameters(scope, filter).put("expiring_days", expiringWithinDays);
        Map<String, Object> reported = ComplianceQueries.reported(scope, filter);
        reported.put("expiringWithinDays", expiringWithinDays);
        return runner.run(EXCEPTION_COUNTS, p, rs -> new ExceptionCounts(ResultColumns.count(rs, "active"), ResultColumns.count(rs, "expiring"),
                ResultColumns.count(rs, "expired")), reported);
    }

    /** One page of the exceptions in scope, soonest expiry first; {@code pageOrNull} null = every row. */
    public QueryResult<ExceptionRow> exceptions(Scope scope, QueryFilter filter, int expiringWithinDays, Page pageOrNull) {
        SqlParameters p = ComplianceQueries.parameters(scope, filter).put("expiring_days", expiringWithinDays);
        if (pageOrNull == null) {
            p.put("limit", null).put("offset", 0L);
        } else {
            pageOrNull.bind(p);
        }
        Map<String, Object> reported = ComplianceQueries.reported(scope, filter);
        reported.put("expiringWithinDays", expiringWithinDays);
        return runner.run(EXCEPTIONS, p, rs -> new ExceptionRow(rs.getString("exception_id"), rs.getString("computer_id"),
                rs.getString("hostname"), rs.getString("region"), rs.getString("site"), rs.getString("bulletin_id"),
                rs.getString("title"), rs.getString("severity"), rs.getString("owner"), rs.getString("reason"),
                ResultColumns.instant(rs, "granted_at"), ResultColumns.instant(rs, "expires_at"), ExceptionStatus.valueOf(rs.getString("status"))), reported);
    }

    private static List<String> strings(java.sql.Array array) throws java.sql.SQLException {
        if (array == null) {
            return List.of();
        }
        List<String> out = new ArrayList<>();
        for (Object o : (Object[]) array.getArray()) {
            out.add(String.valueOf(o));
        }
        return out;
    }
}
