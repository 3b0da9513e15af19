package org.patchlake.bench.reports;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.patchlake.reports.query.SnapshotDatabases;
import org.patchlake.reports.query.SnapshotSchema;
import org.postgresql.copy.CopyManager;
import org.postgresql.core.BaseConnection;

/**
 * A PostgreSQL cluster for the benchmark: initdb in a cache directory beside the warehouse (kept once loaded, so
 * later runs on the same snapshot only start it), started on a free loopback
 * port (as the 'postgres' system user when we run as root, since root cannot run postgres), loaded with the
 * same snapshot through CSV + COPY, with the same summaries, indexed (postgres_indexes.sql) and analysed; stopped on close.
 */
final class QueryBenchPostgres implements AutoCloseable {
    static final String LOADED = "patchlake-loaded";

    private final Path directory;
    private final Path bin;
    private final boolean asPostgresUser;
    private final int port;
    private boolean loaded;

    private final Path socket;

    private QueryBenchPostgres(Path directory, Path bin, boolean asPostgresUser, int port, boolean loaded, Path socket) {
        this.directory = directory;
        this.socket = socket;
        this.bin = bin;
        this.asPostgresUser = asPostgresUser;
        this.port = port;
        this.loaded = loaded;
    }

    /**
     * Starts PostgreSQL on {@code dataDirectory}: reuses a cluster a previous run loaded there (marker file
     * {@value #LOADED}), else creates a new one (initdb).
     */
    static QueryBenchPostgres start(Path dataDirectory) throws IOException, InterruptedException {
        Path bin;
        try (Stream<Path> versions = Files.list(Path.of("/usr/lib/postgresql"))) {
            bin = versions.map(v -> v.resolve("bin")).filter(b -> Files.isExecutable(b.resolve("initdb")))
                    .max(Comparator.comparing(b -> Integer.parseInt(b.getParent().getFileName().toString())))
                    .orElseThrow(() -> new IOException("no PostgreSQL under /usr/lib/postgresql/*/bin (install Debian's postgresql)"));
        }
        boolean root = "root".equals(System.getProperty("user.name"));
        Path directory = dataDirectory.toAbsolutePath();
        boolean reuse = Files.isRegularFile(directory.resolve(LOADED)) && Files.isRegularFile(directory.resolve("data").resolve("PG_VERSION"));
        if (!reuse) {
            delete(directory);
            Files.createDirectories(directory);
        }
        Files.deleteIfExists(directory.resolve("data").resolve("postmaster.pid"));
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        // the server's Unix socket goes to a short temp path: a socket path may not exceed 107 bytes
        Path socket = Files.createTempDirectory("pgsock");
        QueryBenchPostgres pg = new QueryBenchPostgres(directory, bin, root, port, reuse, socket);
        if (root) {
            run(List.of("chown", "-R", "postgres:postgres", directory.toString(), socket.toString()), false);
        }
        if (!reuse) {
            pg.runPg(List.of(bin.resolve("initdb").toString(), "-D", directory.resolve("data").toString(), "-U", "postgres",
                    "--auth=trust", "-E", "UTF8", "--no-locale"));
        }
        String options = "-p " + port + " -c listen_addresses=127.0.0.1 -k " + socket
                + " -c shared_buffers=4GB -c effective_cache_size=12GB -c work_mem=256MB -c maintenance_work_mem=1GB"
                + " -c max_parallel_workers_per_gather=2 -c random_page_cost=1.1 -c fsync=off -c synchronous_commit=off"
                + " -c full_page_writes=off -c wal_level=minimal -c max_wal_senders=0 -c max_wal_size=8GB";
        pg.runPg(List.of(bin.resolve("pg_ctl").toString(), "-D", directory.resolve("data").toString(), "-l",
                directory.resolve("postgres.log").toString(), "-o", options, "-w", "-t", "600", "start"));
        return pg;
    }

    /**
     * Names a cluster loaded from one snapshot with the current contract schema. The summaries and their indexes
     * are kept up to date inside it by {@link #derive} (a changed summary statement recreates only that table).
     */
    static String clusterName(String snapshotName) throws IOException {
        return "postgres-" + snapshotName + "-" + SnapshotSchema.load().contractFingerprint();
    }

    /** True when this cluster's contract tables were loaded by an earlier run (same snapshot, same schema). */
    boolean loaded() {
        return loaded;
    }

