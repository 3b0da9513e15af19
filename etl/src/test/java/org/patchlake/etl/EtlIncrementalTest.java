package org.patchlake.etl;

import org.patchlake.etl.spark.SparkSessions;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.patchlake.etl.LandingFixture.OS;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Three runs over the same warehouse: history across runs, a regression, a reported install date, a late scan,
 * duplicates within and across runs, bad lines, and a new catalog that changes applicability without rescans.
 */
class EtlIncrementalTest {
  static final Instant RUN1 = Instant.parse("2026-11-10T12:00:00Z");
  static final Instant RUN2 = Instant.parse("2026-11-12T12:00:00Z");
  static final Instant RUN3 = Instant.parse("2026-11-12T13:00:00Z");

  static SparkSession spark;
  @TempDir static Path data;
  static EtlRunner etl;
  static EtlSummary first;
  static EtlSummary second;
  static EtlSummary third;
  static String secondSnapshot;

  @BeforeAll
  static void runThreeTimes() throws IOException {
    spark = SparkSessions.forTests("patchlake-etl-test");
    Path warehouse = data.resolve("warehouse");
    new TestCatalog().update("KB100", OS).update("KB200", OS, "KB100").update("KB300", OS)
        .write(spark, warehouse, "v-20261101000000000");
    LandingFixture landing = new LandingFixture(data.resolve("landing"));
    Instant scan1 = Instant.parse("2026-11-10T08:00:00Z");
    landing.enrollment("enroll-c7", "c7", Instant.parse("2026-11-01T00:00:00Z"), "EU", "Paris", "server")
        .enrollment("enroll-c8", "c8", Instant.parse("2026-11-01T00:00:00Z"), "EU", "Paris", "server")
        .flush("enrollment", "2026-11-01", "node1-000001");
    landing.inventory("inv-c7-1", "c7", scan1, scan1, List.of(), Map.of("KB300", "2026-11-05"))
        .inventory("inv-c8-1", "c8", scan1, scan1, List.of(), Map.of())
        .raw("this is not json")
        .raw("{\"messageId\":\"m-bad\",\"kind\":\"inventory\",\"computerId\":\"c8\",\"receivedAt\":\"2026-11-10T08:00:00Z\",\"payload\":{\"installedUpdates\":[]}}")
        // landed before ingest bounded agent times: kept, it would stay c8's newest scan and hide every later one
        .inventory("inv-c8-future", "c8", Instant.parse("+99999-01-01T00:00:00Z"), scan1, List.of(), Map.of())
        .flush("inventory", "2026-11-10", "node1-000002");
    landing.inventory("inv-c7-1", "c7", scan1, scan1, List.of(), Map.of("KB300", "2026-11-05"))
        .flush("inventory", "2026-11-10", "node2-000001");
    etl = new EtlRunner(spark, data);
    first = etl.run(EtlConfig.forData(data.toString()).withAsOf(RUN1).withShufflePartitions(4).withKeepSnapshots(2));

    Instant scan2 = Instant.parse("2026-11-12T08:00:00Z");
    landing.inventory("inv-c7-2", "c7", scan2, scan2, List.of(), Map.of())
        .inventory("inv-c8-2", "c8", scan2, scan2, List.of(), Map.of("KB200", "2026-11-11"))
        .inventory("inv-c8-0", "c8", Instant.parse("2026-11-09T08:00:00Z"), scan2, List.of(), Map.of())
        .inventory("inv-c7-1", "c7", scan1, scan2, List.of(), Map.of("KB300", "2026-11-05"))
        .flush("inventory", "2026-11-12", "node1-000003");
    second = etl.run(EtlConfig.forData(data.toString()).withAsOf(RUN2).withShufflePartitions(4).withKeepSnapshots(2));
    secondSnapshot = etl.current();

    new TestCatalog().update("KB100", OS).update("KB200", OS, "KB100").update("KB300", OS).update("KB600", OS)
        .write(spark, warehouse, "v-20261112000000000");
    third = etl.run(EtlConfig.forData(data.toString()).withAsOf(RUN3).withShufflePartitions(4).withKeepSnapshots(2));
  }

  @AfterAll
  static void stop() {
    spark.stop();
  }

  @Test
  void a_new_catalog_re_evaluates_every_computer_without_a_rescan() {
    assertThat(third.landingFiles()).isZero();
    assertThat(etl.updateStates()).containsExactlyInAnyOrderEntriesOf(Map.of(
        "c7 KB100", "REQUIRED", "c7 KB200", "REQUIRED", "c7 KB300", "REQUIRED", "c7 KB600", "REQUIRED",
        "c8 KB100", "INSTALLED", "c8 KB200", "INSTALLED", "c8 KB300", "REQUIRED", "c8 KB600", "REQUIRED"));
    assertThat(etl.dailyCounts("2026-11-12", "KB600")).containsExactly(2L, 0L, 0L, 2L, 0L, 0L, 0L);
  }

