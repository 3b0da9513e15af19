package org.patchlake.etl;

import org.patchlake.etl.spark.SparkSessions;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An incremental run evaluates only dirty computers and carries the rest, and the append-only tables, forward
 * from the previous snapshot. It must give exactly the tables of a run that re-evaluates every computer, also
 * after a run that was killed half-way through writing its snapshot.
 */
class EtlCarryForwardTest {
  static final Instant RUN2 = EtlFleetTest.AS_OF.plus(Duration.ofDays(2));
  static final List<String> TABLES = List.of("computers", "update_state", "bulletin_state", "update_state_history",
      "compliance_daily", "deliveries", "scans", "exceptions", "quarantine", "policies", "computer_latest",
      "seen_messages", "windows_update_searches", "windows_update_missing");

  static SparkSession spark;
  @TempDir static Path temp;
  static EtlRunner incremental;
  static EtlRunner everyComputer;
  static EtlRunner legacy;
  static EtlSummary legacySecond;
  static EtlSummary second;
  static String firstSnapshot;
  static Map<String, List<String>> firstTables = new java.util.HashMap<>();
  static Throwable killed;

  @BeforeAll
  static void runBothWays() throws Exception {
    spark = SparkSessions.forTests("patchlake-etl-test");
    Path data = temp.resolve("incremental");
    EtlFleetTest.writeFleet(spark, data);
    // c7 is reporting at the first run and passes the 14-day staleness window before the second, with no new data.
    Instant c7Scan = EtlFleetTest.AS_OF.minus(Duration.ofDays(13));
    // On the window's exact edges, with nothing new: c8 turned stale an hour before the first run, c9 turns stale an
    // hour after the second. Neither crosses between the runs, so both are carried (and must equal an evaluation).
    Instant c8Scan = EtlFleetTest.AS_OF.minus(Duration.ofDays(14)).minus(Duration.ofHours(1));
    Instant c9Scan = RUN2.minus(Duration.ofDays(14)).plus(Duration.ofHours(1));
    new LandingFixture(data.resolve("landing"))
        .enrollment("enroll-c7", "c7", Instant.parse("2026-10-01T00:00:00Z"), "EU", "Rome", "server")
        .enrollment("enroll-c8", "c8", Instant.parse("2026-10-01T00:00:00Z"), "EU", "Rome", "workstation")
        .enrollment("enroll-c9", "c9", Instant.parse("2026-10-01T00:00:00Z"), "EU", "Rome", "workstation")
        .inventory("inv-c7", "c7", c7Scan, c7Scan, List.of(), Map.of("KB100", "2026-10-20"))
        .inventory("inv-c8", "c8", c8Scan, c8Scan, List.of(), Map.of("KB100", "2026-10-20"))
        .inventory("inv-c9", "c9", c9Scan, c9Scan, List.of(), Map.of("KB100", "2026-10-20"))
        .windowsUpdate(c9Scan, null, "KB300", "KB2267602")
        .flush("inventory", "2026-11-08", "node1-000009");
    incremental = new EtlRunner(spark, data);
    incremental.run(EtlFleetTest.AS_OF);
    firstSnapshot = incremental.current();
    for (String table : TABLES) firstTables.put(table, sorted(incremental.table(table)));
    copyTree(data, temp.resolve("every-computer"));
    everyComputer = new EtlRunner(spark, temp.resolve("every-computer"));
    copyTree(data, temp.resolve("legacy"));
    legacy = new EtlRunner(spark, temp.resolve("legacy"));
    toLegacyLayout(legacy);

    // Second batch: c1 rescans (pending reboot gone) and gets an exception, c3's fourth attempt succeeds, a bad line.
    // c2 has nothing new and is far from stale: it is carried forward.
    Instant scan = RUN2.minus(Duration.ofHours(2));
    for (Path landing : List.of(data.resolve("landing"), temp.resolve("every-computer/landing"),
        temp.resolve("legacy/landing"))) {
      new LandingFixture(landing)
          .inventory("inv-c1-2", "c1", scan, scan, List.of(), Map.of("KB200", "2026-11-01", "KB300", "2026-11-01"))
          .windowsUpdate(scan, null, "KB999")
          .raw("not json")
          .flush("inventory", "2026-11-23", "node1-000010");
      new LandingFixture(landing)
          .delivery("del-5", "c3", scan, "KB300", 4, "succeeded", 0).flush("delivery", "2026-11-23", "node1-000011");
      new LandingFixture(landing).exception("evt-2", "x-2", "c1", "KB100", scan, Instant.parse("2027-01-01T00:00:00Z"))
          .flush("event", "2026-11-23", "web-000002");
    }
    killed = killHalfWay(incremental, data);
    // 3 of 7 computers change: with the default share every run here would write a new base; the delta is compared
    second = incremental.run(EtlConfig.forData(data.toString()).withAsOf(RUN2).withShufflePartitions(4)
        .withCompactFraction(1.0));
    everyComputer.run(EtlConfig.forData(temp.resolve("every-computer").toString()).withAsOf(RUN2)
        .withShufflePartitions(4).withReevaluateAll(true));
    legacySecond = legacy.run(RUN2);
  }

