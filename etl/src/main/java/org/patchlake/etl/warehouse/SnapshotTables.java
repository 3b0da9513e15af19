package org.patchlake.etl.warehouse;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Optional;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.StructType;

/**
 * Reads tables of the published snapshot (flat, segmented, see SegmentedTables, or layered, see LayeredTables), the
 * start of an incremental run.
 */
public final class SnapshotTables {
  private final SparkSession spark;
  private final WarehouseLayout warehouse;
  private final Optional<String> snapshot;

  public SnapshotTables(SparkSession spark, WarehouseLayout warehouse) {
    this.spark = spark;
    this.warehouse = warehouse;
    this.snapshot = warehouse.currentSnapshot();
  }

  public Optional<String> name() {
    return snapshot;
  }

  /** A top-level text field of the published snapshot's _SNAPSHOT.json (catalog_version, evaluated_at, ...). */
  public Optional<String> marker(String field) {
    if (snapshot.isEmpty()) return Optional.empty();
    String file = warehouse.snapshotDir(snapshot.get()) + "/_SNAPSHOT.json";
    try {
      com.fasterxml.jackson.databind.JsonNode value =
          new com.fasterxml.jackson.databind.ObjectMapper().readTree(warehouse.readText(file)).get(field);
      return value == null || value.isNull() ? Optional.empty() : Optional.of(value.asText());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file, e);
    }
  }

  /** A table directory of any snapshot (flat or segmented), read with {@code schema}. */
  public Dataset<Row> readFrom(String dir, StructType schema) {
    return org.patchlake.etl.publish.LayeredTables.read(spark, warehouse.hadoop(), dir, schema);
  }

  /** The directory of a table of the published snapshot, if there is a published snapshot. */
  public Optional<String> dirOf(String table) {
    return snapshot.map(name -> warehouse.snapshotDir(name) + "/" + table);
  }

  /** Whether the published snapshot has this table (directory). */
  public boolean has(String table) {
    if (snapshot.isEmpty()) return false;
    Path dir = new Path(warehouse.snapshotDir(snapshot.get()), table);
    try {
      return dir.getFileSystem(warehouse.hadoop()).exists(dir);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + dir, e);
    }
  }

  /** The table as published, or an empty table of that schema on the first run. */
  public Dataset<Row> read(String table, StructType schema) {
    if (snapshot.isPresent()) {
      Path dir = new Path(warehouse.snapshotDir(snapshot.get()), table);
      try {
        if (dir.getFileSystem(warehouse.hadoop()).exists(dir)) {
          return readFrom(dir.toString(), schema);
        }
      } catch (IOException e) {
        throw new UncheckedIOException("cannot read " + dir, e);
      }
    }
    return spark.createDataFrame(java.util.List.of(), schema);
  }
}
