package org.patchlake.sample;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.patchlake.sample.fleet.FleetSummary;
import org.patchlake.sample.simulate.SimulationSummary;

/** The demo's last words: where it runs, who can sign in, and the figures of what it built. */
final class DemoReport {
    private static final List<String> TABLES = List.of("computers", "update_state", "bulletin_state",
        "update_state_history", "compliance_daily", "scans", "deliveries");

    private DemoReport() {
    }

    static void print(int port, Path data, List<DemoUsers.Created> users, FleetSummary fleet,
                      SimulationSummary simulated, String breakdown, String mailed, long runOnFactor) {
        System.out.println();
        System.out.println("Patchlake demo is running at http://localhost:" + port + "  (Ctrl-C stops it)");
        System.out.println("Data: " + data + "   (ETL runs every " + DemoCommand.ETL_INTERVAL.toMinutes()
            + " minutes, or 30 s after the previous run when agents uploaded)");
        if (runOnFactor > 0) {
            System.out.println("Time: the agents keep working, " + runOnFactor + " times faster than real time (one simulated hour "
                + "per real minute);\n      a remediation started in the UI shows installs, restarts and failures within a few minutes");
        }
        System.out.println("Mail: " + mailed + "; read them at http://localhost:" + port
            + "/mail (admin, secadmin: who manages every schedule)");
        System.out.println("Sign in as:");
        for (DemoUsers.Created user : users) {
            System.out.printf("  %-14s %-22s %-44s %s%n", user.name(), user.password(), user.roles(), user.scope());
        }
        System.out.println("Figures:");
        System.out.println("  fleet:     " + fleet);
        System.out.printf("  simulated: %,d agents enrolled, %,d scans, %,d inventories, %,d install attempts, "
                + "%,d restarts, %,d requests%n", simulated.enrolled(), simulated.scans(), simulated.inventoriesQueued(),
            simulated.installAttempts(), simulated.restarts(), simulated.requests());
        System.out.println("  costs:     " + simulated.costs());
        System.out.println("  warehouse: " + warehouse(data.resolve("warehouse")));
        System.out.println("  time:      " + breakdown);
    }

    /** The published snapshot's row counts, or why there are none. */
    private static String warehouse(Path warehouse) {
        try {
            Path current = warehouse.resolve("CURRENT");
            if (!Files.isRegularFile(current)) {
                return "no snapshot published (see the ETL job on the Jobs page)";
            }
            String snapshot = Files.readString(current).trim();
            Path directory = Files.isDirectory(warehouse.resolve(snapshot)) ? warehouse.resolve(snapshot)
                : warehouse.resolve("snapshots").resolve(snapshot);
            JsonNode marker = new ObjectMapper().readTree(directory.resolve("_SNAPSHOT.json").toFile());
            StringBuilder line = new StringBuilder(snapshot).append(", data as of ")
                .append(marker.path("data_as_of").asText());
            JsonNode counts = marker.has("row_counts") ? marker.path("row_counts") : marker.path("counts");
            for (String table : TABLES) {
                if (counts.has(table)) {
                    line.append(String.format(", %s %,d", table, counts.path(table).asLong()));
                }
            }
            return line.toString();
        } catch (IOException e) {
            return "snapshot unreadable: " + e.getMessage();
        }
    }
}