    Connection connect() throws SQLException {
        return DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + port + "/postgres?user=postgres");
    }

    String describe() {
        return bin.getParent().getFileName() + " on 127.0.0.1:" + port;
    }

    /**
     * Loads every contract table of the snapshot (CSV exported by DuckDB, then COPY; two tables at a time) and
     * the indexes of postgres_indexes.sql on contract tables; then marks the cluster loaded so the next run reuses
     * it. The summaries come from {@link #derive}.
     */
    void load(Path snapshot) throws IOException, SQLException, InterruptedException {
        SnapshotSchema schema = SnapshotSchema.load();
        Path csv = Files.createTempDirectory("patchlake-bench-csv");
        ExecutorService loaders = Executors.newFixedThreadPool(2);
        try {
            List<Future<?>> tables = new ArrayList<>();
            for (String table : schema.tables()) {
                tables.add(loaders.submit(() -> {
                    loadTable(schema, snapshot, csv, table);
                    return null;
                }));
            }
            for (Future<?> table : tables) {
                try {
                    table.get();
                } catch (ExecutionException e) {
                    throw new SQLException("PostgreSQL load failed: " + e.getCause().getMessage(), e.getCause());
                }
            }
            try (Connection pg = connect(); Statement p = pg.createStatement()) {
                long started = System.nanoTime();
                for (String statement : indexStatements()) {
                    if (schema.tables().contains(indexedTable(statement))) {
                        p.execute(statement);
                    }
                }
                p.execute("ANALYZE");
                System.out.printf("  postgres: contract table indexes + ANALYZE in %.1f s%n", (System.nanoTime() - started) / 1e9);
            }
            Files.writeString(directory.resolve(LOADED), snapshot + "\n");
            loaded = true;
        } finally {
            loaders.shutdownNow();
            delete(csv);
        }
    }

    /**
     * Brings the summaries up to date: the reference tables, snapshot_info and every summary of the snapshot load
     * (the same statements, in PostgreSQL syntax) with their indexes. A table whose statement (or data-as-of time)
     * is unchanged since the last run is kept; others are dropped and recreated, so changing one summary does not
     * reload the 68 M contract rows.
     */
    void derive(java.time.Instant dataAsOf) throws IOException, SQLException {
        SnapshotSchema schema = SnapshotSchema.load();
        java.util.LinkedHashMap<String, String> wanted = new java.util.LinkedHashMap<>();
        wanted.put("return_code_meanings", resource("/org/patchlake/reports/query/reference_tables.sql").replaceAll("(?m)^--.*$", ""));
        wanted.put("snapshot_info", SnapshotSchema.snapshotInfoStatement(dataAsOf));
        for (String statement : schema.derivedTableStatements()) {
            wanted.put(createdTable(statement), QueryBenchDialect.toPostgres(statement));
        }
        Path marker = directory.resolve("patchlake-derived");
        java.util.Map<String, String> have = new java.util.HashMap<>();
        if (Files.isRegularFile(marker)) {
            for (String line : Files.readAllLines(marker)) {
                String[] parts = line.split(" ");
                have.put(parts[0], parts[1]);
            }
        }
        java.util.Set<String> stale = new java.util.LinkedHashSet<>();
        boolean dependencyChanged = false;
        List<String> indexes = indexStatements();
        java.util.Map<String, String> hashes = new java.util.HashMap<>();
        for (var entry : wanted.entrySet()) {
            hashes.put(entry.getKey(), hash(entry.getValue() + indexes.stream().filter(i -> indexedTable(i).equals(entry.getKey())).toList()));
        }
        for (var entry : wanted.entrySet()) {
            // a summary may read an earlier one: recreate everything after the first changed statement (or index)
            dependencyChanged |= !hashes.get(entry.getKey()).equals(have.get(entry.getKey()));
            if (dependencyChanged) {
                stale.add(entry.getKey());
            }
        }
        if (stale.isEmpty()) {
            System.out.println("  postgres: summaries up to date");
            return;
        }
        long started = System.nanoTime();
        try (Connection pg = connect(); Statement p = pg.createStatement()) {
            for (String table : stale) {
                p.execute("DROP TABLE IF EXISTS " + table);
            }
            Files.deleteIfExists(marker);
            for (String table : stale) {
                long t = System.nanoTime();
                p.execute(wanted.get(table));
                for (String statement : indexes) {
                    if (table.equals(indexedTable(statement))) {
                        p.execute(statement);
                    }
                }
                p.execute("ANALYZE " + table);
                System.out.printf("  postgres: summary %-34s %6.1f s%n", table, (System.nanoTime() - t) / 1e9);
            }
        }
        StringBuilder lines = new StringBuilder();
        wanted.forEach((table, statement) -> lines.append(table).append(' ').append(hashes.get(table)).append('\n'));
        Files.writeString(marker, lines);
        System.out.printf("  postgres: %d summaries (re)built in %.1f s%n", stale.size(), (System.nanoTime() - started) / 1e9);
    }

    private static List<String> indexStatements() throws IOException {
        return java.util.Arrays.stream(resource("postgres_indexes.sql").replaceAll("(?m)^--.*$", "").split(";"))
                .map(String::strip).filter(s -> !s.isEmpty()).toList();
    }

    /** The table of "ALTER TABLE t ..." or "CREATE INDEX ON t (...)". */
    static String indexedTable(String statement) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("(?is)^(?:ALTER TABLE|CREATE INDEX(?: \\w+)? ON)\\s+(\\w+)").matcher(statement.strip());
        if (!m.find()) {
            throw new IllegalStateException("postgres_indexes.sql: cannot tell the table of: " + statement);
        }
        return m.group(1);
    }

    private static String createdTable(String statement) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("(?is)CREATE TABLE\\s+(\\w+)").matcher(statement);
        if (!m.find()) {
            throw new IllegalStateException("not a CREATE TABLE statement: " + statement);
        }
        return m.group(1);
    }

    /**
     * Copies the rows of {@code source} into the contract table {@code table} (created just before), taking only the
     * contract's columns: a warehouse may carry more (the ETL writes policies with their type), which PostgreSQL's
     * copy of the contract has no place for.
     */
    static void insertContractColumns(Statement duck, String table, String source) throws SQLException {
        List<String> columns = new ArrayList<>();
        try (java.sql.ResultSet rows = duck.executeQuery("PRAGMA table_info('" + table + "')")) {
            while (rows.next()) {
                columns.add('"' + rows.getString("name").replace("\"", "\"\"") + '"');
            }
        }
        if (columns.isEmpty()) {
            throw new IllegalStateException("contract table " + table + " has no columns");
        }
        duck.execute("INSERT INTO " + table + " BY NAME SELECT " + String.join(", ", columns) + " FROM " + source);
    }

    private static String hash(String text) {
        return Integer.toHexString(text.hashCode());
    }

    private void loadTable(SnapshotSchema schema, Path snapshot, Path csv, String table) throws IOException, SQLException {
        long started = System.nanoTime();
        try (Connection duck = DriverManager.getConnection("jdbc:duckdb:"); Statement d = duck.createStatement();
             Connection pg = connect(); Statement p = pg.createStatement()) {
            d.execute("SET threads = 1");
            p.execute(schema.createStatement(table).replaceFirst("CREATE TABLE ", "CREATE UNLOGGED TABLE "));
            java.util.Optional<String> source = SnapshotDatabases.tableRows(snapshot.resolve(table));
            long rows = 0;
            if (source.isPresent()) {
                Path file = csv.resolve(table + ".csv");
                // cast to the contract's column types first (INSERT BY NAME), then export
                d.execute(schema.createStatement(table));
                insertContractColumns(d, table, source.get());
                // list columns as PostgreSQL array literals ({"a","b"}); DuckDB would write [a, b]
                String select = switch (table) {
                    case "updates" -> "SELECT * REPLACE (" + pgArray("supersedes") + ")";
                    case "computers" -> "SELECT * REPLACE (" + pgArray("install_kbs") + ")";
                    case "windows_update_searches" -> "SELECT * REPLACE (" + pgArray("covered_update_ids") + ")";
                    default -> "SELECT *";
                };
                d.execute("COPY (" + select + " FROM " + table + ") TO '" + file + "' (FORMAT csv, HEADER false)");
                d.execute("DROP TABLE " + table);
                CopyManager copy = new CopyManager(pg.unwrap(BaseConnection.class));
                try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                    rows = copy.copyIn("COPY " + table + " FROM STDIN (FORMAT csv)", reader);
                }
                Files.delete(file);
            }
            System.out.printf("  postgres: loaded %-22s %,14d rows in %6.1f s%n", table, rows, (System.nanoTime() - started) / 1e9);
        }
    }

    /** A DuckDB list column as the text of a PostgreSQL array literal, every element quoted (null stays null). */
    private static String pgArray(String column) {
        return "CASE WHEN " + column + " IS NULL THEN NULL ELSE '{' || array_to_string(list_transform(" + column
                + ", lambda e: '\"' || replace(replace(e, '\\', '\\\\'), '\"', '\\\"') || '\"'), ',') || '}' END AS " + column;
    }

    /** Stops the server; keeps a loaded cluster for the next run, deletes one whose load did not finish. */
    @Override
    public void close() throws IOException, InterruptedException {
        try {
            runPg(List.of(bin.resolve("pg_ctl").toString(), "-D", directory.resolve("data").toString(), "-m", "fast", "-w", "stop"));
        } finally {
            delete(socket);
            if (!loaded) {
                delete(directory);
            }
        }
    }

    private static void delete(Path directory) throws IOException {
        if (!Files.exists(directory)) {
            return;
        }
        try (Stream<Path> files = Files.walk(directory)) {
            files.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
        }
    }

    private void runPg(List<String> command) throws IOException, InterruptedException {
        if (!asPostgresUser) {
            run(command, true);
            return;
        }
        List<String> quoted = new ArrayList<>();
        for (String part : command) {
            quoted.add("'" + part.replace("'", "'\\''") + "'");
        }
        run(List.of("su", "postgres", "-s", "/bin/sh", "-c", String.join(" ", quoted)), true);
    }

    private static void run(List<String> command, boolean quiet) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        byte[] output = process.getInputStream().readAllBytes();
        if (!process.waitFor(10, TimeUnit.MINUTES) || process.exitValue() != 0) {
            throw new IOException("command failed: " + String.join(" ", command) + "\n" + new String(output, StandardCharsets.UTF_8));
        }
    }

    private static String resource(String name) throws IOException {
        try (InputStream in = QueryBenchPostgres.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IOException("resource missing: " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
