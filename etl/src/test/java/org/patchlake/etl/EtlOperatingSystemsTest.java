package org.patchlake.etl;

import org.patchlake.etl.spark.SparkSessions;
import static org.assertj.core.api.Assertions.assertThat;
import static org.patchlake.etl.LandingFixture.OS;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * OS identities and Windows Update verdicts through two runs: an identity the catalog cannot place never loses its
 * in-box products in silence, and each computer keeps the verdict of its latest inventory.
 */
class EtlOperatingSystemsTest {
  static final String DOT_NET = "Microsoft .NET Framework 4.7.2 on " + OS;
  static final String WINDOWS_7 = "Windows 7 for x64-based Systems Service Pack 1";
  static final String IE_ON_7 = "Internet Explorer 11 on " + WINDOWS_7;
  static final Instant RUN1 = Instant.parse("2026-11-21T12:00:00Z");
  static final Instant RUN2 = RUN1.plus(Duration.ofDays(1));

  static SparkSession spark;
  @TempDir static Path data;
  static EtlRunner etl;
  static EtlSummary first;
  static Map<String, String> firstStates;
  static List<Row> firstSearches;
  static EtlSummary second;

  @BeforeAll
  static void runTwice() {
    spark = SparkSessions.forTests("patchlake-etl-test");
    new TestCatalog().update("KB100", OS).update("KB200", OS, "KB100").update("KB600", DOT_NET)
        .update("KB700", WINDOWS_7).update("KB800", IE_ON_7).write(spark, data.resolve("warehouse"), "v-20261120000000000");
    Instant scan = RUN1.minus(Duration.ofHours(4));
    LandingFixture landing = new LandingFixture(data.resolve("landing"));
    for (String computer : List.of("full", "short", "seven")) {
      landing.enrollment("enroll-" + computer, computer, Instant.parse("2026-10-01T00:00:00Z"), "EU", "Berlin", "workstation");
    }
    landing.flush("enrollment", "2026-10-01", "node1-000001");
    landing.inventory("inv-full", "full", scan, scan, List.of(), Map.of())
        .windowsUpdate(scan, null, "KB200", "KB2267602")
        .inventory("inv-short", "short", scan, scan, List.of(), Map.of()).os("17763", "17763")
        .inventory("inv-seven", "seven", scan, scan, List.of(), Map.of()).windowsUpdate(scan, "0x8024402C")
        .flush("inventory", "2026-11-21", "node1-000002");
    seven(data);
    etl = new EtlRunner(spark, data);
    first = etl.run(RUN1);
    firstStates = etl.updateStates();
    firstSearches = etl.table("windows_update_searches").collectAsList();

    Instant later = RUN2.minus(Duration.ofHours(2));
    new LandingFixture(data.resolve("landing"))
        .inventory("inv-full-2", "full", later, later, List.of(), Map.of("KB100", "2026-11-01"))
        // a late upload of a scan before the first: stored, but changes nothing (neither states nor the verdict)
        .inventory("inv-seven-late", "seven", scan.minus(Duration.ofDays(1)), later, List.of(), Map.of())
        .windowsUpdate(scan.minus(Duration.ofDays(1)), null, "KB700")
        .flush("inventory", "2026-11-22", "node1-000003");
    second = etl.run(RUN2);
  }

  /** The Windows 7 SP1 machine as the agent describes it: NT 6.1, build 7601, no service pack field. */
  private static void seven(Path data) {
    try {
      Path file = data.resolve("landing/inventory/dt=2026-11-21/node1-000002.jsonl.gz");
      List<String> lines = new java.io.BufferedReader(new java.io.InputStreamReader(new java.util.zip.GZIPInputStream(
          java.nio.file.Files.newInputStream(file)), java.nio.charset.StandardCharsets.UTF_8)).lines().toList();
      List<String> changed = lines.stream().map(line -> !line.contains("\"inv-seven\"") ? line : line
          .replace("\"product\":\"" + OS + "\"", "\"product\":\"" + WINDOWS_7 + "\"")
          .replace("\"name\":\"Windows 10 Enterprise\"", "\"name\":\"Windows 7 Enterprise\"")
          .replace("\"version\":\"10.0.17763\"", "\"version\":\"6.1.7601\"")
          .replace("\"build\":\"17763.5458\"", "\"build\":\"7601.24544\"")).toList();
      try (java.io.OutputStream out = new java.util.zip.GZIPOutputStream(java.nio.file.Files.newOutputStream(file))) {
        out.write((String.join("\n", changed) + "\n").getBytes(java.nio.charset.StandardCharsets.UTF_8));
      }
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  @AfterAll
  static void stop() {
    spark.stop();
  }

  @Test
  void the_full_build_places_the_os_and_its_in_box_products() {
    assertThat(firstStates).containsEntry("full KB600", "REQUIRED").containsEntry("full KB200", "REQUIRED");
    assertThat(reasons()).doesNotContainKey("full");
  }

  @Test
  void the_service_pack_of_a_windows_7_build_is_implied_so_internet_explorer_is_evaluated() {
    assertThat(firstStates).containsEntry("seven KB700", "REQUIRED").containsEntry("seven KB800", "REQUIRED");
    assertThat(reasons()).doesNotContainKey("seven");
  }

  @Test
  void a_short_build_keeps_the_reported_os_product_and_says_why_its_in_box_products_are_missing() {
    assertThat(firstStates).containsEntry("short KB100", "REQUIRED").doesNotContainKey("short KB600");
    assertThat(reasons()).containsEntry("short", "OS version '17763' is not an NT version such as 10.0.19045");
    assertThat(first.unresolvedOperatingSystems())
        .containsExactly(Map.entry("OS version '17763' is not an NT version such as 10.0.19045", 1L));
    assertThat(first.format()).contains("WARNING 1 computers have an OS that could not be placed");
  }

  @Test
  void each_computer_keeps_the_windows_update_verdict_of_its_latest_inventory() {
    assertThat(firstSearches).extracting(row -> row.<String>getAs("computer_id") + " " + row.getAs("status") + " "
            + row.getAs("error_code") + " " + row.getAs("missing_count") + " " + row.getAs("missing_security_count"))
        .containsExactlyInAnyOrder("full COMPLETED null 2 1", "seven FAILED 0x8024402C 0 0");
    // Windows Update lists KB200 only; it covers KB100 (which it supersedes) by core's rules, not the .NET update
    assertThat(firstSearches.stream().filter(row -> row.getAs("computer_id").equals("full")).findFirst().orElseThrow()
        .<Object>getAs("covered_update_ids").toString()).contains("KB100|" + OS, "KB200|" + OS).doesNotContain("KB600");
    // the second inventory of "full" carried no verdict: the comparison is of one point in time, so none is kept;
    // the late scan of "seven" changed nothing
    assertThat(etl.table("windows_update_searches").collectAsList())
        .extracting(row -> row.<String>getAs("computer_id") + " " + row.getAs("status"))
        .containsExactly("seven FAILED");
    assertThat(etl.table("windows_update_missing").count()).isZero();
    assertThat(second.rowCounts()).containsEntry("windows_update_searches", 1L).containsEntry("windows_update_missing", 0L);
  }

  private static Map<String, String> reasons() {
    return etl.table("computers").collectAsList().stream().filter(row -> row.getAs("os_unresolved_reason") != null)
        .collect(Collectors.toMap(row -> row.getAs("computer_id"), row -> row.getAs("os_unresolved_reason")));
  }
}