  /**
   * Rewrites the published computer_latest as snapshots before the binary layout had it (nested installed and
   * states lists, no binary columns, no latest_format in _SNAPSHOT.json).
   */
  private static void toLegacyLayout(EtlRunner etl) throws IOException {
    Path dir = etl.warehouse().resolve("snapshots").resolve(etl.current());
    org.apache.spark.sql.types.StructType schema = new org.apache.spark.sql.types.StructType();
    for (org.apache.spark.sql.types.StructField field : org.patchlake.etl.transform.ComputerSchemas.LATEST_READ.fields()) {
      // the Windows Update verdict is not part of the nested layout's story: kept, so both runs know c9's
      if (!field.name().endsWith("_bin") || field.name().equals("windows_update_bin")) schema = schema.add(field);
    }
    org.apache.spark.sql.types.StructType legacySchema = schema;
    List<Row> rows = etl.table("computer_latest").collectAsList().stream().map(row -> {
      Object[] values = new Object[legacySchema.size()];
      for (int i = 0; i < values.length; i++) {
        String name = legacySchema.fields()[i].name();
        values[i] = switch (name) {
          case "installed" -> org.patchlake.etl.transform.Rows.seq(
              org.patchlake.etl.transform.StateCodec.decodeInstalled(row.getAs("installed_bin")));
          case "states" -> org.patchlake.etl.transform.Rows.seq(
              org.patchlake.etl.transform.StateCodec.decodeStates(row.getAs("states_bin")));
          default -> row.getAs(name);
        };
      }
      return (Row) new org.apache.spark.sql.catalyst.expressions.GenericRowWithSchema(values, legacySchema);
    }).toList();
    Path latest = dir.resolve("computer_latest");
    Path rewritten = dir.resolve("computer_latest-legacy");
    spark.createDataFrame(rows, legacySchema).write().parquet(rewritten.toString());
    try (Stream<Path> files = Files.walk(latest)) {
      for (Path file : files.sorted(java.util.Comparator.reverseOrder()).toList()) Files.delete(file);
    }
    Files.move(rewritten, latest);
    Path marker = dir.resolve("_SNAPSHOT.json");
    Files.writeString(marker, Files.readString(marker).replaceAll("\\s*\"latest_format\"\\s*:\\s*\"[^\"]*\",?", ""));
    assertThat(Files.readString(marker)).doesNotContain("latest_format").contains("catalog_version");
  }

