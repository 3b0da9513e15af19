package org.patchlake.bench.reports;

import java.nio.file.Files;
import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.patchlake.reports.query.ComplianceQueries.Selection;
import org.patchlake.reports.query.ComputerQueries;
import org.patchlake.reports.query.Page;
import org.patchlake.reports.query.QueryFilter;
import org.patchlake.reports.query.QueryLayer;
import org.patchlake.reports.query.Scope;
import org.patchlake.reports.query.SqlResource;
import org.patchlake.reports.query.Sorts.BulletinSort;
import org.patchlake.reports.query.Sorts.ComputerSort;
import org.patchlake.reports.query.Warehouse;
import org.patchlake.reports.query.WarehouseSettings;
import org.patchlake.reports.sla.BusinessCalendar;
import org.patchlake.reports.sla.SlaPolicies;
import org.patchlake.reports.sla.SlaQueries;
import org.patchlake.cli.CommandMain;
import org.patchlake.cli.Commands;
import org.patchlake.cli.HelpOption;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code ./patchlake bench queries [--warehouse DIR] [--computers N] [--runs N] [--pg-runs N] [--no-postgres]}:
 * p50/p95 of every report query and drill-down through the real query layer on DuckDB, then the very same
 * statements (rewritten to PostgreSQL syntax, same bound values) on a PostgreSQL loaded with the same data.
 */
@Command(name = Commands.BENCH_QUERIES, description = Commands.BENCH_QUERIES_SUMMARY, sortOptions = false,
        subcommands = SnapshotLoadBench.class)
public final class QueryBench implements java.util.concurrent.Callable<Integer> {
    private record Options(Path warehouse, boolean build, boolean buildOnly, boolean pgLoadOnly, int computers, int runs, int warmup, int pgRuns, boolean postgres, String only,
                           String memoryLimit) {
    }

    @Mixin
    HelpOption help;

    @Option(names = "--warehouse", paramLabel = "DIR", description = "Measure this warehouse (default: a synthetic one of "
            + "--computers computers, built under data/bench if missing).")
    Path warehouseOption;

    @Option(names = "--computers", paramLabel = "N", defaultValue = "200000", description = "Computers of the synthetic warehouse. "
            + "Default: ${DEFAULT-VALUE}.")
    int computers;

    @Option(names = "--build-only", description = "Build the synthetic warehouse, measure nothing.")
    boolean buildOnly;

    @Option(names = "--pg-load-only", description = "Load PostgreSQL from the warehouse, measure nothing.")
    boolean pgLoadOnly;

    @Option(names = "--runs", paramLabel = "N", defaultValue = "30", description = "Measured DuckDB runs per query. Default: ${DEFAULT-VALUE}.")
    int runs;

    @Option(names = "--pg-runs", paramLabel = "N", defaultValue = "5", description = "Measured PostgreSQL runs per query. Default: ${DEFAULT-VALUE}.")
    int pgRuns;

    @Option(names = "--no-postgres", description = "Measure DuckDB only.")
    boolean noPostgres;

    @Option(names = "--only", paramLabel = "PREFIXES", defaultValue = "", description = "Only the queries whose names start so (comma-separated).")
    String only;

    @Option(names = "--memory", paramLabel = "SIZE", defaultValue = "6GB", description = "DuckDB memory limit. Default: ${DEFAULT-VALUE}.")
    String memoryLimit;

    public static void main(String[] args) {
        CommandMain.exit("bench " + Commands.BENCH_QUERIES, new QueryBench(), args);
    }

    @Override
    public Integer call() throws Exception {
        boolean build = warehouseOption == null || buildOnly;
        Path warehouse = warehouseOption != null ? warehouseOption : Path.of("data", "bench", "query-warehouse-" + computers);
        run(new Options(warehouse, build, buildOnly, pgLoadOnly, computers, runs, Math.max(2, runs / 10), pgRuns, !noPostgres, only,
                memoryLimit));
        return 0;
    }

    /** One benchmarked question: runs through the query layer; the statements it ran are recorded for replay. */
    private record Case(String name, boolean drillDown, Runnable run) {
    }

    private record Statement(SqlResource sql, Map<String, Object> values) {
    }

    private record Timing(double p50, double p95) {
        static Timing of(long[] nanos) {
            long[] sorted = nanos.clone();
            Arrays.sort(sorted);
            return new Timing(sorted[(int) Math.ceil(0.50 * sorted.length) - 1] / 1e6, sorted[(int) Math.ceil(0.95 * sorted.length) - 1] / 1e6);
        }
    }

