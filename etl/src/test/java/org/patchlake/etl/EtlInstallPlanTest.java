package org.patchlake.etl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.patchlake.etl.LandingFixture.OS;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.patchlake.etl.transform.Rows;
import org.patchlake.reports.query.QueryFilter;
import org.patchlake.reports.query.QueryLayer;
import org.patchlake.reports.query.Scope;
import org.patchlake.reports.query.Warehouse;
import org.patchlake.reports.query.WarehouseSettings;
import org.patchlake.reports.remediation.RemediationQueries;
import org.patchlake.reports.sla.BusinessCalendar;

/**
 * What to install, from landing to the reports' remediation targets: a computer on July's cumulative update lacks the
 * August, September and October ones and an out-of-band package of September (a side branch that October's update does
 * not list as superseded; cumulative servicing covers it), plus a standalone update released after October's (nothing
 * covers it: a cumulative update covers only what was released on or before it). The plan: October's cumulative
 * update fixes the four, the standalone one itself.
 */
class EtlInstallPlanTest {
  static final Instant AS_OF = Instant.parse("2026-11-21T12:00:00Z");
  static final String JULY = "KB5000700";
  static final String AUGUST = "KB5001001";
  static final String SEPTEMBER = "KB5002002";
  static final String OUT_OF_BAND = "KB5002900";
  static final String OCTOBER = "KB5003003";
  static final String STANDALONE = "KB5003100";

  static SparkSession spark;
  @TempDir static Path data;
  static EtlRunner etl;

  @BeforeAll
  static void runOnce() {
    spark = org.patchlake.etl.spark.SparkSessions.forTests("patchlake-etl-test");
    new TestCatalog()
        .update(JULY, OS, LocalDate.of(2026, 7, 14)).cumulative(JULY, OS)
        .update(AUGUST, OS, LocalDate.of(2026, 8, 11), JULY).cumulative(AUGUST, OS)
        .update(SEPTEMBER, OS, LocalDate.of(2026, 9, 8), AUGUST).cumulative(SEPTEMBER, OS)
        .update(OUT_OF_BAND, OS, LocalDate.of(2026, 9, 20), SEPTEMBER).cumulative(OUT_OF_BAND, OS)
        .update(OCTOBER, OS, LocalDate.of(2026, 10, 13), SEPTEMBER).cumulative(OCTOBER, OS)
        .update(STANDALONE, OS, LocalDate.of(2026, 10, 20))
        .write(spark, data.resolve("warehouse"), "v-20261120000000000");
    Instant scan = AS_OF.minus(Duration.ofHours(4));
    new LandingFixture(data.resolve("landing"))
        .enrollment("enroll-c1", "c1", Instant.parse("2026-07-01T00:00:00Z"), "EU", "Berlin", "workstation")
        .inventory("inv-c1", "c1", scan, scan, List.of(), Map.of(JULY, "2026-07-20"))
        .flush("inventory", "2026-11-21", "node1-000001");
    etl = new EtlRunner(spark, data);
    etl.run(AS_OF);
  }

  @AfterAll
  static void stop() {
    spark.stop();
  }

  @Test
  void every_missing_update_of_the_stream_names_the_newest_cumulative_update_and_the_standalone_one_itself() {
    Map<String, String> planned = new TreeMap<>();
    for (Row row : etl.table("update_state").collectAsList()) {
      planned.put(row.getAs("kb"), row.<String>getAs("state") + " -> " + row.getAs("install_kb"));
    }
    assertThat(planned).containsExactlyInAnyOrderEntriesOf(Map.of(JULY, "INSTALLED -> null",
        AUGUST, "REQUIRED -> " + OCTOBER, SEPTEMBER, "REQUIRED -> " + OCTOBER, OUT_OF_BAND, "REQUIRED -> " + OCTOBER,
        OCTOBER, "REQUIRED -> " + OCTOBER, STANDALONE, "REQUIRED -> " + STANDALONE));
  }

  @Test
  void the_computer_carries_the_plan_the_update_fixing_most_first() {
    assertThat(Rows.<String>list(etl.table("computers").first(), "install_kbs")).containsExactly(OCTOBER, STANDALONE);
  }

  @Test
  void remediation_targets_read_from_the_published_snapshot_install_the_planned_updates() {
    try (Warehouse warehouse = new Warehouse(etl.warehouse(), WarehouseSettings.inMemory(Duration.ofSeconds(1), 2,
             Clock.systemUTC()));
         QueryLayer queries = new QueryLayer(warehouse, BusinessCalendar.saturdaySunday(Set.of()))) {
      Map<String, String> targets = new TreeMap<>();
      for (RemediationQueries.TargetPair pair : new RemediationQueries(queries.runner())
          .targets(Scope.all(), QueryFilter.none(), null, "c1").rows()) {
        targets.put(pair.requiredKb(), pair.installKb());
      }
      assertThat(targets).containsExactlyInAnyOrderEntriesOf(Map.of(AUGUST, OCTOBER, SEPTEMBER, OCTOBER,
          OUT_OF_BAND, OCTOBER, OCTOBER, OCTOBER, STANDALONE, STANDALONE));
    }
  }
}
