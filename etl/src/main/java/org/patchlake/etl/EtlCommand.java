package org.patchlake.etl;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.apache.spark.sql.SparkSession;
import org.patchlake.cli.CommandMain;
import org.patchlake.cli.Commands;
import org.patchlake.cli.DurationConverter;
import org.patchlake.cli.HelpOption;
import org.patchlake.etl.publish.LayeredTables;
import org.patchlake.etl.spark.SparkSessions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code ./patchlake etl --data DIR [--master local[*]|spark://host:port]}: one incremental run, then a summary. */
@Command(name = Commands.ETL, description = Commands.ETL_SUMMARY, sortOptions = false,
    footer = "DIR may be a local path or a Hadoop URI (hdfs://..., s3a://...).")
public final class EtlCommand implements Callable<Integer> {
  @Mixin HelpOption help;

  @Option(names = "--data", paramLabel = "DIR", description = "Data directory: DIR/landing in, DIR/warehouse out. Default: data.")
  String data;

  @Option(names = "--landing", paramLabel = "DIR", description = "Landing directory (default DATA/landing).")
  String landing;

  @Option(names = "--warehouse", paramLabel = "DIR", description = "Warehouse directory (default DATA/warehouse).")
  String warehouse;

  @Option(names = "--master", paramLabel = "URL", defaultValue = "local[*]",
      description = "Spark master: local[*], spark://host:port, yarn, ...; '-' when spark-submit sets it. Default: ${DEFAULT-VALUE}.")
  String master;

  @Option(names = "--as-of", paramLabel = "INSTANT", description = "Evaluation clock, e.g. 2026-11-21T10:00:00Z (default: now).")
  Instant asOf;

  @Option(names = "--staleness-days", paramLabel = "N", defaultValue = "14",
      description = "A computer without inventory for longer is UNKNOWN. Default: ${DEFAULT-VALUE}.")
  int stalenessDays;

  @Option(names = "--retries", paramLabel = "N", defaultValue = "3",
      description = "Failed install attempts before an update is FAILED. Default: ${DEFAULT-VALUE}.")
  int retries;

  @Option(names = "--keep-snapshots", paramLabel = "N", defaultValue = "5", description = "Snapshots kept. Default: ${DEFAULT-VALUE}.")
  int keepSnapshots;

  @Option(names = "--dedup-window-days", paramLabel = "N", defaultValue = "30",
      description = "Message ids remembered across runs for deduplication. Default: ${DEFAULT-VALUE}.")
  int dedupWindowDays;

  @Option(names = "--daily-backfill-days", paramLabel = "N", defaultValue = "14",
      description = "compliance_daily is recomputed for touched days at most this far back. Default: ${DEFAULT-VALUE}.")
  int dailyBackfillDays;

  @Option(names = "--partitions", paramLabel = "N", defaultValue = "8", description = "spark.sql.shuffle.partitions. Default: ${DEFAULT-VALUE}.")
  int partitions;

  @Option(names = "--reevaluate-all", description = "Evaluate every computer, not only those with new data.")
  boolean reevaluateAll;

  @Option(names = "--compact-fraction", paramLabel = "F",
      description = "A layered table gets a new base once its delta covers more than this share of the computers (0..1).")
  Double compactFraction;

  @Option(names = "--jars", paramLabel = "JARS", description = "Jars shipped to executors (the shaded job jar with --master spark://...).")
  String jars;

  @Option(names = "--max-timestamp-ahead", paramLabel = "DURATION", defaultValue = "24h", converter = DurationConverter.class,
      description = "Agent times later than receipt + this go to quarantine. Default: ${DEFAULT-VALUE}.")
  Duration maxTimestampAhead;

  public static void main(String[] args) {
    CommandMain.exit(Commands.ETL, new EtlCommand(), args);
  }

  /** The configuration the options describe; IllegalArgumentException naming the setting when one is out of range. */
  EtlConfig config() {
    double fraction = compactFraction == null ? LayeredTables.COMPACT_FRACTION : compactFraction;
    if (!(fraction >= 0 && fraction <= 1)) {
      throw new IllegalArgumentException("--compact-fraction must be a number between 0 and 1: " + fraction);
    }
    EtlConfig base = EtlConfig.forData(data == null ? "data" : data);
    return new EtlConfig(landing != null ? landing : base.landing(), warehouse != null ? warehouse : base.warehouse(),
        master.equals("-") ? null : master, Optional.ofNullable(asOf), stalenessDays, retries, keepSnapshots, dedupWindowDays,
        dailyBackfillDays, partitions, reevaluateAll, jars, fraction, maxTimestampAhead);
  }

  @Override
  public Integer call() {
    EtlConfig config = config();
    int status = 0;
    SparkSession spark = session(config);
    try {
      EtlProgress progress = new EtlProgress(System.err);
      progress.note("landing " + config.landing() + " -> warehouse " + config.warehouse()
          + " (master " + spark.sparkContext().master() + ")");
      EtlSummary summary = new EtlJob(spark, config, progress).run();
      System.out.print(summary.format());
    } catch (RuntimeException e) {
      System.err.println("etl: failed, published snapshot unchanged: " + e.getMessage());
      e.printStackTrace(System.err);
      status = 1;
    } finally {
      spark.stop();
    }
    return status;
  }

  /** The session for a run: the master from the config, or the one spark-submit provides when it is null. */
  public static SparkSession session(EtlConfig config) {
    return SparkSessions.create("patchlake-etl", config.master(), config.shufflePartitions(), config.jars());
  }
}