    private final List<Statement> recorded = new ArrayList<>();
    private volatile boolean recording;

    private void run(Options options) throws Exception {
        if (options.build()) {
            QueryBenchWarehouse.buildIfMissing(options.warehouse(), options.computers());
            if (options.buildOnly()) {
                return;
            }
        }
        if (options.pgLoadOnly()) {
            // load (or bring up to date) the PostgreSQL side without running the DuckDB side
            org.patchlake.reports.query.SnapshotInfo info = Warehouse.describeCurrent(options.warehouse());
            Path cluster = WarehouseSettings.serving(options.warehouse()).cacheDirectory()
                    .resolve(QueryBenchPostgres.clusterName(info.directory().getFileName().toString()));
            long started = System.nanoTime();
            try (QueryBenchPostgres postgres = QueryBenchPostgres.start(cluster)) {
                if (!postgres.loaded()) {
                    System.out.printf("PostgreSQL %s: loading the snapshot into %s%n", postgres.describe(), cluster);
                    postgres.load(info.directory());
                }
                postgres.derive(info.dataAsOf());
            }
            System.out.printf("PostgreSQL ready in %.1f s at %s%n", (System.nanoTime() - started) / 1e9, cluster);
            return;
        }
        // the server's settings (a database file per snapshot beside the warehouse, built once and reused), except
        // that the bench waits for a switch instead of answering from an older snapshot meanwhile
        WarehouseSettings settings = WarehouseSettings.serving(options.warehouse());
        settings = new WarehouseSettings(Duration.ofSeconds(5), settings.threads(), options.memoryLimit(), settings.cacheDirectory(), false, settings.clock());
        Warehouse warehouse = new Warehouse(options.warehouse(), settings);
        try (QueryLayer layer = new QueryLayer(warehouse, BusinessCalendar.saturdaySunday(Set.of()), (sql, values, nanos) -> {
            if (recording) {
                recorded.add(new Statement(sql, values));
            }
        })) {
            long opened = System.nanoTime();
            Instant dataAsOf = warehouse.currentSnapshot().dataAsOf();
            System.out.printf("snapshot %s opened in %.2f s (data as of %s), %d cores, load average %.1f%n", warehouse.currentSnapshot().id(),
                    (System.nanoTime() - opened) / 1e9, dataAsOf, Runtime.getRuntime().availableProcessors(), loadAverage());
            List<Case> cases = cases(layer, dataAsOf).stream().filter(c -> options.only().isEmpty()
                    || java.util.Arrays.stream(options.only().split(",")).anyMatch(prefix -> c.name().startsWith(prefix))).toList();
            List<Timing> duck = new ArrayList<>();
            List<List<Statement>> statements = new ArrayList<>();
            System.out.printf("%nDuckDB: %d warm-up + %d measured runs per query%n", options.warmup(), options.runs());
            for (Case c : cases) {
                for (int i = 0; i < options.warmup(); i++) {
                    c.run().run();
                }
                long[] nanos = new long[options.runs()];
                for (int i = 0; i < nanos.length; i++) {
                    recorded.clear();
                    recording = i == nanos.length - 1;
                    long started = System.nanoTime();
                    c.run().run();
                    nanos[i] = System.nanoTime() - started;
                    recording = false;
                }
                statements.add(List.copyOf(recorded));
                Timing t = Timing.of(nanos);
                duck.add(t);
                System.out.printf("  %-34s p50 %8.1f ms  p95 %8.1f ms%n", c.name(), t.p50(), t.p95());
            }
            List<Timing> pg = new ArrayList<>();
            String pgVersion = "";
            if (options.postgres()) {
                long started = System.nanoTime();
                Path snapshotDirectory = warehouse.currentSnapshot().directory();
                Path cluster = settings.cacheDirectory().resolve(QueryBenchPostgres.clusterName(snapshotDirectory.getFileName().toString()));
                QueryBenchPostgres startedPostgres = null;
                try {
                    startedPostgres = QueryBenchPostgres.start(cluster);
                } catch (IOException | RuntimeException e) {
                    System.out.printf("%nPostgreSQL could not start (%s): DuckDB figures only%n", e);
                }
                if (startedPostgres != null) try (QueryBenchPostgres postgres = startedPostgres) {
                    pgVersion = postgres.describe();
                    if (postgres.loaded()) {
                        System.out.printf("%nPostgreSQL %s: reusing the cluster loaded with this snapshot by an earlier run (%s)%n", pgVersion, cluster);
                    } else {
                        System.out.printf("%nPostgreSQL %s: loading the same snapshot into %s%n", pgVersion, cluster);
                        postgres.load(snapshotDirectory);
                    }
                    postgres.derive(dataAsOf);
                    System.out.printf("  postgres ready in %.1f s; %d warm-up + %d measured runs per query%n",
                            (System.nanoTime() - started) / 1e9, 1, options.pgRuns());
                    try (Connection connection = postgres.connect()) {
                        for (int i = 0; i < cases.size(); i++) {
                            replay(connection, statements.get(i));
                            long[] nanos = new long[options.pgRuns()];
                            for (int r = 0; r < nanos.length; r++) {
                                long t0 = System.nanoTime();
                                replay(connection, statements.get(i));
                                nanos[r] = System.nanoTime() - t0;
                            }
                            Timing t = Timing.of(nanos);
                            pg.add(t);
                            System.out.printf("  %-34s p50 %8.1f ms  p95 %8.1f ms%n", cases.get(i).name(), t.p50(), t.p95());
                        }
                    }
                }
            }
            print(cases, duck, pg, options, pgVersion);
        }
    }

