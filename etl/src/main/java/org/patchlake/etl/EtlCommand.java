package org.patchlake.etl;

import org.apache.spark.sql.SparkSession;
import org.patchlake.etl.spark.SparkSessions;

/** {@code ./patchlake etl --data DIR [--master local[*]|spark://host:port]}: one incremental run, then a summary. */
public final class EtlCommand {
  private EtlCommand() {}

  public static void main(String[] args) {
    EtlConfig config;
    try {
      config = EtlConfig.fromArgs(args);
    } catch (IllegalArgumentException e) {
      System.err.println(e.getMessage());
      System.exit(2);
      return;
    }
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
    System.exit(status);
  }

  /** The session for a run: the master from the config, or the one spark-submit provides when it is null. */
  public static SparkSession session(EtlConfig config) {
    return SparkSessions.create("patchlake-etl", config.master(), config.shufflePartitions(), config.jars());
  }
}
