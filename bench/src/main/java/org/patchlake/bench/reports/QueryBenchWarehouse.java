package org.patchlake.bench.reports;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.patchlake.reports.query.SnapshotSchema;

/**
 * Writes the synthetic benchmark warehouse (bench_warehouse.sql) with DuckDB as one published snapshot in the
 * contract layout: only the contract's columns of each table, Parquet, _SNAPSHOT.json, CURRENT.
 */
final class QueryBenchWarehouse {
    static final Instant AS_OF = Instant.parse("2026-11-20T12:00:00Z");
    static final String SNAPSHOT = "s-20261120120000000";

    private QueryBenchWarehouse() {
    }

    static void buildIfMissing(Path warehouse, int computers) throws IOException, SQLException {
        if (Files.exists(warehouse.resolve("CURRENT"))) {
            System.out.println("using existing warehouse " + warehouse);
            return;
        }
        long started = System.nanoTime();
        Path snapshot = warehouse.resolve("snapshots").resolve(SNAPSHOT);
        Files.createDirectories(snapshot);
        SnapshotSchema schema = SnapshotSchema.load();
        try (Connection db = DriverManager.getConnection("jdbc:duckdb:"); Statement st = db.createStatement()) {
            st.execute("SET TimeZone = 'UTC'");
            st.execute("SET preserve_insertion_order = true");
            st.execute("SET VARIABLE computers = " + computers);
            st.execute("SET VARIABLE as_of = TIMESTAMP '2026-11-20 12:00:00'");
            st.execute("CREATE SCHEMA contract");
            for (String table : schema.tables()) {
                st.execute(schema.createStatement(table).replaceFirst("CREATE TABLE ", "CREATE TABLE contract."));
            }
            for (String statement : resource("bench_warehouse.sql").replaceAll("(?m)^--.*$", "").split(";\\s*\\n")) {
                if (!statement.isBlank()) {
                    long t = System.nanoTime();
                    st.execute(statement);
                    System.out.printf("  %-60s %6.1f s%n", firstLine(statement), (System.nanoTime() - t) / 1e9);
                }
            }
            StringBuilder counts = new StringBuilder();
            for (String table : schema.tables()) {
                Path dir = snapshot.resolve(table);
                Files.createDirectories(dir);
                String columns = String.join(", ", columns(st, table));
                st.execute("COPY (SELECT " + columns + " FROM main." + table + ") TO '" + dir.resolve("part-00000.snappy.parquet")
                        + "' (FORMAT parquet, COMPRESSION snappy, ROW_GROUP_SIZE 122880)");
                try (ResultSet rs = st.executeQuery("SELECT count(*) FROM main." + table)) {
                    rs.next();
                    counts.append(counts.length() == 0 ? "" : ", ").append('"').append(table).append("\": ").append(rs.getLong(1));
                    System.out.printf("  wrote %-22s %,14d rows%n", table, rs.getLong(1));
                }
            }
            Files.writeString(snapshot.resolve("_SNAPSHOT.json"), "{\"id\": \"" + SNAPSHOT + "\", \"published_at\": \"" + AS_OF
                    + "\", \"data_as_of\": \"" + AS_OF + "\", \"catalog_version\": \"v-bench\", \"row_counts\": {" + counts + "}}\n");
        }
        Path temporary = warehouse.resolve("CURRENT.tmp");
        Files.writeString(temporary, SNAPSHOT + "\n");
        Files.move(temporary, warehouse.resolve("CURRENT"), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        System.out.printf("built synthetic warehouse for %,d computers in %.1f s at %s%n", computers, (System.nanoTime() - started) / 1e9, warehouse);
    }

    private static List<String> columns(Statement st, String table) throws SQLException {
        List<String> columns = new ArrayList<>();
        try (ResultSet rs = st.executeQuery("SELECT column_name FROM information_schema.columns WHERE table_schema = 'contract' AND table_name = '"
                + table + "' ORDER BY ordinal_position")) {
            while (rs.next()) {
                columns.add(rs.getString(1));
            }
        }
        return columns;
    }

    private static String firstLine(String statement) {
        String line = statement.strip().lines().findFirst().orElse("");
        return line.length() > 60 ? line.substring(0, 60) : line;
    }

    private static String resource(String name) throws IOException {
        try (InputStream in = QueryBenchWarehouse.class.getResourceAsStream(name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
