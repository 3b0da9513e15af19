package org.patchlake.etl.publish;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.FileUtil;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;
import org.patchlake.etl.warehouse.WarehouseLayout;

/**
 * Writes one snapshot: tables into WH/snapshots/s-&lt;ts&gt;/, then _SNAPSHOT.json, then switches WH/CURRENT with an
 * atomic rename. Nothing a reader follows changes before that rename, so a run killed at any point leaves the
 * published snapshot as it was.
 */
public final class SnapshotPublisher {
  public static final String MARKER = "_SNAPSHOT.json";
  public static final String[] CATALOG_TABLES =
      {"bulletins", "updates", "update_cves", "update_supersedence", "products", "catalog_errors"};
  /**
   * Layout of the per-computer current state: computer_latest's binary states (StateCodec) and, since 2, the install
   * plan (update_state.install_kb, computers.install_kbs). A run over another layout evaluates every computer.
   */
  public static final String LATEST_FORMAT = "binary-states-2";
  private static final DateTimeFormatter NAME = DateTimeFormatter.ofPattern("yyyyMMddHHmmssSSS").withZone(ZoneOffset.UTC);

  private final WarehouseLayout warehouse;
  private final String name;

  public SnapshotPublisher(WarehouseLayout warehouse, Instant startedAt) {
    this.warehouse = requireNonNull(warehouse, "warehouse is null");
    String candidate = "s-" + NAME.format(startedAt);
    String current = warehouse.currentSnapshot().orElse("");
    this.name = candidate.compareTo(current) > 0 ? candidate : current + "1";
  }

  public String name() {
    return name;
  }

  public String dir() {
    return warehouse.snapshotDir(name);
  }

  public String tableDir(String table) {
    return dir() + "/" + table;
  }

  /** Writes a table; returns its row count (observed while writing, no second pass). */
  public long write(String table, Dataset<Row> rows) {
    return write(table, rows, null);
  }

  /**
   * Writes a table sorted by {@code sortColumn} within each file (with the small row groups of the session, so
   * readers that filter on that column skip most of a file), or as it comes when null.
   */
  public long write(String table, Dataset<Row> rows, String sortColumn) {
    return write(table, rows, sortColumn, Map.of());
  }

  /** As {@link #write(String, Dataset, String)} with Parquet writer options (e.g. parquet.enable.dictionary). */
  public long write(String table, Dataset<Row> rows, String sortColumn, Map<String, String> options) {
    org.apache.spark.sql.Observation observation = new org.apache.spark.sql.Observation("rows-" + table.replace('/', '-'));
    Dataset<Row> ordered = sortColumn == null ? rows : rows.sortWithinPartitions(sortColumn);
    ordered.observe(observation, org.apache.spark.sql.functions.count(org.apache.spark.sql.functions.lit(1)).as("rows"))
        .write().options(options).mode(SaveMode.Overwrite).parquet(tableDir(table));
    try {
      Object value = observation.getAsJava().get("rows");
      return value == null ? 0L : ((Number) value).longValue();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while writing " + table, e);
    }
  }

  /** Copies the catalog tables of the catalog version into the snapshot (readers need one directory). */
  public void copyCatalog(String catalogDir) {
    try {
      Path source = new Path(catalogDir);
      FileSystem fs = source.getFileSystem(warehouse.hadoop());
      for (String table : CATALOG_TABLES) {
        Path from = new Path(source, table);
        if (fs.exists(from)) FileUtil.copy(fs, from, fs, new Path(tableDir(table)), false, warehouse.hadoop());
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot copy catalog " + catalogDir + " into snapshot " + name, e);
    }
  }

  /**
   * Copies a reference import (its table directory and its manifest, e.g. {@code kev/} and {@code _KEV.json}) into the
   * snapshot as {@code <table>/}, or nothing when none was imported (readers then see an empty table).
   */
  public void copyReference(java.util.Optional<String> importDir, String table, String manifest) {
    if (importDir.isEmpty()) return;
    try {
      Path source = new Path(importDir.get());
      FileSystem fs = source.getFileSystem(warehouse.hadoop());
      FileUtil.copy(fs, new Path(source, table), fs, new Path(tableDir(table)), false, warehouse.hadoop());
      FileUtil.copy(fs, new Path(source, manifest), fs, new Path(tableDir(table) + "/" + manifest), false, warehouse.hadoop());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot copy " + importDir.get() + " into snapshot " + name, e);
    }
  }

  /** Writes _SNAPSHOT.json and then moves WH/CURRENT to this snapshot. */
  public void publish(Instant publishedAt, Instant dataAsOf, Instant evaluatedAt, String catalogVersion,
      String statePolicy, Map<String, Long> rowCounts) {
    publish(publishedAt, dataAsOf, evaluatedAt, catalogVersion, statePolicy, rowCounts, null, null);
  }

  /**
   * As above, with snapshot contract 2: {@code previousSnapshot} the snapshot this run started from (null on a first
   * run) and {@code changedComputers} how many computers _changed_computers lists, null when every computer was
   * evaluated (readers then reload everything).
   */
  public void publish(Instant publishedAt, Instant dataAsOf, Instant evaluatedAt, String catalogVersion,
      String statePolicy, Map<String, Long> rowCounts, String previousSnapshot, Long changedComputers) {
    ObjectMapper json = new ObjectMapper();
    ObjectNode marker = json.createObjectNode();
    marker.put("id", name);
    marker.put("published_at", publishedAt.toString());
    marker.put("data_as_of", dataAsOf == null ? null : dataAsOf.toString());
    marker.put("evaluated_at", evaluatedAt.toString());
    marker.put("catalog_version", catalogVersion);
    marker.put("state_policy", statePolicy);
    marker.put("latest_format", LATEST_FORMAT);
    marker.put("previous_snapshot", previousSnapshot);
    marker.put("changed_computers", changedComputers);
    ObjectNode counts = marker.putObject("row_counts");
    rowCounts.forEach(counts::put);
    try {
      warehouse.writeAtomically(dir() + "/" + MARKER,
          json.writerWithDefaultPrettyPrinter().writeValueAsString(marker).getBytes(StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + MARKER + " of " + name, e);
    }
    warehouse.switchPointer(warehouse.path(WarehouseLayout.CURRENT), name);
  }

  /** Deletes a temporary directory inside the snapshot (intermediate results) before publishing. */
  public void deleteWork(String table) {
    try {
      Path path = new Path(tableDir(table));
      path.getFileSystem(warehouse.hadoop()).delete(path, true);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot delete " + table + " of snapshot " + name, e);
    }
  }
}