  /** Starts a run and cancels its Spark jobs once it has linked segments into its new snapshot directory. */
  private static Throwable killHalfWay(EtlRunner etl, Path data) throws Exception {
    AtomicBoolean done = new AtomicBoolean();
    CompletableFuture<Void> killer = CompletableFuture.runAsync(() -> {
      while (!done.get()) {
        try (Stream<Path> dirs = Files.list(data.resolve("warehouse/snapshots"))) {
          if (dirs.anyMatch(dir -> Files.exists(dir.resolve("scans")) && !dir.getFileName().toString().equals(firstSnapshot))) {
            spark.sparkContext().cancelAllJobs();
          }
          Thread.sleep(10);
        } catch (IOException | InterruptedException e) {
          return;
        }
      }
    });
    try {
      etl.run(RUN2);
      return null;
    } catch (Exception e) { // SparkException (checked) reaches here undeclared through Scala
      return e;
    } finally {
      done.set(true);
      killer.get();
    }
  }

  @AfterAll
  static void stop() {
    spark.stop();
  }

  @Test
  void a_run_killed_after_linking_segments_leaves_the_published_snapshot_as_it_was() {
    assertThat(killed).as("the half-way run failed").isNotNull();
    // The retried run published; the killed run's directory was never published nor did it change the first one.
    assertThat(second.published()).isTrue();
    Path first = temp.resolve("incremental/warehouse/snapshots").resolve(firstSnapshot);
    for (String table : TABLES) {
      assertThat(sorted(spark.read().option("recursiveFileLookup", "true").parquet(first.resolve(table).toString())))
          .as(table).isEqualTo(firstTables.get(table));
    }
  }

  @Test
  void an_incremental_run_gives_the_tables_of_a_run_that_evaluates_every_computer() {
    for (String table : TABLES) {
      assertThat(sorted(incremental.table(table))).as(table).isEqualTo(sorted(everyComputer.table(table)));
    }
  }

  @Test
  void the_next_run_adds_to_the_delta_or_compacts_into_a_new_base_with_the_same_tables() throws IOException {
    Instant run3 = RUN2.plus(Duration.ofDays(1));
    List<EtlRunner> runners = new java.util.ArrayList<>();
    for (String name : List.of("third-delta", "third-compacted")) {
      Path data = temp.resolve(name);
      copyTree(temp.resolve("incremental"), data);
      Instant scan = run3.minus(Duration.ofHours(1));
      new LandingFixture(data.resolve("landing"))
          .inventory("inv-c2-3", "c2", scan, scan, List.of(), Map.of("KB100", "2026-11-01", "KB200", "2026-11-24"))
          .flush("inventory", "2026-11-24", "node1-000012");
      EtlRunner runner = new EtlRunner(spark, data);
      runner.run(EtlConfig.forData(data.toString()).withAsOf(run3).withShufflePartitions(4)
          .withCompactFraction(name.endsWith("delta") ? 1.0 : 0.0));
      runners.add(runner);
    }
    Path delta = runners.get(0).warehouse().resolve("snapshots").resolve(runners.get(0).current());
    Path compacted = runners.get(1).warehouse().resolve("snapshots").resolve(runners.get(1).current());
    for (String table : List.of("update_state", "bulletin_state", "update_state_history/open")) {
      // the delta now holds c2 as well as the second run's computers; the base is still the first run's
      assertThat(delta.resolve(table).resolve("delta")).as(table).isDirectory();
      assertThat(Files.readString(delta.resolve(table).resolve("_LAYERS")).trim()).isEqualTo("base=" + firstSnapshot);
      assertThat(compacted.resolve(table).resolve("delta")).as(table).doesNotExist();
      assertThat(Files.readString(compacted.resolve(table).resolve("_LAYERS")).trim())
          .isEqualTo("base=" + runners.get(1).current());
    }
    assertThat(runners.get(0).table("update_state").where("computer_id = 'c2' and kb = 'KB200'").first()
        .<String>getAs("state")).isEqualTo("INSTALLED");
    for (String table : TABLES) {
      assertThat(sorted(runners.get(0).table(table))).as(table).isEqualTo(sorted(runners.get(1).table(table)));
    }
    // snapshot contract 2: the computers this run evaluated, and the snapshot it started from
    String marker = Files.readString(delta.resolve("_SNAPSHOT.json"));
    assertThat(marker).contains("\"previous_snapshot\" : \"" + incremental.current() + "\"");
    assertThat(runners.get(0).table(runners.get(0).current(), "_changed_computers").collectAsList())
        .extracting(row -> row.<String>getAs("computer_id")).contains("c2");
  }