    private List<Case> cases(QueryLayer layer, Instant dataAsOf) {
        Scope all = Scope.all();
        QueryFilter none = QueryFilter.none();
        LocalDate today = dataAsOf.atOffset(ZoneOffset.UTC).toLocalDate();
        String bulletin = layer.compliance().byBulletin(all, none.withSeverities("Critical"), BulletinSort.RELEASED_NEWEST).rows().get(3).bulletinId();
        String computer = layer.compliance().byComputer(all, none, ComputerSort.MOST_VULNERABLE, Page.first(1)).rows().get(0).computerId();
        String region = layer.fleet().regions(all, none).rows().get(0).group();
        System.out.printf("drill-down ids: bulletin %s, computer %s, region %s%n", bulletin, computer, region);
        QueryFilter lastYear = none.between(today.minusDays(365), today);
        List<Case> cases = new ArrayList<>();
        cases.add(new Case("1 compliance by bulletin", false, () -> layer.compliance().byBulletin(all, none, BulletinSort.MOST_VULNERABLE)));
        cases.add(new Case("1 compliance by bulletin (region)", false, () -> layer.compliance().byBulletin(Scope.regions(region), none, BulletinSort.RELEASED_NEWEST)));
        cases.add(new Case("1 compliance as of D-30 (daily)", false, () -> layer.compliance().byBulletinAsOf(all, none, today.minusDays(30))));
        cases.add(new Case("1 compliance trend 90 days", false, () -> layer.compliance().trend(all, none, today.minusDays(90), today)));
        cases.add(new Case("2 compliance by computer (top 100)", false, () -> layer.compliance().byComputer(all, none, ComputerSort.MOST_VULNERABLE, Page.first(100))));
        cases.add(new Case("3 compliance by update", false, () -> layer.compliance().byUpdate(all, none, null)));
        cases.add(new Case("4 SLA attainment (critical, 1 y)", false, () -> layer.sla().attainment(all, lastYear, SlaPolicies.defaults().get(SlaPolicies.CRITICAL_PHASED), null)));
        cases.add(new Case("4 time to patch by severity", false, () -> layer.sla().timeToPatch(all, lastYear, SlaQueries.Grouping.SEVERITY, 7)));
        cases.add(new Case("5 delivery by policy (30 d)", false, () -> layer.deliveries().byPolicy(all, none, null, null)));
        cases.add(new Case("5 delivery return codes (30 d)", false, () -> layer.deliveries().returnCodes(all, none, null, null, null)));
        cases.add(new Case("6 reboot status (top 100)", false, () -> layer.deliveries().pendingReboots(all, none, Page.first(100))));
        cases.add(new Case("7 vulnerability summary", false, () -> layer.fleet().vulnerabilities(all, none)));
        cases.add(new Case("7 vulnerability trend 90 days", false, () -> layer.fleet().vulnerabilityTrend(all, none, today.minusDays(90), today)));
        cases.add(new Case("8 agent health", false, () -> layer.fleet().agentHealth(all, none, 7)));
        cases.add(new Case("8 agent versions", false, () -> layer.fleet().agentVersions(all, none)));
        cases.add(new Case("9 superseded bulletins", false, () -> layer.catalog().supersededBulletins(all, none, Page.first(200))));
        cases.add(new Case("10 regional: regions", false, () -> layer.fleet().regions(all, none)));
        cases.add(new Case("11 exceptions (first 1,000)", false, () -> layer.catalog().exceptions(all, none, 14, Page.first(1000))));
        cases.add(new Case("11 exceptions per status", false, () -> layer.catalog().exceptionCounts(all, none, 14)));
        cases.add(new Case("6 computers pending reboot (count)", false, () -> layer.deliveries().pendingRebootCount(all, none)));
        cases.add(new Case("1> vulnerable computers of bulletin", true, () -> layer.compliance().bulletinComputers(all, bulletin, Selection.VULNERABLE, none, Page.first(100))));
        cases.add(new Case("1> bulletin at instant (history)", true, () -> layer.compliance().bulletinAt(all, bulletin, dataAsOf.minus(Duration.ofDays(2)), none)));
        cases.add(new Case("2> one computer", true, () -> layer.computers().computer(all, computer)));
        cases.add(new Case("2> its required updates", true, () -> layer.computers().updates(all, computer, ComputerQueries.NOT_COMPLIANT)));
        cases.add(new Case("2> its install history", true, () -> layer.computers().history(all, computer, Page.first(100))));
        cases.add(new Case("2> its deliveries", true, () -> layer.computers().deliveries(all, computer, Page.first(100))));
        cases.add(new Case("4> rollout curve of bulletin", true, () -> layer.sla().rolloutCurve(all, bulletin, none, SlaQueries.defaultPoints())));
        cases.add(new Case("8> computers not reporting", true, () -> layer.fleet().agentComputers(all, none, 7, false, Page.first(100))));
        cases.add(new Case("9> bulletin details", true, () -> layer.catalog().bulletin(bulletin)));
        cases.add(new Case("10> sites of a region", true, () -> layer.fleet().sites(all, none, region)));
        return cases;
    }

