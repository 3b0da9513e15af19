package org.patchlake.bench.reports;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import java.util.stream.Stream;

/**
 * Until ETL writes snapshot contracts 1 and 2 itself: writes a warehouse of layered snapshots with changed computers
 * from a warehouse of old-layout snapshots (the ETL bench's full run followed by incremental runs). Every file is
 * hard-linked from the old warehouse (nothing there is modified); the first snapshot is the layers' base. For each
 * later snapshot: {@code _changed_computers} = the computers its run evaluated ({@code computer_latest/evaluated})
 * plus those whose {@code computers} row differs from the previous snapshot's; {@code update_state},
 * {@code bulletin_state} and {@code update_state_history/open} become layered directories (base = the first
 * snapshot's files, replaced = every computer changed since it, delta = their rows in this snapshot), as ETL's
 * layered tables look between compactions; {@code _SNAPSHOT.json} gets {@code previous_snapshot} and
 * {@code changed_computers}.
 */
final class SnapshotLoadBenchWarehouse {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> LAYERED = List.of("update_state", "bulletin_state", "update_state_history/open");

    private SnapshotLoadBenchWarehouse() {
    }

    static List<String> prepare(Path old, Path warehouse) throws Exception {
        List<String> names;
        try (Stream<Path> list = Files.list(old.resolve("snapshots"))) {
            names = list.map(p -> p.getFileName().toString()).filter(n -> n.startsWith("s-")).sorted().toList();
        }
        if (Files.exists(warehouse)) {
            System.out.println("  prepare: " + warehouse + " exists, reused");
            return names;
        }
        Path building = warehouse.resolveSibling(warehouse.getFileName() + ".preparing");
        SnapshotLoadBench.deleteTree(building);
        Path oldSnapshots = old.resolve("snapshots");
        Path snapshots = building.resolve("snapshots");
        String first = names.get(0);
        link(oldSnapshots.resolve(first), snapshots.resolve(first), List.of());
        try (Connection db = DriverManager.getConnection("jdbc:duckdb:"); Statement st = db.createStatement()) {
            st.execute("SET TimeZone = 'UTC'");
            st.execute("CREATE TABLE replaced (computer_id VARCHAR)");
            for (int i = 1; i < names.size(); i++) {
                long started = System.nanoTime();
                String previous = names.get(i - 1);
                String name = names.get(i);
                Path from = oldSnapshots.resolve(name);
                Path to = snapshots.resolve(name);
                link(from, to, List.of("update_state", "bulletin_state", "update_state_history/open", "_SNAPSHOT.json"));
                st.execute("CREATE OR REPLACE TABLE changed AS SELECT computer_id FROM " + parquet(from.resolve("computer_latest/evaluated"))
                        + " UNION SELECT computer_id FROM (SELECT * FROM " + parquet(from.resolve("computers")) + " EXCEPT SELECT * FROM "
                        + parquet(oldSnapshots.resolve(previous).resolve("computers")) + ")");
                st.execute("INSERT INTO replaced SELECT computer_id FROM changed EXCEPT SELECT computer_id FROM replaced");
                Files.createDirectories(to.resolve("_changed_computers"));
                st.execute("COPY changed TO '" + to.resolve("_changed_computers/part-00000.snappy.parquet") + "' (FORMAT parquet)");
                for (String table : LAYERED) {
                    Path layered = to.resolve(table);
                    link(oldSnapshots.resolve(first).resolve(table), layered.resolve("base"), List.of());
                    Files.createDirectories(layered.resolve("delta"));
                    Files.createDirectories(layered.resolve("replaced"));
                    st.execute("COPY replaced TO '" + layered.resolve("replaced/part-00000.snappy.parquet") + "' (FORMAT parquet)");
                    st.execute("COPY (SELECT * FROM " + parquet(from.resolve(table)) + " WHERE computer_id IN (SELECT computer_id FROM replaced)"
                            + ") TO '" + layered.resolve("delta/part-00000.snappy.parquet") + "' (FORMAT parquet, COMPRESSION snappy)");
                    Files.writeString(layered.resolve("_LAYERS"), "base=" + first + "\n");
                }
                ObjectNode manifest = (ObjectNode) JSON.readTree(from.resolve("_SNAPSHOT.json").toFile());
                manifest.put("previous_snapshot", previous);
                long changed;
                try (ResultSet rs = st.executeQuery("SELECT count(*) FROM changed")) {
                    rs.next();
                    changed = rs.getLong(1);
                }
                manifest.put("changed_computers", changed);
                JSON.writerWithDefaultPrettyPrinter().writeValue(to.resolve("_SNAPSHOT.json").toFile(), manifest);
                System.out.printf("  prepare: %s layered on %s, %,d changed computers since %s (%.0f s)%n", name, first, changed,
                        previous, (System.nanoTime() - started) / 1e9);
            }
        }
        Files.writeString(building.resolve("CURRENT"), names.get(names.size() - 1) + "\n", StandardCharsets.UTF_8);
        Files.move(building, warehouse);
        return names;
    }

    private static String parquet(Path directory) {
        return "read_parquet('" + directory.toAbsolutePath().toString().replace("'", "''") + "/**/*.parquet', union_by_name = true)";
    }

    /** Hard-links every file below {@code from} to the same place below {@code to}, except the listed relative paths. */
    private static void link(Path from, Path to, List<String> except) throws IOException {
        try (Stream<Path> paths = Files.walk(from)) {
            for (Path path : paths.toList()) {
                String relative = from.relativize(path).toString().replace('\\', '/');
                if (except.stream().anyMatch(e -> relative.equals(e) || relative.startsWith(e + "/"))) {
                    continue;
                }
                Path target = to.resolve(relative);
                if (Files.isDirectory(path)) {
                    Files.createDirectories(target);
                } else {
                    Files.createLink(target, path);
                }
            }
        }
    }
}
