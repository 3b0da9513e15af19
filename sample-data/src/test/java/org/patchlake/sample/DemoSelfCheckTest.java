package org.patchlake.sample;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.patchlake.core.catalog.Catalog;
import org.patchlake.sample.fleet.FleetCatalogs;
import org.patchlake.sample.fleet.FleetGenerator;
import org.patchlake.sample.fleet.FleetMember;
import org.patchlake.sample.fleet.FleetSpec;
import org.patchlake.sample.fleet.Organisation;

class DemoSelfCheckTest {
    @TempDir
    Path warehouse;

    @Test
    void a_computer_without_states_for_an_in_box_product_or_with_an_unresolved_os_fails_the_check() throws Exception {
        Catalog catalog = FleetCatalogs.catalog();
        FleetGenerator generator = new FleetGenerator(catalog);
        List<FleetMember> fleet = generator.generate(new FleetSpec(5, 9, Instant.parse("2025-12-01T00:00:00Z"),
            Duration.ofDays(7), Organisation.contoso()));
        List<String> computers = new ArrayList<>();
        List<String> states = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            FleetMember member = fleet.get(i);
            String reason = i == 2 ? "'OS version ''19045'' is not an NT version such as 10.0.19045'" : "NULL";
            computers.add("('c" + i + "', '" + member.hostname() + "', '" + member.machine().os().product() + "', " + reason + ")");
            List<String> products = generator.productsOf(member.machine().os().product());
            for (String product : i == 1 ? products.subList(0, 1) : products) {
                states.add("('c" + i + "', '" + product.replace("'", "''") + "')");
            }
        }
        Path snapshot = warehouse.resolve("snapshots/s-20251208000000000");
        Files.createDirectories(snapshot.resolve("computers"));
        Files.createDirectories(snapshot.resolve("update_state"));
        try (Connection duckdb = DriverManager.getConnection("jdbc:duckdb:"); Statement statement = duckdb.createStatement()) {
            statement.execute("COPY (SELECT * FROM (VALUES " + String.join(", ", computers) + ") AS t(computer_id, hostname, "
                + "os_product, os_unresolved_reason)) TO '" + snapshot.resolve("computers/part-0.parquet") + "' (FORMAT parquet)");
            statement.execute("COPY (SELECT * FROM (VALUES " + String.join(", ", states) + ") AS t(computer_id, product)) TO '"
                + snapshot.resolve("update_state/part-0.parquet") + "' (FORMAT parquet)");
        }
        Files.writeString(snapshot.resolve("_SNAPSHOT.json"), "{\"id\": \"s-20251208000000000\", \"published_at\": "
            + "\"2025-12-08T00:00:00Z\", \"data_as_of\": \"2025-12-08T00:00:00Z\", \"catalog_version\": \"v-1\"}");
        Files.writeString(warehouse.resolve("CURRENT"), "s-20251208000000000\n");

        DemoSelfCheck.Result result = new DemoSelfCheck(catalog, generator).check(warehouse, fleet, LocalDate.of(2025, 12, 8));

        assertThat(result.checked()).isEqualTo(4);
        assertThat(result.notReported()).isEqualTo(1);
        assertThat(result.passed()).isFalse();
        assertThat(result.problems()).hasSize(2);
        assertThat(result.problems().get(0)).startsWith(fleet.get(1).hostname()).contains("has no update states for");
        assertThat(result.problems().get(1)).startsWith(fleet.get(2).hostname()).contains("OS not resolved", "19045");
        assertThat(result.describe()).contains("2 problems");
    }

    @Test
    void the_known_exploited_check_counts_vulnerable_computers_and_fails_when_kev_cves_are_fixed_but_none_is_vulnerable()
            throws Exception {
        Path snapshot = warehouse.resolve("snapshots/s-20251208000000000");
        Files.writeString(Files.createDirectories(warehouse).resolve("CURRENT"), "s-20251208000000000\n");
        Files.createDirectories(snapshot);
        Files.writeString(snapshot.resolve("_SNAPSHOT.json"), "{\"id\": \"s-20251208000000000\", \"published_at\": "
            + "\"2025-12-08T00:00:00Z\", \"data_as_of\": \"2025-12-08T00:00:00Z\", \"catalog_version\": \"v-1\"}");
        assertThat(DemoSelfCheck.knownExploited(warehouse)).as("no table until something is written").isEmpty();

        for (String table : List.of("kev", "update_cves", "update_state")) {
            Files.createDirectories(snapshot.resolve(table));
        }
        write(snapshot, "kev", "SELECT * FROM (VALUES ('CVE-2024-0001'), ('CVE-2024-0002'), ('CVE-2099-0003')) AS t(cve)");
        write(snapshot, "update_cves", "SELECT * FROM (VALUES ('KB1', 'Windows 11', 'CVE-2024-0001'), ('KB2', 'Windows 11',"
            + " 'CVE-2024-0002'), ('KB3', 'Windows 11', 'CVE-2024-0009')) AS t(kb, product, cve)");
        write(snapshot, "update_state", "SELECT * FROM (VALUES ('c1', 'B1', 'KB1', 'Windows 11', 'REQUIRED'), ('c2', 'B1', 'KB1',"
            + " 'Windows 11', 'FAILED'), ('c3', 'B2', 'KB2', 'Windows 11', 'INSTALLED'), ('c4', 'B3', 'KB3', 'Windows 11',"
            + " 'REQUIRED')) AS t(computer_id, bulletin_id, kb, product, state)");

        DemoSelfCheck.KnownExploited exploited = DemoSelfCheck.knownExploited(warehouse).orElseThrow();

        assertThat(exploited).isEqualTo(new DemoSelfCheck.KnownExploited(3, 2, 1, 2));
        assertThat(exploited.missing()).isFalse();
        assertThat(exploited.describe()).contains("3 entries", "2 of their CVEs", "1 bulletins", "2 computers vulnerable");

        write(snapshot, "update_state", "SELECT * FROM (VALUES ('c3', 'B2', 'KB2', 'Windows 11', 'INSTALLED'), ('c4', 'B3', 'KB3',"
            + " 'Windows 11', 'REQUIRED')) AS t(computer_id, bulletin_id, kb, product, state)");
        assertThat(DemoSelfCheck.knownExploited(warehouse).orElseThrow().missing()).as("KEV CVEs fixed, none vulnerable").isTrue();
    }

    private static void write(Path snapshot, String table, String select) throws Exception {
        try (Connection duckdb = DriverManager.getConnection("jdbc:duckdb:"); Statement statement = duckdb.createStatement()) {
            statement.execute("COPY (" + select + ") TO '" + snapshot.resolve(table + "/part-0.parquet") + "' (FORMAT parquet)");
        }
    }
}
