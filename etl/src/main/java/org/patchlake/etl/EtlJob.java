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
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.storage.StorageLevel;
import org.patchlake.core.state.StatePolicy;
import org.patchlake.etl.landing.EtlManifest;
import org.patchlake.etl.landing.LandingFiles;
import org.patchlake.etl.landing.LandingReader;
import org.patchlake.etl.publish.SnapshotPublisher;
import org.patchlake.etl.publish.SnapshotRetention;
import org.patchlake.etl.transform.CatalogIndex;
import org.patchlake.etl.transform.ComplianceDaily;
import org.patchlake.etl.transform.ComputerEvaluator;
import org.patchlake.etl.transform.ComputerInputs;
import org.patchlake.etl.transform.ComputerSchemas;
import org.patchlake.etl.transform.DeliveryFailures;
import org.patchlake.etl.transform.Evaluation;
import org.patchlake.etl.transform.Events;
import org.patchlake.etl.transform.Facts;
import org.patchlake.etl.transform.Intake;
import org.patchlake.etl.transform.SnapshotViews;
import org.patchlake.etl.warehouse.CatalogLoader;
import org.patchlake.etl.warehouse.SnapshotTables;
import org.patchlake.etl.warehouse.TableSchemas;
import org.patchlake.etl.warehouse.Warehouse;