  @Test
  void a_computer_that_loses_an_update_is_a_counted_regression() {
    List<Row> rows = etl.table("update_state_history").where("computer_id = 'c7' and update_id like 'KB300|%'")
        .orderBy("valid_from").collectAsList();
    assertThat(rows).extracting(row -> row.<String>getAs("state")).containsExactly("INSTALLED", "REQUIRED");
    assertThat(rows.get(0).<Instant>getAs("valid_from")).isEqualTo(Instant.parse("2026-11-05T00:00:00Z"));
    assertThat(rows.get(0).<Instant>getAs("valid_to")).isEqualTo(Instant.parse("2026-11-12T08:00:00Z"));
    assertThat(rows.get(1).<Instant>getAs("valid_to")).isNull();
    assertThat(rows).extracting(row -> row.<Boolean>getAs("regression")).containsExactly(false, true);
    assertThat(third.regressions()).isEqualTo(1);
  }

  @Test
  void history_dates_an_install_by_the_date_the_endpoint_reports() {
    List<Row> rows = etl.table("update_state_history").where("computer_id = 'c8' and update_id like 'KB200|%'")
        .orderBy("valid_from").collectAsList();
    assertThat(rows).extracting(row -> row.<String>getAs("state")).containsExactly("REQUIRED", "INSTALLED");
    assertThat(rows.get(0).<Instant>getAs("valid_from")).isEqualTo(Instant.parse("2026-11-10T08:00:00Z"));
    assertThat(rows.get(0).<Instant>getAs("valid_to")).isEqualTo(Instant.parse("2026-11-11T00:00:00Z"));
    assertThat(rows.get(1).<Instant>getAs("valid_from")).isEqualTo(Instant.parse("2026-11-11T00:00:00Z"));
  }

  @Test
  void compliance_daily_is_backfilled_from_history_for_days_new_data_touched() {
    // 11-11: c7 still had KB300, c8 never had it; 11-12: both lack it.
    assertThat(etl.dailyCounts("2026-11-11", "KB300")).containsExactly(2L, 1L, 0L, 1L, 0L, 0L, 0L);
    assertThat(etl.dailyCounts("2026-11-12", "KB300")).containsExactly(2L, 0L, 0L, 2L, 0L, 0L, 0L);
    // 11-11: c8 installed KB200 that day (reported date), c7 never had it.
    assertThat(etl.dailyCounts("2026-11-11", "KB200")).containsExactly(2L, 1L, 0L, 1L, 0L, 0L, 0L);
  }

  @Test
  void a_late_scan_is_kept_but_does_not_change_the_current_state_and_a_far_future_one_cannot_freeze_it() {
    assertThat(etl.table("scans").where("computer_id = 'c8'").count()).isEqualTo(3);
    Row c8 = etl.table("computers").where("computer_id = 'c8'").first();
    assertThat(c8.<Instant>getAs("last_inventory_at")).isEqualTo(Instant.parse("2026-11-12T08:00:00Z"));
  }

  @Test
  void duplicates_are_dropped_within_a_run_and_across_runs() {
    assertThat(first.duplicates()).isEqualTo(1);
    assertThat(second.duplicates()).isEqualTo(1);
    assertThat(etl.table("scans").where("message_id = 'inv-c7-1'").count()).isEqualTo(1);
    assertThat(etl.table("scans").count()).isEqualTo(5);
  }

  @Test
  void bad_lines_go_to_quarantine_with_file_line_and_reason() {
    List<Row> rows = etl.table("quarantine").orderBy("line").collectAsList();
    assertThat(rows).hasSize(3);
    assertThat(rows.get(0).<String>getAs("file")).isEqualTo("inventory/dt=2026-11-10/node1-000002.jsonl.gz");
    assertThat(rows.get(0).<Long>getAs("line")).isEqualTo(3L);
    assertThat(rows.get(0).<String>getAs("reason")).startsWith("not JSON");
    assertThat(rows.get(1).<Long>getAs("line")).isEqualTo(4L);
    assertThat(rows.get(1).<String>getAs("reason")).isEqualTo("field scannedAt is missing");
    assertThat(rows.get(2).<Long>getAs("line")).isEqualTo(5L);
    assertThat(rows.get(2).<String>getAs("reason")).isEqualTo("field scannedAt is out of range (years 0001-9999): '+99999-01-01T00:00:00Z'");
  }

  @Test
  void retention_keeps_the_current_snapshot_and_the_one_before() throws IOException {
    try (Stream<Path> dirs = Files.list(data.resolve("warehouse/snapshots"))) {
      assertThat(dirs.map(dir -> dir.getFileName().toString()).sorted())
          .containsExactly(secondSnapshot, etl.current());
    }
  }

  @Test
  void a_failed_run_leaves_the_published_snapshot_untouched() throws IOException {
    String before = etl.current();
    long states = etl.table("update_state").count();
    Path catalogPointer = data.resolve("warehouse/catalog/CURRENT");
    String catalog = Files.readString(catalogPointer);
    Files.writeString(catalogPointer, "v-missing\n");
    try {
      assertThatThrownBy(() -> etl.run(EtlConfig.forData(data.toString()).withAsOf(RUN3.plusSeconds(60))))
          .hasMessageContaining("v-missing");
    } finally {
      Files.writeString(catalogPointer, catalog);
    }
    assertThat(etl.current()).isEqualTo(before);
    assertThat(etl.table("update_state").count()).isEqualTo(states);
  }
}
