package org.patchlake.etl;

import org.patchlake.etl.spark.SparkSessions;
import static org.assertj.core.api.Assertions.assertThat;
import static org.patchlake.etl.LandingFixture.OS;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.patchlake.etl.transform.Rows;

/** A hand-built fleet of six computers; every expected state and count below is written by hand. */
class EtlFleetTest {
  static final String OFFICE = "Microsoft Office 2016 (64-bit edition)";
  static final Instant AS_OF = Instant.parse("2026-11-21T12:00:00Z");
  static final Instant SCAN = Instant.parse("2026-11-21T08:00:00Z");

  static SparkSession spark;
  @TempDir static Path data;
  static EtlRunner etl;
  static EtlSummary summary;

  @BeforeAll
  static void runOnce() {
    spark = SparkSessions.forTests("patchlake-etl-test");
    writeFleet(spark, data);
    etl = new EtlRunner(spark, data);
    summary = etl.run(AS_OF);
  }

  /** The six-computer fleet: catalog, enrollments, inventories, deliveries and one exception. */
  static void writeFleet(SparkSession spark, Path data) {
    // KB200 supersedes KB100 on the OS; KB300 stands alone; KB400 is for Office; KB500 for a server OS only.
    new TestCatalog().update("KB100", OS).update("KB200", OS, "KB100").update("KB300", OS).update("KB400", OFFICE)
        .update("KB500", "Windows Server 2019").write(spark, data.resolve("warehouse"), "v-20261120000000000");
    try {
      new org.patchlake.etl.kev.KevStore(data.resolve("warehouse")).write(new org.patchlake.etl.kev.KevFile("2026.11.20",
          Instant.parse("2026-11-20T17:00:00Z"), List.of(new org.patchlake.etl.kev.KevEntry("CVE-2026-0100", "Microsoft",
              "Windows", "Windows Example Vulnerability", java.time.LocalDate.parse("2026-11-12"),
              java.time.LocalDate.parse("2026-12-03"), true, "Apply updates per vendor instructions."))),
          "kev.json", "0".repeat(64), Instant.parse("2026-11-20T18:00:00Z"));
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    LandingFixture landing = new LandingFixture(data.resolve("landing"));
    for (String computer : List.of("c1", "c2", "c3", "c4", "c5", "c6")) {
      landing.enrollment("enroll-" + computer, computer, Instant.parse("2026-10-01T00:00:00Z"), "EU", "Berlin",
          "workstation");
    }
    landing.flush("enrollment", "2026-10-01", "node1-000001");
    landing.inventory("inv-c1", "c1", SCAN, SCAN, List.of(), Map.of("KB200", "2026-11-01", "KB300", "2026-11-01"))
        .inventory("inv-c2", "c2", SCAN, SCAN, List.of(OFFICE), Map.of("KB100", "2026-10-20", "KB300", "pending:2026-11-20"))
        .inventory("inv-c3", "c3", SCAN, SCAN, List.of(), Map.of())
        .inventory("inv-c4", "c4", Instant.parse("2026-11-01T08:00:00Z"), Instant.parse("2026-11-01T08:00:01Z"),
            List.of(), Map.of("KB300", "2026-10-20"))
        .inventory("inv-c5", "c5", SCAN, SCAN, List.of(), Map.of())
        .flush("inventory", "2026-11-21", "node1-000002");
    landing.delivery("del-1", "c3", Instant.parse("2026-11-20T01:00:00Z"), "KB300", 1, "failed_will_retry", 1603)
        .delivery("del-2", "c3", Instant.parse("2026-11-20T02:00:00Z"), "KB300", 2, "failed_will_retry", 1603)
        .delivery("del-3", "c3", Instant.parse("2026-11-20T03:00:00Z"), "KB300", 3, "failed_will_retry", 0x80240022L)
        .delivery("del-4", "c1", Instant.parse("2026-11-20T03:00:00Z"), "KB300", 1, "succeeded", 0)
        .flush("delivery", "2026-11-20", "node1-000003");
    landing.exception("evt-1", "x-1", "c5", "KB300", Instant.parse("2026-11-10T00:00:00Z"),
        Instant.parse("2027-01-01T00:00:00Z")).flush("event", "2026-11-10", "web-000001");
  }

  @AfterAll
  static void stop() {
    spark.stop();
  }

  @Test
  void every_applicable_update_gets_the_state_the_rules_give() {
    assertThat(etl.updateStates()).containsExactlyInAnyOrderEntriesOf(Map.ofEntries(
        Map.entry("c1 KB100", "INSTALLED"), Map.entry("c1 KB200", "INSTALLED"), Map.entry("c1 KB300", "INSTALLED"),
        Map.entry("c2 KB100", "INSTALLED"), Map.entry("c2 KB200", "REQUIRED"),
        Map.entry("c2 KB300", "INSTALLED_PENDING_REBOOT"), Map.entry("c2 KB400", "REQUIRED"),
        Map.entry("c3 KB100", "REQUIRED"), Map.entry("c3 KB200", "REQUIRED"), Map.entry("c3 KB300", "FAILED"),
        Map.entry("c4 KB100", "UNKNOWN"), Map.entry("c4 KB200", "UNKNOWN"), Map.entry("c4 KB300", "UNKNOWN"),
        Map.entry("c5 KB100", "REQUIRED"), Map.entry("c5 KB200", "REQUIRED"), Map.entry("c5 KB300", "EXEMPT"),
        Map.entry("c6 KB100", "UNKNOWN"), Map.entry("c6 KB200", "UNKNOWN"), Map.entry("c6 KB300", "UNKNOWN")));
  }

  @Test
  void an_update_installed_through_a_superseding_update_names_that_update() {
    Row row = etl.table("update_state").where("computer_id = 'c1' and kb = 'KB100'").first();
    assertThat(row.<String>getAs("installed_via_kb")).isEqualTo("KB200");
    assertThat(row.<Instant>getAs("installed_at")).isEqualTo(Instant.parse("2026-11-01T00:00:00Z"));
  }

  @Test
  void compliance_daily_counts_each_computer_once_per_bulletin() {
    // applicable, installed, pending reboot, required, failed, exempt, unknown
    assertThat(etl.dailyCounts("2026-11-21", "KB300")).containsExactly(6L, 1L, 1L, 0L, 1L, 1L, 2L);
    assertThat(etl.dailyCounts("2026-11-21", "KB100")).containsExactly(6L, 2L, 0L, 2L, 0L, 0L, 2L);
    assertThat(etl.dailyCounts("2026-11-21", "KB200")).containsExactly(6L, 1L, 0L, 3L, 0L, 0L, 2L);
    assertThat(etl.dailyCounts("2026-11-21", "KB400")).containsExactly(1L, 0L, 0L, 1L, 0L, 0L, 0L);
    assertThat(etl.table("compliance_daily").where("bulletin_id = 'KB500'").count()).isZero();
  }

  @Test
  void bulletin_state_takes_the_worst_update_state_and_dates_compliance() {
    Row c2 = etl.table("bulletin_state").where("computer_id = 'c2' and bulletin_id = 'KB300'").first();
    assertThat(c2.<String>getAs("state")).isEqualTo("INSTALLED_PENDING_REBOOT");
    assertThat(c2.<Instant>getAs("compliant_at")).isNull();
    Row c1 = etl.table("bulletin_state").where("computer_id = 'c1' and bulletin_id = 'KB300'").first();
    assertThat(c1.<Instant>getAs("compliant_at")).isEqualTo(Instant.parse("2026-11-01T00:00:00Z"));
  }

  @Test
  void computers_carry_place_reporting_and_reboot_facts() {
    Map<String, Row> computers = etl.table("computers").collectAsList().stream()
        .collect(java.util.stream.Collectors.toMap(row -> row.getAs("computer_id"), row -> row));
    assertThat(computers).hasSize(6);
    assertThat(computers.get("c4").<Boolean>getAs("reporting")).isFalse();
    assertThat(computers.get("c6").<Boolean>getAs("reporting")).isFalse();
    assertThat(computers.get("c1").<Boolean>getAs("reporting")).isTrue();
    assertThat(computers.get("c2").<Boolean>getAs("pending_reboot")).isTrue();
    assertThat(computers.get("c1").<String>getAs("region")).isEqualTo("EU");
    assertThat(computers.get("c1").<String>getAs("computer_class")).isEqualTo("workstation");
  }

  @Test
  void deliveries_are_kept_with_return_code_meaning_and_place() {
    Row row = etl.table("deliveries").where("message_id = 'del-3'").first();
    assertThat(row.<String>getAs("return_code_hex")).isEqualTo("0x80240022");
    assertThat(row.<String>getAs("meaning")).startsWith("WU_E_ALL_UPDATES_FAILED");
    assertThat(row.<String>getAs("region")).isEqualTo("EU");
    assertThat(etl.table("deliveries").count()).isEqualTo(4);
  }

  @Test
  void duckdb_reading_the_published_parquet_gets_the_same_counts_as_spark() throws Exception {
    String sql = new String(EtlFleetTest.class.getResourceAsStream("compliance-by-bulletin.sql").readAllBytes(),
        java.nio.charset.StandardCharsets.UTF_8);
    sql = sql.replace("read_parquet(?)", DuckDbTables.relation(data.resolve("warehouse/snapshots").resolve(etl.current())
        .resolve("bulletin_state")));
    for (String bulletin : List.of("KB100", "KB200", "KB300", "KB400")) {
      try (java.sql.Connection duckdb = java.sql.DriverManager.getConnection("jdbc:duckdb:");
           java.sql.PreparedStatement statement = duckdb.prepareStatement(sql)) {
        statement.setString(1, bulletin);
        try (java.sql.ResultSet result = statement.executeQuery()) {
          result.next();
          List<Long> counts = new java.util.ArrayList<>();
          for (int column = 1; column <= 7; column++) counts.add(result.getLong(column));
          assertThat(counts).as(bulletin).isEqualTo(etl.dailyCounts("2026-11-21", bulletin));
        }
      }
    }
  }

  @Test
  void the_same_input_gives_identical_tables() throws Exception {
    Path copy = data.resolveSibling(data.getFileName() + "-again");
    copyTree(data.resolve("landing"), copy.resolve("landing"));
    copyTree(data.resolve("warehouse/catalog"), copy.resolve("warehouse/catalog"));
    EtlRunner again = new EtlRunner(spark, copy);
    again.run(AS_OF);
    for (String table : List.of("computers", "update_state", "bulletin_state", "update_state_history",
        "compliance_daily", "deliveries", "scans", "exceptions", "quarantine", "computer_latest")) {
      assertThat(sorted(again.table(table))).as(table).isEqualTo(sorted(etl.table(table)));
    }
  }

  private static List<String> sorted(org.apache.spark.sql.Dataset<Row> table) {
    return table.toJSON().collectAsList().stream().sorted().toList();
  }

  private static void copyTree(Path from, Path to) throws java.io.IOException {
    try (java.util.stream.Stream<Path> files = java.nio.file.Files.walk(from)) {
      for (Path file : files.toList()) {
        Path target = to.resolve(from.relativize(file).toString());
        if (java.nio.file.Files.isDirectory(file)) {
          java.nio.file.Files.createDirectories(target);
        } else {
          java.nio.file.Files.copy(file, target);
        }
      }
    }
  }

  @Test
  void each_required_or_failed_update_names_the_planned_update_that_fixes_it() {
    Map<String, String> planned = new java.util.TreeMap<>();
    for (Row row : etl.table("update_state").collectAsList()) {
      planned.put(row.<String>getAs("computer_id") + " " + row.getAs("kb"), String.valueOf(row.<String>getAs("install_kb")));
    }
    // KB200 supersedes KB100: installing it fixes both; nothing to install for installed, pending, exempt or unknown
    assertThat(planned).containsExactlyInAnyOrderEntriesOf(Map.ofEntries(
        Map.entry("c1 KB100", "null"), Map.entry("c1 KB200", "null"), Map.entry("c1 KB300", "null"),
        Map.entry("c2 KB100", "null"), Map.entry("c2 KB200", "KB200"), Map.entry("c2 KB300", "null"),
        Map.entry("c2 KB400", "KB400"), Map.entry("c3 KB100", "KB200"), Map.entry("c3 KB200", "KB200"),
        Map.entry("c3 KB300", "KB300"), Map.entry("c4 KB100", "null"), Map.entry("c4 KB200", "null"),
        Map.entry("c4 KB300", "null"), Map.entry("c5 KB100", "KB200"), Map.entry("c5 KB200", "KB200"),
        Map.entry("c5 KB300", "null"), Map.entry("c6 KB100", "null"), Map.entry("c6 KB200", "null"),
        Map.entry("c6 KB300", "null")));
  }

  @Test
  void computers_carry_the_kbs_of_their_install_plan_the_update_fixing_most_first() {
    Map<String, List<String>> plans = new java.util.TreeMap<>();
    for (Row row : etl.table("computers").collectAsList()) {
      plans.put(row.getAs("computer_id"), Rows.list(row, "install_kbs"));
    }
    // c3: KB200 fixes KB100 and itself, KB300 itself; c2: one each, same day: by KB
    assertThat(plans).containsExactlyInAnyOrderEntriesOf(Map.of("c1", List.of(), "c2", List.of("KB200", "KB400"),
        "c3", List.of("KB200", "KB300"), "c4", List.of(), "c5", List.of("KB200"), "c6", List.of()));
  }

  @Test
  void a_new_superseding_update_changes_the_plan_without_closing_any_history_row() throws Exception {
    Path copy = data.resolveSibling(data.getFileName() + "-new-catalog");
    copyTree(data, copy);
    // KB250 supersedes KB200 (and so KB100): c3 and c5 now install KB250; KB100 and KB200 stay REQUIRED
    new TestCatalog().update("KB100", OS).update("KB200", OS, "KB100").update("KB250", OS, "KB200").update("KB300", OS)
        .update("KB400", OFFICE).update("KB500", "Windows Server 2019")
        .write(spark, copy.resolve("warehouse"), "v-20261121000000000");
    EtlRunner again = new EtlRunner(spark, copy);
    again.run(AS_OF.plusSeconds(3600));
    Map<String, String> planned = new java.util.TreeMap<>();
    for (Row row : again.table("update_state").where("computer_id = 'c3'").collectAsList()) {
      planned.put(row.getAs("kb"), row.<String>getAs("state") + " " + row.getAs("install_kb"));
    }
    assertThat(planned).containsExactlyInAnyOrderEntriesOf(Map.of("KB100", "REQUIRED KB250", "KB200", "REQUIRED KB250",
        "KB250", "REQUIRED KB250", "KB300", "FAILED KB300"));
    assertThat(again.table("update_state_history")
        .where("computer_id in ('c3', 'c5') and bulletin_id in ('KB100', 'KB200') and valid_to is not null").count())
        .as("closed history rows of updates whose plan changed").isZero();
    assertThat(again.table("update_state_history").columns()).doesNotContain("install_kb");
  }

  @Test
  void exceptions_and_the_snapshot_marker_are_published() {
    assertThat(etl.table("exceptions").where("active").count()).isEqualTo(1);
    assertThat(summary.published()).isTrue();
    assertThat(summary.rowCounts()).containsEntry("update_state", 19L).containsEntry("computers", 6L);
    assertThat(data.resolve("warehouse/snapshots").resolve(etl.current()).resolve("_SNAPSHOT.json")).exists();
    assertThat(data.resolve("warehouse/snapshots").resolve(etl.current()).resolve("bulletins")).exists();
  }

  @Test
  void the_current_kev_import_is_published_with_the_snapshot_and_epss_only_when_imported() {
    Path snapshot = data.resolve("warehouse/snapshots").resolve(etl.current());
    assertThat(spark.read().parquet(snapshot.resolve("kev").toString()).collectAsList())
        .extracting(row -> row.getAs("cve") + " " + row.getAs("due_date") + " " + row.getAs("ransomware"))
        .containsExactly("CVE-2026-0100 2026-12-03 true");
    assertThat(snapshot.resolve("kev/_KEV.json")).content().contains("\"catalog_version\" : \"2026.11.20\"");
    assertThat(snapshot.resolve("epss")).doesNotExist();
  }
}