/** One ETL run: new landing files in, one new published snapshot out. See etl/README.md for the stages. */
public final class EtlJob {
  private static final String EVALUATED = "_evaluated";

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
  }

  public EtlSummary run() {
    configure(spark, config);
    Instant startedAt = Instant.now();
    Instant asOf = config.clock();
    Warehouse warehouse = new Warehouse(spark.sparkContext().hadoopConfiguration(), config.warehouse());
    EtlManifest manifest = EtlManifest.read(warehouse.hadoop(), config.warehouse());
    List<String> allFiles = LandingFiles.list(warehouse.hadoop(), config.landing());
    List<String> newFiles = LandingFiles.newFiles(allFiles, manifest.fileSet());
    progress.stage("list landing files", newFiles.size());

    CatalogIndex catalog = CatalogLoader.load(spark, warehouse);
    progress.stage("load catalog " + catalog.version(), catalog.updateCount());
    SnapshotTables previous = new SnapshotTables(spark, warehouse);

    Dataset<Row> records = LandingReader.read(spark, config.landing(), newFiles).persist(StorageLevel.MEMORY_AND_DISK());
    long recordCount = records.count();
    progress.stage("read landing", recordCount);
    Dataset<Row> seen = previous.read("seen_messages", TableSchemas.SEEN_MESSAGES);
    Dataset<Row> accepted = Intake.accepted(records, seen).persist(StorageLevel.MEMORY_AND_DISK());
    long acceptedCount = accepted.count();
    Dataset<Row> newQuarantine = Intake.quarantine(records);
    long quarantinedCount = newQuarantine.count();
    progress.stage("deduplicate", acceptedCount);

    SnapshotPublisher publisher = new SnapshotPublisher(warehouse, startedAt);
    Map<String, Long> counts = new LinkedHashMap<>();
    Dataset<Row> newDeliveries = Facts.deliveries(spark, accepted);
    Dataset<Row> previousDeliveries = previous.read("deliveries", TableSchemas.DELIVERIES);
    Dataset<Row> failures = DeliveryFailures.perComputer(previousDeliveries.select("computer_id", "kb", "outcome",
        "started_at", "ended_at").unionByName(newDeliveries.select("computer_id", "kb", "outcome", "started_at",
        "ended_at")));
    Dataset<Row> exceptions = Events.exceptions(previous.read("exceptions", TableSchemas.EXCEPTIONS), accepted, asOf);
    counts.put("exceptions", publisher.write("exceptions", exceptions));
    Dataset<Row> exceptionsWritten = spark.read().parquet(publisher.tableDir("exceptions"));
    Dataset<Row> inputs = ComputerInputs.build(previous.read("computer_latest", ComputerSchemas.LATEST), accepted,
        failures, Events.exemptions(exceptionsWritten));
    Broadcast<ComputerEvaluator> evaluator = spark.sparkContext().broadcast(
        new ComputerEvaluator(catalog, new StatePolicy(config.allowedRetries(), config.staleness()), asOf),
        scala.reflect.ClassTag$.MODULE$.apply(ComputerEvaluator.class));
    long evaluatedCount = publisher.write(EVALUATED, Evaluation.evaluate(inputs, evaluator));
    Dataset<Row> evaluated = spark.read().parquet(publisher.tableDir(EVALUATED));
    progress.stage("evaluate computers", evaluatedCount);

    counts.put("computer_latest", publisher.write("computer_latest", SnapshotViews.computerLatest(evaluated)));
    counts.put("computers", publisher.write("computers", SnapshotViews.computers(evaluated)));
    counts.put("update_state", publisher.write("update_state", SnapshotViews.updateState(evaluated)));
    counts.put("bulletin_state", publisher.write("bulletin_state", SnapshotViews.bulletinState(evaluated)));
    progress.stage("write current state", counts.get("update_state"));
    counts.put("update_state_history", publisher.write("update_state_history",
        SnapshotViews.history(previous.read("update_state_history", TableSchemas.HISTORY), evaluated)));
    Dataset<Row> history = spark.read().parquet(publisher.tableDir("update_state_history"));
    progress.stage("write history", counts.get("update_state_history"));

    Dataset<Row> newScans = Facts.scans(accepted);
    LocalDate today = LocalDate.ofInstant(asOf, ZoneOffset.UTC);
    LocalDate from = firstTouchedDay(newScans, evaluated).map(day -> day.isBefore(today) ? day : today).orElse(today);
    LocalDate earliest = today.minusDays(config.dailyBackfillDays());
    counts.put("compliance_daily", publisher.write("compliance_daily", ComplianceDaily.update(
        previous.read("compliance_daily", TableSchemas.COMPLIANCE_DAILY), history,
        from.isBefore(earliest) ? earliest : from, today)));
    progress.stage("compliance_daily from " + (from.isBefore(earliest) ? earliest : from), counts.get("compliance_daily"));

    Dataset<Row> computers = spark.read().parquet(publisher.tableDir("computers"));
    counts.put("scans", publisher.write("scans", previous.read("scans", TableSchemas.SCANS).unionByName(newScans)));
    counts.put("deliveries", publisher.write("deliveries",
        previousDeliveries.unionByName(Facts.withPlace(newDeliveries, computers))));
    counts.put("policies", publisher.write("policies",
        Events.policies(previous.read("policies", TableSchemas.POLICIES), accepted)));
    counts.put("quarantine", publisher.write("quarantine",
        previous.read("quarantine", org.patchlake.etl.landing.LandingSchemas.QUARANTINE).unionByName(newQuarantine)));
    Instant dedupSince = asOf.minus(java.time.Duration.ofDays(config.dedupWindowDays()));
    counts.put("seen_messages", publisher.write("seen_messages", seen.where(col("received_at").geq(lit(dedupSince)))
        .unionByName(accepted.select("kind", "computer_id", "message_id", "received_at"))));
    publisher.copyCatalog(warehouse.currentCatalogDir());
    Instant dataAsOf = maxReceived(evaluated);
    long regressions = history.where(col("regression")).count();
    publisher.deleteWork(EVALUATED);
    progress.stage("write facts and catalog", counts.get("scans") + counts.get("deliveries"));

    publisher.publish(Instant.now(), dataAsOf, asOf, catalog.version(), counts);
    java.util.Set<String> processed = new java.util.HashSet<>(manifest.files());
    processed.addAll(newFiles);
    new EtlManifest(allFiles.stream().filter(processed::contains).toList(), publisher.name())
        .write(warehouse.hadoop(), config.warehouse());
    List<String> pruned = SnapshotRetention.prune(warehouse, config.keepSnapshots(), publisher.name());
    progress.stage("publish " + publisher.name() + (pruned.isEmpty() ? "" : ", pruned " + pruned.size()), 0);
    records.unpersist();
    accepted.unpersist();
    return new EtlSummary(publisher.name(), catalog.version(), newFiles.size(), recordCount, acceptedCount,
        recordCount - acceptedCount - quarantinedCount, quarantinedCount, counts.get("computers"), regressions,
        counts, progress.elapsed(), true);
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
