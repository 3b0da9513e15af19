package org.patchlake.etl;

import static java.util.Objects.requireNonNull;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.explode;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.min;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.storage.StorageLevel;
import org.patchlake.core.state.StatePolicy;
import org.patchlake.etl.landing.EtlManifest;
import org.patchlake.etl.landing.LandingFiles;
import org.patchlake.etl.landing.LandingReader;
import org.patchlake.etl.landing.LandingSchemas;
import org.patchlake.etl.publish.LayeredTables;
import org.patchlake.etl.publish.SegmentedTables;
import org.patchlake.etl.kev.EpssStore;
import org.patchlake.etl.kev.KevStore;
import org.patchlake.etl.publish.SnapshotPublisher;
import org.patchlake.etl.publish.SnapshotRetention;
import org.patchlake.etl.transform.CatalogIndex;
import org.patchlake.etl.transform.ComplianceDaily;
import org.patchlake.etl.transform.ComputerEvaluator;
import org.patchlake.etl.transform.ComputerInputs;
import org.patchlake.etl.transform.ComputerSchemas;
import org.patchlake.etl.transform.DeliveryFacts;
import org.patchlake.etl.transform.DirtyComputers;
import org.patchlake.etl.transform.Evaluation;
import org.patchlake.etl.transform.Events;
import org.patchlake.etl.transform.Facts;
import org.patchlake.etl.transform.Intake;
import org.patchlake.etl.transform.SnapshotViews;
import org.patchlake.etl.warehouse.CatalogLoader;
import org.patchlake.etl.warehouse.SnapshotTables;
import org.patchlake.etl.warehouse.TableSchemas;
import org.patchlake.etl.warehouse.WarehouseLayout;

/** One ETL run: new landing files in, one new published snapshot out. See etl/README.md for the stages. */
public final class EtlJob {
  private static final String HISTORY_OPEN = "open";
  /** The evaluation output of this run (nested states), a work table removed before publishing. */
  private static final String EVALUATION = "_evaluation";
  private static final String LATEST_EVALUATED = "computer_latest/evaluated";
  private static final String LATEST_CARRIED = "computer_latest/carried";
  /** Snapshot contract 2: the computers an incremental run evaluated (readers load only their rows again). */
  private static final String CHANGED_COMPUTERS = "_changed_computers";
  /**
   * computer_latest and the work table are the ETL's own, read back whole: dictionary encoding (hashing every value)
   * was a large part of their write and buys little there.
   */
  private static final Map<String, String> NO_DICTIONARY = Map.of("parquet.enable.dictionary", "false");
  /** Tables whose rows of carried computers an incremental run takes from the previous snapshot. */
  private static final List<String> CURRENT_TABLES = List.of("computers", "update_state", "bulletin_state",
      "update_state_history/" + HISTORY_OPEN, "windows_update_searches", "windows_update_missing");

  private final SparkSession spark;
  private final EtlConfig config;
  private final EtlProgress progress;

  public EtlJob(SparkSession spark, EtlConfig config, EtlProgress progress) {
    this.spark = requireNonNull(spark, "spark is null");
    this.config = requireNonNull(config, "config is null");
    this.progress = requireNonNull(progress, "progress is null");
  }

  /** Session settings every run relies on: UTC, java.time values, Parquet TIMESTAMP (micros). */
  public static void configure(SparkSession spark, EtlConfig config) {
    spark.conf().set("spark.sql.session.timeZone", "UTC");
    spark.conf().set("spark.sql.datetime.java8API.enabled", "true");
    spark.conf().set("spark.sql.parquet.outputTimestampType", "TIMESTAMP_MICROS");
    spark.conf().set("spark.sql.shuffle.partitions", String.valueOf(config.shufflePartitions()));
    // Row groups of 16 MB instead of 128: readers filtering on computer_id (files are sorted by it) skip more.
    spark.sparkContext().hadoopConfiguration().setInt("parquet.block.size", 16 << 20);
  }