    private static double loadAverage() {
        return java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    }

    private static void replay(Connection connection, List<Statement> statements) throws SQLException {
        for (Statement s : statements) {
            try (PreparedStatement ps = connection.prepareStatement(QueryBenchDialect.toPostgres(s.sql().sql()))) {
                List<String> names = s.sql().parameterNames();
                for (int i = 0; i < names.size(); i++) {
                    ps.setObject(i + 1, postgresValue(connection, s.values().get(names.get(i))));
                }
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        rs.getObject(1);
                    }
                }
            } catch (SQLException e) {
                throw new SQLException("PostgreSQL failed on " + s.sql().name() + ": " + e.getMessage(), e);
            }
        }
    }

    private static Object postgresValue(Connection connection, Object value) throws SQLException {
        if (value instanceof Instant instant) {
            return LocalDateTime.ofInstant(instant, ZoneOffset.UTC);
        }
        if (value instanceof Enum<?> e) {
            return e.name();
        }
        if (value instanceof List<?> list) {
            boolean numbers = !list.isEmpty() && list.get(0) instanceof Number;
            Object[] elements = list.stream().map(v -> v instanceof Integer i ? Long.valueOf(i) : v).toArray();
            return connection.createArrayOf(numbers ? "int8" : "varchar", elements);
        }
        return value;
    }

    private static void print(List<Case> cases, List<Timing> duck, List<Timing> pg, Options options, String pgVersion) {
        System.out.printf("%n%-36s %-6s %10s %10s %7s", "query", "target", "duck p50", "duck p95", "ok");
        if (!pg.isEmpty()) {
            System.out.printf(" %10s %10s %8s", "pg p50", "pg p95", "pg/duck");
        }
        System.out.println();
        int misses = 0;
        for (int i = 0; i < cases.size(); i++) {
            Case c = cases.get(i);
            double target = c.drillDown() ? 200 : 1000;
            boolean ok = duck.get(i).p95() < target;
            misses += ok ? 0 : 1;
            System.out.printf("%-36s %-6s %10.1f %10.1f %7s", c.name(), "<" + (int) target, duck.get(i).p50(), duck.get(i).p95(), ok ? "yes" : "MISSED");
            if (!pg.isEmpty()) {
                System.out.printf(" %10.1f %10.1f %7.1fx", pg.get(i).p50(), pg.get(i).p95(), pg.get(i).p50() / duck.get(i).p50());
            }
            System.out.println();
        }
        System.out.printf("%nload average at the end: %.1f", loadAverage());
        System.out.printf("%n%d of %d queries within target (p95; reports < 1000 ms, drill-downs < 200 ms); DuckDB %d runs, PostgreSQL %s %d runs (ms)%n",
                cases.size() - misses, cases.size(), options.runs(), pgVersion, options.pgRuns());
    }
}
