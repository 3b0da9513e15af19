package org.patchlake.reports.bench;

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
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.patchlake.reports.query.SnapshotSchema;
import org.postgresql.copy.CopyManager;
import org.postgresql.core.BaseConnection;

/**
 * A throw-away PostgreSQL cluster for the benchmark: initdb in a temp directory, started on a free loopback
 * port (as the 'postgres' system user when we run as root, since root cannot run postgres), loaded with the
 * same snapshot through CSV + COPY, indexed (postgres_indexes.sql) and analysed; stopped and deleted on close.
 */
final class QueryBenchPostgres implements AutoCloseable {
    private final Path directory;
    private final Path bin;
    private final boolean asPostgresUser;
    private final int port;

    private QueryBenchPostgres(Path directory, Path bin, boolean asPostgresUser, int port) {
        this.directory = directory;
        this.bin = bin;
        this.asPostgresUser = asPostgresUser;
        this.port = port;
    }

    static QueryBenchPostgres start() throws IOException, InterruptedException {
        Path bin;
        try (Stream<Path> versions = Files.list(Path.of("/usr/lib/postgresql"))) {
            bin = versions.map(v -> v.resolve("bin")).filter(b -> Files.isExecutable(b.resolve("initdb")))
                    .max(Comparator.comparing(b -> Integer.parseInt(b.getParent().getFileName().toString())))
                    .orElseThrow(() -> new IOException("no PostgreSQL under /usr/lib/postgresql/*/bin (install Debian's postgresql)"));
        }
        boolean root = "root".equals(System.getProperty("user.name"));
        Path directory = Files.createTempDirectory("patchlake-bench-pg");
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        QueryBenchPostgres pg = new QueryBenchPostgres(directory, bin, root, port);
        if (root) {
            run(List.of("chown", "-R", "postgres:postgres", directory.toString()), false);
        }
        pg.runPg(List.of(bin.resolve("initdb").toString(), "-D", directory.resolve("data").toString(), "-U", "postgres",
                "--auth=trust", "-E", "UTF8", "--no-locale"));
        String options = "-p " + port + " -c listen_addresses=127.0.0.1 -k " + directory
                + " -c shared_buffers=4GB -c effective_cache_size=12GB -c work_mem=256MB -c maintenance_work_mem=1GB"
                + " -c max_parallel_workers_per_gather=2 -c random_page_cost=1.1 -c fsync=off -c synchronous_commit=off"
                + " -c full_page_writes=off -c wal_level=minimal -c max_wal_senders=0 -c max_wal_size=8GB";
        pg.runPg(List.of(bin.resolve("pg_ctl").toString(), "-D", directory.resolve("data").toString(), "-l",
                directory.resolve("postgres.log").toString(), "-o", options, "-w", "start"));
        return pg;
    }

    Connection connect() throws SQLException {
        return DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + port + "/postgres?user=postgres");
    }

    String describe() {
        return bin.getParent().getFileName() + " on 127.0.0.1:" + port;
    }

    /** Loads every contract table of the snapshot (CSV exported by DuckDB, then COPY), indexes, analyses. */
    void load(Path snapshot) throws IOException, SQLException {
        SnapshotSchema schema = SnapshotSchema.load();
        Path csv = Files.createTempDirectory("patchlake-bench-csv");
        try (Connection duck = DriverManager.getConnection("jdbc:duckdb:"); Statement d = duck.createStatement();
             Connection pg = connect(); Statement p = pg.createStatement()) {
            CopyManager copy = new CopyManager(pg.unwrap(BaseConnection.class));
            for (String table : schema.tables()) {
                long started = System.nanoTime();
                p.execute(schema.createStatement(table).replaceFirst("CREATE TABLE ", "CREATE UNLOGGED TABLE "));
                Path dir = snapshot.resolve(table);
                long rows = 0;
                if (Files.isDirectory(dir)) {
                    Path file = csv.resolve(table + ".csv");
                    String select = table.equals("updates")
                            ? "SELECT * REPLACE ('{' || array_to_string(supersedes, ',') || '}' AS supersedes)"
                            : "SELECT *";
                    d.execute("COPY (" + select + " FROM read_parquet('" + dir + "/**/*.parquet', union_by_name = true)) TO '"
                            + file + "' (FORMAT csv, HEADER false)");
                    try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                        rows = copy.copyIn("COPY " + table + " FROM STDIN (FORMAT csv)", reader);
                    }
                    Files.delete(file);
                }
                System.out.printf("  postgres: loaded %-22s %,14d rows in %6.1f s%n", table, rows, (System.nanoTime() - started) / 1e9);
            }
            long started = System.nanoTime();
            for (String statement : resource("postgres_indexes.sql").replaceAll("(?m)^--.*$", "").split(";")) {
                if (!statement.isBlank()) {
                    p.execute(statement);
                }
            }
            p.execute(resource("/org/patchlake/reports/query/reference_tables.sql").replaceAll("(?m)^--.*$", ""));
            p.execute("VACUUM ANALYZE");
            System.out.printf("  postgres: indexes + VACUUM ANALYZE in %.1f s%n", (System.nanoTime() - started) / 1e9);
        } finally {
            try (Stream<Path> files = Files.walk(csv)) {
                files.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
            }
        }
    }

    @Override
    public void close() throws IOException, InterruptedException {
        try {
            runPg(List.of(bin.resolve("pg_ctl").toString(), "-D", directory.resolve("data").toString(), "-m", "fast", "-w", "stop"));
        } finally {
            try (Stream<Path> files = Files.walk(directory)) {
                files.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
            }
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