  public EtlSummary run() {
    configure(spark, config);
    Instant startedAt = Instant.now();
    Instant asOf = config.clock();
    WarehouseLayout warehouse = new WarehouseLayout(spark.sparkContext().hadoopConfiguration(), config.warehouse());
    EtlManifest manifest = EtlManifest.read(warehouse.hadoop(), config.warehouse(),
        warehouse.currentSnapshot().map(warehouse::snapshotDir).orElse(null));
    List<String> allFiles = LandingFiles.list(warehouse.hadoop(), config.landing());
    List<String> newFiles = LandingFiles.newFiles(allFiles, manifest.fileSet());
    progress.stage("list landing files", newFiles.size());

    CatalogIndex catalog = CatalogLoader.load(spark, warehouse);
    progress.stage("load catalog " + catalog.version(), catalog.updateCount());
    SnapshotTables previous = new SnapshotTables(spark, warehouse);

    Dataset<Row> records = LandingReader.read(spark, config.landing(), newFiles, config.maxTimestampAhead()).persist(StorageLevel.MEMORY_AND_DISK());
    long recordCount = records.count();
    progress.stage("read landing", recordCount);
    Dataset<Row> seen = previous.read("seen_messages", TableSchemas.SEEN_MESSAGES);
    Dataset<Row> accepted = Intake.accepted(records, seen).persist(StorageLevel.MEMORY_AND_DISK());
    long acceptedCount = accepted.count();
    Dataset<Row> newQuarantine = Intake.quarantine(records).persist(StorageLevel.MEMORY_AND_DISK());
    long quarantinedCount = newQuarantine.count();
    // Everything later reads the accepted records or the quarantined ones: free the raw batch now (heap for the
    // evaluation; at 200,000 endpoints a second cached copy of every inventory costs gigabytes and GC time).
    records.unpersist();
    progress.stage("deduplicate", acceptedCount);

    SnapshotPublisher publisher = new SnapshotPublisher(warehouse, startedAt);
    SegmentedTables segmented = new SegmentedTables(spark, warehouse, previous.name(), publisher);
    Map<String, Long> counts = new LinkedHashMap<>();
    Dataset<Row> exceptions = Events.exceptions(previous.read("exceptions", TableSchemas.EXCEPTIONS), accepted, asOf);
    counts.put("exceptions", publisher.write("exceptions", exceptions));
    Dataset<Row> exceptionsWritten = spark.read().parquet(publisher.tableDir("exceptions"));

    Dataset<Row> previousLatest = previous.read("computer_latest", ComputerSchemas.LATEST_READ);
    boolean everyComputer = reevaluateEveryComputer(previous, catalog, asOf);
    Optional<Instant> previousEvaluatedAt = previous.marker("evaluated_at").map(Instant::parse);
    Dataset<Row> dirty = everyComputer ? null : DirtyComputers.ids(previousLatest, accepted, exceptionsWritten, asOf,
        config.staleness(), previousEvaluatedAt).persist(StorageLevel.MEMORY_AND_DISK());
    long dirtyCount = everyComputer ? -1 : dirty.count();
    progress.stage(everyComputer ? "select computers: all" : "select computers: dirty", Math.max(0, dirtyCount));

    Dataset<Row> newDeliveries = Facts.deliveries(spark, accepted);
    Dataset<Row> previousDeliveries = previous.read("deliveries", TableSchemas.DELIVERIES);
    Dataset<Row> deliveryRows = previousDeliveries.select("computer_id", "kb", "outcome", "started_at", "ended_at");
    if (!everyComputer) deliveryRows = DirtyComputers.of(deliveryRows, dirty);
    Dataset<Row> deliveryFacts = DeliveryFacts.perComputer(deliveryRows.unionByName(
        newDeliveries.select("computer_id", "kb", "outcome", "started_at", "ended_at")));
    Dataset<Row> inputs = ComputerInputs.build(everyComputer ? previousLatest : DirtyComputers.of(previousLatest, dirty),
        accepted, deliveryFacts, Events.exemptions(exceptionsWritten));
    Broadcast<ComputerEvaluator> evaluator = spark.sparkContext().broadcast(
        new ComputerEvaluator(catalog, new StatePolicy(config.allowedRetries(), config.staleness()), asOf),
        scala.reflect.ClassTag$.MODULE$.apply(ComputerEvaluator.class));
    // The evaluation is written once, with its nested states, to a work table of the new snapshot (removed before
    // publishing); computer_latest is written in two parts with the same columns: the computers evaluated now (each
    // file sorted by computer) and, in an incremental run, the previous rows of every other computer, filtered by a
    // broadcast anti join (no shuffle) and copied with their binary state (no nested decoding or encoding). The
    // current-state tables take their new rows from the work table and carry the others from the previous snapshot's
    // flat tables.
    long evaluatedCount = publisher.write(EVALUATION, Evaluation.evaluate(inputs, evaluator), "computer_id",
        NO_DICTIONARY);
    Dataset<Row> evaluatedNow = spark.read().parquet(publisher.tableDir(EVALUATION));
    Column[] latestColumns = java.util.Arrays.stream(ComputerSchemas.LATEST.fieldNames()).map(name -> col(name))
        .toArray(Column[]::new);
    publisher.write(LATEST_EVALUATED, evaluatedNow.select(latestColumns), null, NO_DICTIONARY);
    long carriedCount = everyComputer ? 0
        : publisher.write(LATEST_CARRIED, DirtyComputers.without(previousLatest.select(latestColumns), dirty), null,
            NO_DICTIONARY);
    counts.put("computer_latest", evaluatedCount + carriedCount);
    Dataset<Row> evaluated = previous.readFrom(publisher.tableDir("computer_latest"), ComputerSchemas.LATEST);
    progress.stage("evaluate computers", evaluatedCount);

    boolean carryTables = !everyComputer;
    Dataset<Row> empty = spark.createDataFrame(List.of(), ComputerSchemas.OUTPUT);
    counts.put("computers", publisher.write("computers", withCarried(SnapshotViews.computers(evaluatedNow),
        carryTables ? previous.read("computers", SnapshotViews.computers(empty).schema()) : null, dirty)));
    // update_state, bulletin_state and the open history rows are layered (LayeredTables): an incremental run writes the
    // rows of the computers it evaluated as a delta over the previous base (hard-linked), a new base when the delta
    // covers more than --compact-fraction of the computers or every computer was evaluated
    LayeredTables layers = new LayeredTables(spark, warehouse, publisher);
    Dataset<Row> layerDirty = carryTables ? dirty : null;
    long replacedAfter = LayeredTables.replacedAfter(spark, warehouse.hadoop(), previous.dirOf("update_state"),
        layerDirty);
    boolean compact = carryTables && replacedAfter > config.compactFraction() * counts.get("computer_latest");
    StructType updateStateSchema = SnapshotViews.updateState(empty).schema();
    StructType bulletinStateSchema = SnapshotViews.bulletinState(empty).schema();
    counts.put("update_state", layers.write("update_state", updateStateSchema, SnapshotViews.updateState(evaluatedNow),
        previous.dirOf("update_state"), layerDirty, compact));
    counts.put("bulletin_state", layers.write("bulletin_state", bulletinStateSchema,
        SnapshotViews.bulletinState(evaluatedNow), previous.dirOf("bulletin_state"), layerDirty, compact));
    progress.stage("write current state" + (!carryTables ? "" : compact ? " (new base: " + replacedAfter
        + " computers changed since the last)" : " (delta of " + replacedAfter + " computers)"), counts.get("update_state"));
    long open = layers.write("update_state_history/" + HISTORY_OPEN, TableSchemas.HISTORY,
        SnapshotViews.openHistory(evaluatedNow), previous.dirOf("update_state_history/" + HISTORY_OPEN), layerDirty,
        compact);
    long closed = segmented.append("update_state_history", TableSchemas.HISTORY,
        SnapshotViews.closedHistory(evaluatedNow), rows -> rows.where(col("valid_to").isNotNull()));
    counts.put("update_state_history", open + closed);
    Dataset<Row> history = previous.readFrom(publisher.tableDir("update_state_history"), TableSchemas.HISTORY);
    progress.stage("write history (new segment)", counts.get("update_state_history"));
    // Windows Update's own verdict of each computer's latest inventory: layered like the current states (small)
    Dataset<Row> verdicts = SnapshotViews.verdicts(evaluatedNow);
    Dataset<Row> noVerdicts = SnapshotViews.verdicts(empty);
    counts.put("windows_update_searches", layers.write("windows_update_searches",
        SnapshotViews.windowsUpdateSearches(noVerdicts).schema(), SnapshotViews.windowsUpdateSearches(verdicts),
        previous.dirOf("windows_update_searches"), layerDirty, compact));
    counts.put("windows_update_missing", layers.write("windows_update_missing",
        SnapshotViews.windowsUpdateMissing(noVerdicts).schema(), SnapshotViews.windowsUpdateMissing(verdicts),
        previous.dirOf("windows_update_missing"), layerDirty, compact));
    progress.stage("write Windows Update verdicts", counts.get("windows_update_missing"));

    Dataset<Row> newScans = Facts.scans(accepted);
    LocalDate today = LocalDate.ofInstant(asOf, ZoneOffset.UTC);
    LocalDate from = firstTouchedDay(newScans, evaluatedNow).map(day -> day.isBefore(today) ? day : today).orElse(today);
    LocalDate earliest = today.minusDays(config.dailyBackfillDays());
    LocalDate recomputeFrom = from.isBefore(earliest) ? earliest : from;
    counts.put("compliance_daily", publisher.write("compliance_daily", ComplianceDaily.update(
        previous.read("compliance_daily", TableSchemas.COMPLIANCE_DAILY), history,
        previous.readFrom(publisher.tableDir("bulletin_state"), bulletinStateSchema), recomputeFrom, today)));
    progress.stage("compliance_daily from " + recomputeFrom, counts.get("compliance_daily"));

    Dataset<Row> computers = spark.read().parquet(publisher.tableDir("computers"));
    Map<String, Long> unresolved = unresolvedOperatingSystems(computers);
    counts.put("scans", segmented.append("scans", TableSchemas.SCANS, newScans, rows -> rows));
    counts.put("deliveries", segmented.append("deliveries", TableSchemas.DELIVERIES,
        Facts.withPlace(newDeliveries, computers), rows -> rows));
    counts.put("policies", publisher.write("policies",
        Events.policies(previous.read("policies", TableSchemas.POLICIES), accepted)));
    counts.put("quarantine", segmented.append("quarantine", LandingSchemas.QUARANTINE, newQuarantine, rows -> rows));
    Instant dedupSince = asOf.minus(java.time.Duration.ofDays(config.dedupWindowDays()));
    counts.put("seen_messages", segmented.append("seen_messages", TableSchemas.SEEN_MESSAGES,
        accepted.select("kind", "computer_id", "message_id", "received_at"),
        rows -> rows.where(col("received_at").geq(lit(dedupSince)))));
    publisher.copyCatalog(warehouse.currentCatalogDir());
    publisher.copyReference(warehouse.currentReferenceDir("kev"), KevStore.TABLE, KevStore.MANIFEST);
    publisher.copyReference(warehouse.currentReferenceDir("epss"), EpssStore.TABLE, EpssStore.MANIFEST);
    Instant dataAsOf = maxReceived(evaluated);
    long regressions = history.where(col("regression")).count();
    progress.stage("write facts and catalog", counts.get("scans") + counts.get("deliveries"));

    publisher.deleteWork(EVALUATION);
    // snapshot contract 2: the computers whose per-computer rows may differ from the previous snapshot's
    Long changed = null;
    if (carryTables) {
      changed = publisher.write(CHANGED_COMPUTERS, dirty.select("computer_id").coalesce(1), "computer_id");
    }
    java.util.Set<String> processed = new java.util.HashSet<>(manifest.files());
    processed.addAll(newFiles);
    // inside the snapshot, before its marker: the files it holds are published by the same switch as its tables
    new EtlManifest(allFiles.stream().filter(processed::contains).toList(), publisher.name())
        .writeInto(warehouse.hadoop(), publisher.dir());
    publisher.publish(Instant.now(), dataAsOf, asOf, catalog.version(), config.statePolicy(), counts,
        previous.name().orElse(null), changed);
    List<String> pruned = SnapshotRetention.prune(warehouse, config.keepSnapshots(), publisher.name());
    progress.stage("publish " + publisher.name() + (pruned.isEmpty() ? "" : ", pruned " + pruned.size()), 0);
    accepted.unpersist();
    newQuarantine.unpersist();
    if (dirty != null) dirty.unpersist();
    return new EtlSummary(publisher.name(), catalog.version(), newFiles.size(), recordCount, acceptedCount,
        recordCount - acceptedCount - quarantinedCount, quarantinedCount, counts.get("computers"), regressions,
        counts, progress.elapsed(), true, everyComputer ? counts.get("computers") : dirtyCount, unresolved);
  }