  @Test
  void a_snapshot_of_the_nested_layout_is_read_once_with_every_computer_evaluated_and_gives_the_same_tables() {
    assertThat(legacySecond.evaluatedComputers()).isEqualTo(legacySecond.computers()).isEqualTo(9);
    for (String table : TABLES) {
      assertThat(sorted(legacy.table(table))).as(table).isEqualTo(sorted(everyComputer.table(table)));
    }
  }

  @Test
  void per_computer_tables_differ_from_the_previous_snapshot_only_in_the_changed_computers_rows() throws IOException {
    // snapshot contract 2: outside _changed_computers every per-computer table is row for row the previous one
    String current = incremental.current();
    assertThat(Files.readString(incrementalMarker(current))).contains("\"previous_snapshot\" : \"" + firstSnapshot + "\"");
    Dataset<Row> changed = incremental.table(current, "_changed_computers");
    assertThat(changed.collectAsList()).extracting(row -> row.<String>getAs("computer_id"))
        .containsExactlyInAnyOrder("c1", "c3", "c5", "c6", "c7");
    for (String table : List.of("computers", "computer_latest", "update_state", "bulletin_state",
        "update_state_history", "scans", "deliveries", "windows_update_searches")) {
      List<String> before = sorted(incremental.table(firstSnapshot, table).join(changed, new String[] {"computer_id"},
          "left_anti"));
      List<String> after = sorted(incremental.table(current, table).join(changed, new String[] {"computer_id"},
          "left_anti"));
      assertThat(after).as(table).isEqualTo(before);
      if (!table.equals("deliveries")) assertThat(after).as(table + " outside the changed set").isNotEmpty();
    }
  }

  private static Path incrementalMarker(String snapshot) {
    return temp.resolve("incremental/warehouse/snapshots").resolve(snapshot).resolve("_SNAPSHOT.json");
  }

  @Test
  void windows_update_verdicts_of_carried_computers_are_carried_and_new_ones_replace_the_old() {
    assertThat(incremental.table("windows_update_missing").collectAsList())
        .extracting(row -> row.<String>getAs("computer_id") + " " + row.<String>getAs("kb") + " " + row.getAs("classification"))
        .containsExactlyInAnyOrder("c9 KB300 Security Updates", "c9 KB2267602 Definition Updates", "c1 KB999 Security Updates");
    Row c9 = incremental.table("windows_update_searches").where("computer_id = 'c9'").first();
    assertThat(c9.<String>getAs("status")).isEqualTo("COMPLETED");
    assertThat(c9.<Integer>getAs("missing_count")).isEqualTo(2);
    assertThat(c9.<Integer>getAs("missing_security_count")).isEqualTo(1);
    assertThat(c9.<String>getAs("region")).isEqualTo("EU");
  }

  @Test
  void install_plans_of_carried_and_evaluated_computers_equal_those_of_a_run_that_evaluates_every_computer() {
    // c2 is carried (its plan from the first run), c3 evaluated again: the same plans as evaluating every computer
    assertThat(plans(incremental)).isEqualTo(plans(everyComputer)).contains("c2 KB200 -> KB200", "c2 KB400 -> KB400",
        "c3 KB100 -> KB200", "c3 KB200 -> KB200", "c3 plan [KB200, KB300]", "c2 plan [KB200, KB400]", "c1 plan []");
    assertThat(plans(incremental)).noneMatch(line -> line.startsWith("c1 KB"));
  }

