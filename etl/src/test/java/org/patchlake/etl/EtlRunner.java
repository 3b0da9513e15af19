package org.patchlake.etl;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/** Runs the ETL over a data directory in a test and reads the published tables back. */
public final class EtlRunner {
  private final SparkSession spark;
  private final Path data;

  public EtlRunner(SparkSession spark, Path data) {
    this.spark = spark;
    this.data = data;
  }

  public EtlSummary run(Instant asOf) {
    return run(EtlConfig.forData(data.toString()).withAsOf(asOf).withShufflePartitions(4));
  }

  public EtlSummary run(EtlConfig config) {
    return new EtlJob(spark, config, new EtlProgress(System.err)).run();
  }

  public Path warehouse() {
    return data.resolve("warehouse");
  }

  public String current() {
    try {
      return Files.readString(warehouse().resolve("CURRENT")).trim();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A table of the published snapshot, flat or segmented (read recursively, as DuckDB's glob does). */
  public Dataset<Row> table(String name) {
    return table(current(), name);
  }

  /**
   * A table of a snapshot as readers see it: layered directories by the layered rule (LayeredTables), everything else
   * as every Parquet file below it; the schema is the one the ETL wrote (read from a data file, not a replaced/ list).
   */
  public Dataset<Row> table(String snapshot, String name) {
    java.nio.file.Path dir = warehouse().resolve("snapshots").resolve(snapshot).resolve(name);
    java.nio.file.Path sample;
    try (java.util.stream.Stream<java.nio.file.Path> files = java.nio.file.Files.walk(dir)) {
      sample = files.filter(path -> path.getFileName().toString().endsWith(".parquet")
              && !path.getFileName().toString().startsWith(".")
              && !dir.relativize(path).toString().contains("replaced"))
          .findFirst().orElse(null);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    if (sample == null) {
      return spark.read().option("recursiveFileLookup", "true").parquet(dir.toString());
    }
    org.apache.spark.sql.types.StructType schema = spark.read().parquet(sample.toString()).schema();
    return org.patchlake.etl.publish.LayeredTables.read(spark, spark.sparkContext().hadoopConfiguration(), dir.toString(),
        schema);
  }

  /** update_state as "computer kb" -> state, for exact comparison with hand-written expectations. */
  public Map<String, String> updateStates() {
    return table("update_state").collectAsList().stream().collect(Collectors.toMap(
        row -> row.<String>getAs("computer_id") + " " + row.<String>getAs("kb"), row -> row.<String>getAs("state"),
        (a, b) -> a + "," + b, TreeMap::new));
  }

  /** compliance_daily counts of one bulletin on one day, summed over places: applicable,installed,pending,... */
  public List<Long> dailyCounts(String day, String bulletin) {
    Row row = table("compliance_daily").where("day = date'" + day + "' and bulletin_id = '" + bulletin + "'")
        .groupBy().sum("applicable", "installed", "pending_reboot", "required", "failed", "exempt", "unknown")
        .first();
    return java.util.stream.IntStream.range(0, 7).mapToObj(i -> row.isNullAt(i) ? 0L : row.getLong(i)).toList();
  }
}