  /** Computers whose OS could not be placed among the catalog's products (their in-box products are missing), by reason. */
  private static Map<String, Long> unresolvedOperatingSystems(Dataset<Row> computers) {
    Map<String, Long> byReason = new java.util.TreeMap<>();
    for (Row row : computers.where(col("os_unresolved_reason").isNotNull()).groupBy("os_unresolved_reason").count()
        .collectAsList()) {
      byReason.put(row.getString(0), row.getLong(1));
    }
    return byReason;
  }

  /**
   * Every computer is evaluated on the first run, when asked, when the catalog version or the state policy
   * differs from the published snapshot's, when the clock went back, when the snapshot has an older layout, or when a catalog update's release day came
   * since the last run (updates become applicable on their release day, core's rule); otherwise only dirty computers are
   * ({@link DirtyComputers}).
   */
  private boolean reevaluateEveryComputer(SnapshotTables previous, CatalogIndex catalog, Instant asOf) {
    if (config.reevaluateAll() || previous.name().isEmpty()) return true;
    boolean sameCatalog = previous.marker("catalog_version").filter(catalog.version()::equals).isPresent();
    boolean samePolicy = previous.marker("state_policy").filter(config.statePolicy()::equals).isPresent();
    Optional<Instant> evaluatedAt = previous.marker("evaluated_at").map(Instant::parse);
    boolean clockForward = evaluatedAt.filter(at -> !asOf.isBefore(at)).isPresent();
    boolean releaseCrossed = evaluatedAt.filter(at -> catalog.releasedBetween(at, asOf)).isPresent();
    boolean sameLayout = previous.marker("latest_format").filter(SnapshotPublisher.LATEST_FORMAT::equals).isPresent()
        && CURRENT_TABLES.stream().allMatch(previous::has);
    return !(sameCatalog && samePolicy && clockForward && sameLayout) || releaseCrossed;
  }