  /** "computer kb -> install_kb" of every planned update_state row and "computer plan [kbs]" of every computer. */
  private static List<String> plans(EtlRunner etl) {
    List<String> lines = new java.util.ArrayList<>();
    for (Row row : etl.table("update_state").where("install_kb is not null").collectAsList()) {
      lines.add(row.getAs("computer_id") + " " + row.getAs("kb") + " -> " + row.getAs("install_kb"));
    }
    for (Row row : etl.table("computers").collectAsList()) {
      lines.add(row.getAs("computer_id") + " plan " + org.patchlake.etl.transform.Rows.list(row, "install_kbs"));
    }
    return lines.stream().sorted().toList();
  }

  @Test
  void only_dirty_computers_are_evaluated() {
    // c1 (scan, exception), c3 (delivery), c5 (exception), c6 (never scanned), c7 (turns stale between the runs);
    // c2 (nothing new, far from stale), c4 (already stale at the first run, nothing new), c8 (stale an hour before
    // the first run) and c9 (stale an hour after the second) are carried forward.
    assertThat(second.evaluatedComputers()).isEqualTo(5);
    assertThat(second.computers()).isEqualTo(9);
  }

  @Test
  void a_computer_passing_the_staleness_window_without_new_data_becomes_unknown() {
    assertThat(incremental.updateStates()).containsEntry("c7 KB100", "UNKNOWN").containsEntry("c8 KB100", "UNKNOWN")
        .containsEntry("c9 KB100", "INSTALLED");
    Row c7 = incremental.table("computers").where("computer_id = 'c7'").first();
    assertThat(c7.<Boolean>getAs("reporting")).isFalse();
  }

  @Test
  void append_only_tables_reuse_the_previous_snapshot_segments() throws IOException {
    Path scans = temp.resolve("incremental/warehouse/snapshots").resolve(incremental.current()).resolve("scans");
    try (Stream<Path> segments = Files.list(scans)) {
      assertThat(segments.map(path -> path.getFileName().toString()))
          .anyMatch(name -> name.equals("L0-" + firstSnapshot)).anyMatch(name -> name.equals("L0-" + incremental.current()));
    }
    assertThat(second.rowCounts()).containsEntry("scans", 9L).containsEntry("quarantine", 1L);
  }

  @Test
  void duckdb_reads_segmented_and_layered_history_by_the_contracts_rule_and_sees_only_contract_columns() throws Exception {
    Path history = temp.resolve("incremental/warehouse/snapshots").resolve(incremental.current())
        .resolve("update_state_history");
    try (java.sql.Connection duckdb = java.sql.DriverManager.getConnection("jdbc:duckdb:");
         // the contract's rule: segments as they are, the layered open rows as base - replaced + delta
         java.sql.PreparedStatement statement = duckdb.prepareStatement(
             "SELECT * FROM " + DuckDbTables.relation(history))) {
      assertThat(history.resolve("open/_LAYERS")).exists();
      assertThat(history.resolve("open/delta")).exists();
      long rows = 0;
      long open = 0;
      try (java.sql.ResultSet result = statement.executeQuery()) {
        java.sql.ResultSetMetaData meta = result.getMetaData();
        List<String> columns = new java.util.ArrayList<>();
        for (int column = 1; column <= meta.getColumnCount(); column++) columns.add(meta.getColumnName(column));
        assertThat(columns).containsExactlyInAnyOrder(org.patchlake.etl.warehouse.TableSchemas.HISTORY.fieldNames());
        while (result.next()) {
          rows++;
          if (result.getObject("valid_to") == null) open++;
        }
      }
      assertThat(rows).isEqualTo(incremental.table("update_state_history").count()).isGreaterThan(open);
      assertThat(open).isEqualTo(incremental.table("update_state").count());
    }
  }

  static List<String> sorted(Dataset<Row> table) {
    return table.toJSON().collectAsList().stream().sorted().toList();
  }

  private static void copyTree(Path from, Path to) throws IOException {
    try (Stream<Path> files = Files.walk(from)) {
      for (Path file : files.toList()) {
        Path target = to.resolve(from.relativize(file).toString());
        if (Files.isDirectory(file)) {
          Files.createDirectories(target);
        } else {
          Files.copy(file, target);
        }
      }
    }
  }

}
