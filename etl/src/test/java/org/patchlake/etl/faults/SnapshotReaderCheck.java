package org.patchlake.etl.faults;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.patchlake.reports.query.SnapshotLease;
import org.patchlake.reports.query.Warehouse;
import org.patchlake.reports.query.WarehouseSettings;

/**
 * What a reader sees after a kill: the reports module's DuckDB snapshot loader (the server's reader) opens the warehouse,
 * loads the snapshot CURRENT names, and each contract table it loaded holds the row count the snapshot's
 * {@code _SNAPSHOT.json} promises. A partial snapshot could not pass: its marker is written after every table.
 */
final class SnapshotReaderCheck {
    private static final List<String> TABLES = List.of("computers", "update_state", "bulletin_state", "update_state_history",
            "scans", "deliveries", "compliance_daily", "exceptions", "policies", "quarantine");

    private SnapshotReaderCheck() {
    }

    /** The snapshot the reader loaded and any table whose rows differ from the marker's count. */
    record Seen(String snapshot, List<String> problems) {
    }

    static Seen read(Path warehouse) {
        try (Warehouse reader = new Warehouse(warehouse, WarehouseSettings.inMemory(Duration.ofSeconds(1), 2, Clock.systemUTC()));
             SnapshotLease lease = reader.lease();
             Statement statement = lease.connection().createStatement()) {
            String id = lease.snapshot().id();
            JsonNode counts = new ObjectMapper().readTree(lease.snapshot().directory().resolve("_SNAPSHOT.json").toFile()).get("row_counts");
            List<String> problems = new ArrayList<>();
            for (String table : TABLES) {
                try (ResultSet rows = statement.executeQuery("SELECT count(*) FROM " + table)) {
                    rows.next();
                    long loaded = rows.getLong(1);
                    if (counts.get(table) == null || counts.get(table).asLong() != loaded) {
                        problems.add(table + ": loaded " + loaded + " rows, _SNAPSHOT.json says " + counts.get(table));
                    }
                }
            }
            return new Seen(id, problems);
        } catch (SQLException e) {
            throw new IllegalStateException("reading the loaded snapshot of " + warehouse + " failed: " + e.getMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