  /**
   * The rows of the computers evaluated now (in the order of computer_latest's sorted files) plus, in an incremental
   * run, the previous snapshot's rows of every computer that was not evaluated, kept in their files' order and
   * filtered against the broadcast dirty ids (no shuffle).
   */
  private static Dataset<Row> withCarried(Dataset<Row> fresh, Dataset<Row> previousRows, Dataset<Row> dirty) {
    return previousRows == null ? fresh : fresh.unionByName(DirtyComputers.without(previousRows, dirty));
  }

  /** The earliest day this run changed: new scans (late ones included) and history rows closed now. */
  private static Optional<LocalDate> firstTouchedDay(Dataset<Row> newScans, Dataset<Row> evaluated) {
    Row scans = newScans.agg(min("scanned_at")).first();
    Row closed = evaluated.select(explode(col("transitions")).as("t")).agg(min("t.valid_to")).first();
    Instant first = null;
    for (Row row : List.of(scans, closed)) {
      Instant value = row.isNullAt(0) ? null : row.getAs(0);
      if (value != null && (first == null || value.isBefore(first))) first = value;
    }
    return Optional.ofNullable(first).map(instant -> LocalDate.ofInstant(instant, ZoneOffset.UTC));
  }

  private static Instant maxReceived(Dataset<Row> evaluated) {
    Row row = evaluated.agg(max("last_received_at")).first();
    return row.isNullAt(0) ? null : row.getAs(0);
  }
}
