package org.patchlake.web.warehouse;

import org.patchlake.reports.query.SnapshotSchema;
import org.patchlake.reports.query.Warehouse;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;

/**
 * A copy of the reports module's test fixture (reports publishes no test jar). Writes the hand-designed fixture warehouse (fixture_warehouse.sql) as a published snapshot, the way ETL
 * does: Parquet part files per table (plus Spark's _SUCCESS and .crc litter), _SNAPSHOT.json, then CURRENT
 * renamed into place. {@code computers} is written with UTC-adjusted timestamps, as Spark writes them.
 */
public final class FixtureWarehouse {
    public static final Instant DATA_AS_OF = Instant.parse("2026-11-20T12:00:00Z");
    public static final Instant PUBLISHED_AT = Instant.parse("2026-11-20T12:30:00Z");

    private FixtureWarehouse() {
    }

    public static String publish(Path warehouse, String snapshotName, String extraSql, Instant publishedAt) throws IOException, SQLException {
        Path snapshot = warehouse.resolve("snapshots").resolve(snapshotName);
        Files.createDirectories(snapshot);
        SnapshotSchema schema = SnapshotSchema.load();
        try (Connection db = DriverManager.getConnection("jdbc:duckdb:"); Statement st = db.createStatement()) {
            st.execute("SET TimeZone = 'UTC'");
            for (String table : schema.tables()) {
                st.execute(schema.createStatement(table));
            }
            for (String statement : resource("fixture_warehouse.sql").split(";\\s*\\n")) {
                if (!statement.replaceAll("(?m)^--.*$", "").isBlank()) {
                    st.execute(statement);
                }
            }
            if (extraSql != null) {
                st.execute(extraSql);
            }
            for (String table : schema.tables()) {
                Path dir = snapshot.resolve(table);
                Files.createDirectories(dir);
                String select = table.equals("computers")
                        ? "SELECT * REPLACE (enrolled_at::TIMESTAMPTZ AS enrolled_at, last_inventory_at::TIMESTAMPTZ AS last_inventory_at) FROM computers"
                        : "SELECT * FROM " + table;
                st.execute("COPY (" + select + ") TO '" + dir.resolve("part-00000-fixture.snappy.parquet") + "' (FORMAT parquet)");
                Files.writeString(dir.resolve("_SUCCESS"), "");
                Files.writeString(dir.resolve(".part-00000-fixture.snappy.parquet.crc"), "not parquet");
            }
        }
        Files.writeString(snapshot.resolve("_SNAPSHOT.json"), """
                {"id": "%s", "published_at": "%s", "data_as_of": "%s", "catalog_version": "v-fixture", "row_counts": {}}
                """.formatted(snapshotName, publishedAt, DATA_AS_OF), StandardCharsets.UTF_8);
        Path temporary = warehouse.resolve("CURRENT.tmp");
        Files.writeString(temporary, snapshotName + "\n", StandardCharsets.UTF_8);
        Files.move(temporary, warehouse.resolve("CURRENT"), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        return snapshotName;
    }

    public static Warehouse open(Path warehouse) {
        return new Warehouse(warehouse, Duration.ZERO, 2, java.time.Clock.systemUTC());
    }

    private static String resource(String name) throws IOException {
        try (InputStream in = FixtureWarehouse.class.getResourceAsStream(name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
