package org.patchlake.etl.publish;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.StructType;
import org.patchlake.etl.warehouse.WarehouseLayout;

/**
 * Append-only tables (closed history rows, scans, deliveries, quarantine, seen message ids) kept as segments:
 * {@code <table>/L<level>-<snapshot>/part-*.parquet}. A run writes only its new rows as one level-0 segment and
 * carries every segment of the previous snapshot forward by hard link (local disks; a copy elsewhere), so its
 * cost follows the new data, not the table. When {@value #FAN_IN} segments of one level pile up they are merged
 * into one segment of the next level (each row is rewritten about log8(runs) times over its life). Readers glob
 * {@code <table>/**}{@code /*.parquet} (DuckDB) or read recursively (Spark): the directory names carry no column.
 * A table of the older flat layout (part files directly in the table directory) is read once and becomes a
 * segment.
 */
public final class SegmentedTables {
  static final int FAN_IN = 8;
  private static final String ROWS = "_ROWS";

  private final SparkSession spark;
  private final WarehouseLayout warehouse;
  private final Optional<String> previous;
  private final SnapshotPublisher publisher;

  public SegmentedTables(SparkSession spark, WarehouseLayout warehouse, Optional<String> previous,
      SnapshotPublisher publisher) {
    this.spark = requireNonNull(spark, "spark is null");
    this.warehouse = requireNonNull(warehouse, "warehouse is null");
    this.previous = requireNonNull(previous, "previous is null");
    this.publisher = requireNonNull(publisher, "publisher is null");
  }

  /**
   * The table of the new snapshot: the previous snapshot's segments plus {@code newRows} as a new segment.
   *
   * @param keep   applied to rows whenever segments are rewritten (merges, the flat layout): drops rows that
   *               are no longer needed, e.g. message ids older than the dedup window; identity otherwise
   * @return the row count of the whole table
   */
  public long append(String table, StructType schema, Dataset<Row> newRows, UnaryOperator<Dataset<Row>> keep) {
    try {
      FileSystem fs = new Path(publisher.dir()).getFileSystem(warehouse.hadoop());
      writeSegment(fs, table, segmentName(0), newRows);
      carryForward(fs, table, schema, keep);
      compact(fs, table, schema, keep);
      long rows = 0;
      for (FileStatus segment : segments(fs, new Path(publisher.tableDir(table)))) rows += rowsOf(fs, segment.getPath());
      return rows;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write segments of " + table + " in snapshot " + publisher.name(), e);
    }
  }

  private String segmentName(int level) {
    return "L" + level + "-" + publisher.name();
  }

  private void writeSegment(FileSystem fs, String table, String segment, Dataset<Row> rows) throws IOException {
    long count = publisher.write(table + "/" + segment, rows);
    try (OutputStream out = fs.create(new Path(publisher.tableDir(table) + "/" + segment, ROWS), true)) {
      out.write(Long.toString(count).getBytes(StandardCharsets.UTF_8));
    }
  }

  private void carryForward(FileSystem fs, String table, StructType schema, UnaryOperator<Dataset<Row>> keep)
      throws IOException {
    if (previous.isEmpty()) return;
    Path from = new Path(warehouse.snapshotDir(previous.get()), table);
    if (!fs.exists(from)) return;
    boolean flat = false;
    for (FileStatus entry : fs.listStatus(from)) {
      if (entry.isDirectory() && isSegment(entry.getPath().getName())) {
        HardLinks.link(fs, warehouse.hadoop(), entry.getPath(), new Path(publisher.tableDir(table), entry.getPath().getName()));
      } else if (entry.getPath().getName().endsWith(".parquet")) {
        flat = true;
      }
    }
    if (flat) {
      Dataset<Row> rows = spark.read().schema(schema).parquet(from.toString());
      writeSegment(fs, table, "L1-flat-" + previous.get(), keep.apply(rows));
    }
  }

  /** Merges FAN_IN segments of a level into one of the next level, lowest level first, as long as any pile up. */
  private void compact(FileSystem fs, String table, StructType schema, UnaryOperator<Dataset<Row>> keep)
      throws IOException {
    Path dir = new Path(publisher.tableDir(table));
    for (int level = 0; level < 10; level++) {
      int current = level;
      List<FileStatus> same = segments(fs, dir).stream().filter(s -> levelOf(s.getPath().getName()) == current)
          .toList();
      if (same.size() < FAN_IN) continue;
      String[] paths = same.stream().map(s -> s.getPath().toString()).toArray(String[]::new);
      Dataset<Row> rows = spark.read().schema(schema).parquet(paths);
      writeSegment(fs, table, segmentName(level + 1), keep.apply(rows));
      for (FileStatus segment : same) fs.delete(segment.getPath(), true);
    }
  }

  private static List<FileStatus> segments(FileSystem fs, Path dir) throws IOException {
    if (!fs.exists(dir)) return List.of();
    List<FileStatus> segments = new ArrayList<>();
    for (FileStatus entry : fs.listStatus(dir)) {
      if (entry.isDirectory() && isSegment(entry.getPath().getName())) segments.add(entry);
    }
    segments.sort(Comparator.comparing(s -> s.getPath().getName()));
    return segments;
  }

  static boolean isSegment(String name) {
    return name.length() > 3 && name.charAt(0) == 'L' && Character.isDigit(name.charAt(1)) && name.indexOf('-') > 1;
  }

  static int levelOf(String name) {
    return Integer.parseInt(name.substring(1, name.indexOf('-')));
  }

  private static long rowsOf(FileSystem fs, Path segment) throws IOException {
    Path file = new Path(segment, ROWS);
    if (!fs.exists(file)) return 0;
    try (InputStream in = fs.open(file)) {
      return Long.parseLong(new String(in.readAllBytes(), StandardCharsets.UTF_8).trim());
    }
  }

}
