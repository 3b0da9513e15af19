package org.patchlake.etl.warehouse;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Optional;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.StructType;

/** Reads tables of the published snapshot, the starting point of an incremental run. */
public final class SnapshotTables {
  private final SparkSession spark;
  private final Warehouse warehouse;
  private final Optional<String> snapshot;

  public SnapshotTables(SparkSession spark, Warehouse warehouse) {
    this.spark = spark;
    this.warehouse = warehouse;
    this.snapshot = warehouse.currentSnapshot();
  }

  public Optional<String> name() {
    return snapshot;
  }

  /** The table as published, or an empty table of that schema on the first run. */
  public Dataset<Row> read(String table, StructType schema) {
    if (snapshot.isPresent()) {
      Path dir = new Path(warehouse.snapshotDir(snapshot.get()), table);
      try {
        if (dir.getFileSystem(warehouse.hadoop()).exists(dir)) {
          return spark.read().schema(schema).parquet(dir.toString());
        }
      } catch (IOException e) {
        throw new UncheckedIOException("cannot read " + dir, e);
      }
    }
    return spark.createDataFrame(java.util.List.of(), schema);
  }
}
