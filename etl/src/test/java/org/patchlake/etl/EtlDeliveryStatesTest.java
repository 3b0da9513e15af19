package org.patchlake.etl;

import org.patchlake.etl.spark.SparkSessions;
import static org.assertj.core.api.Assertions.assertThat;
import static org.patchlake.etl.LandingFixture.OS;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What deliveries say that an inventory does not: an install that waits for a restart (Windows lists many updates
 * only after it) and a superseding update that failed in place of the superseded one (a remediation installs the
 * latest). Five computers scanned at 08:00 with nothing installed, last boot three days earlier; expected states
 * written by hand.
 */
class EtlDeliveryStatesTest {
  static final Instant AS_OF = Instant.parse("2026-11-21T12:00:00Z");
  static final Instant SCAN = Instant.parse("2026-11-21T08:00:00Z");

  static SparkSession spark;
  @TempDir static Path data;
  static EtlRunner etl;

  @BeforeAll
  static void runOnce() {
    spark = SparkSessions.forTests("patchlake-etl-test");
    // KB200 supersedes KB100 on the OS; KB300 stands alone
    new TestCatalog().update("KB100", OS).update("KB200", OS, "KB100").update("KB300", OS)
        .write(spark, data.resolve("warehouse"), "v-20261120000000000");
    LandingFixture landing = new LandingFixture(data.resolve("landing"));
    for (String computer : List.of("d1", "d2", "d3", "d4", "d5")) {
      landing.enrollment("enroll-" + computer, computer, Instant.parse("2026-10-01T00:00:00Z"), "EU", "Berlin", "workstation");
    }
    landing.flush("enrollment", "2026-10-01", "node1-000001");
    for (String computer : List.of("d1", "d2", "d3", "d4", "d5")) {
      landing.inventory("inv-" + computer, computer, SCAN, SCAN, List.of(), Map.of());
    }
    landing.flush("inventory", "2026-11-21", "node1-000002");
    // d1: installed after its last boot, waits for the restart (after the scan, before the run)
    landing.delivery("del-1", "d1", Instant.parse("2026-11-21T09:00:00Z"), "KB200", 1, "succeeded_reboot_required", 3010)
        // d2: restart-required install before its last boot, and the scan after that boot does not list it
        .delivery("del-2", "d2", Instant.parse("2026-11-17T09:00:00Z"), "KB200", 1, "succeeded_reboot_required", 3010)
        // d3: the superseding update failed three times
        .delivery("del-3a", "d3", Instant.parse("2026-11-21T01:00:00Z"), "KB200", 1, "failed_will_retry", 1603)
        .delivery("del-3b", "d3", Instant.parse("2026-11-21T02:00:00Z"), "KB200", 2, "failed_will_retry", 1603)
        .delivery("del-3c", "d3", Instant.parse("2026-11-21T03:00:00Z"), "KB200", 3, "failed", 1603)
        // d4: three failures, then it installed and waits for the restart: failures no longer count
        .delivery("del-4a", "d4", Instant.parse("2026-11-21T01:00:00Z"), "KB200", 1, "failed_will_retry", 1603)
        .delivery("del-4b", "d4", Instant.parse("2026-11-21T02:00:00Z"), "KB200", 2, "failed_will_retry", 1603)
        .delivery("del-4c", "d4", Instant.parse("2026-11-21T03:00:00Z"), "KB200", 3, "failed", 1603)
        .delivery("del-4d", "d4", Instant.parse("2026-11-21T10:00:00Z"), "KB200", 1, "succeeded_reboot_required", 3010)
        // d5: restart required, then a clean install of the same KB: nothing waits; the scan is the truth
        .delivery("del-5a", "d5", Instant.parse("2026-11-21T05:00:00Z"), "KB300", 1, "succeeded_reboot_required", 3010)
        .delivery("del-5b", "d5", Instant.parse("2026-11-21T06:00:00Z"), "KB300", 2, "succeeded", 0)
        .flush("delivery", "2026-11-21", "node1-000003");
    etl = new EtlRunner(spark, data);
    etl.run(AS_OF);
  }

  @AfterAll
  static void stop() {
    spark.stop();
  }

  @Test
  void deliveries_make_updates_pending_reboot_or_failed_through_supersedence() {
    assertThat(etl.updateStates()).containsExactlyInAnyOrderEntriesOf(Map.ofEntries(
        Map.entry("d1 KB100", "INSTALLED_PENDING_REBOOT"), Map.entry("d1 KB200", "INSTALLED_PENDING_REBOOT"),
        Map.entry("d1 KB300", "REQUIRED"),
        Map.entry("d2 KB100", "REQUIRED"), Map.entry("d2 KB200", "REQUIRED"), Map.entry("d2 KB300", "REQUIRED"),
        Map.entry("d3 KB100", "FAILED"), Map.entry("d3 KB200", "FAILED"), Map.entry("d3 KB300", "REQUIRED"),
        Map.entry("d4 KB100", "INSTALLED_PENDING_REBOOT"), Map.entry("d4 KB200", "INSTALLED_PENDING_REBOOT"),
        Map.entry("d4 KB300", "REQUIRED"),
        Map.entry("d5 KB100", "REQUIRED"), Map.entry("d5 KB200", "REQUIRED"), Map.entry("d5 KB300", "REQUIRED")));
  }

  @Test
  void compliance_daily_counts_them_as_pending_reboot_and_failed() {
    // applicable, installed, pending reboot, required, failed, exempt, unknown
    assertThat(etl.dailyCounts("2026-11-21", "KB100")).containsExactly(5L, 0L, 2L, 2L, 1L, 0L, 0L);
    assertThat(etl.dailyCounts("2026-11-21", "KB200")).containsExactly(5L, 0L, 2L, 2L, 1L, 0L, 0L);
    assertThat(etl.dailyCounts("2026-11-21", "KB300")).containsExactly(5L, 0L, 0L, 5L, 0L, 0L, 0L);
  }

  @Test
  void a_failed_state_through_a_superseding_update_carries_its_attempts() {
    assertThat(etl.table("update_state").where("computer_id = 'd3' and kb = 'KB100'").first()
        .<Integer>getAs("failed_attempts")).isEqualTo(3);
  }
}
