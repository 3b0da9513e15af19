package org.patchlake.etl.publish;

import static java.util.Objects.requireNonNull;
import static org.apache.spark.sql.functions.broadcast;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.patchlake.etl.warehouse.WarehouseLayout;

/**
 * Per-computer current tables (update_state, bulletin_state, the open history rows) kept as layers, so an
 * incremental run writes the rows of the computers it evaluated, not the 20 million rows it did not touch (snapshot
 * contract 1, etl/README.md "Layered tables"):
 *
 * <pre>
 * &lt;table&gt;/_LAYERS      base=&lt;snapshot that wrote base&gt;
 * &lt;table&gt;/base/      every row as of that snapshot (hard links from snapshot to snapshot)
 * &lt;table&gt;/delta/     the rows of every computer evaluated since then
 * &lt;table&gt;/replaced/  computer_id of those computers
 * </pre>
 *
 * The table's rows are the base rows whose computer_id is not in replaced, plus every delta row. Each incremental
 * run rewrites only delta and replaced (growing with the computers changed since the base); once replaced holds more
 * than {@link #COMPACT_FRACTION} of the computers, or when every computer was evaluated, the run writes a new base.
 */
public final class LayeredTables {
  public static final String MARKER = "_LAYERS";
  /**
   * A new base once the delta covers this share of the computers: delta rewrites cost about (share x table) per run,
   * a new base the whole table once; at 30 % a run still writes under a third of what a full rewrite would.
   */
  public static final double COMPACT_FRACTION = 0.3;
  private static final StructType IDS = new StructType().add("computer_id", DataTypes.StringType);

  private final SparkSession spark;
  private final WarehouseLayout warehouse;
  private final SnapshotPublisher publisher;

  public LayeredTables(SparkSession spark, WarehouseLayout warehouse, SnapshotPublisher publisher) {
    this.spark = requireNonNull(spark, "spark is null");
    this.warehouse = requireNonNull(warehouse, "warehouse is null");
    this.publisher = requireNonNull(publisher, "publisher is null");
  }

  /**
   * Writes {@code table} of the new snapshot.
   *
   * @param fresh    rows of the computers evaluated now
   * @param previous the previous snapshot's directory of the table (layered or flat), empty on a first run
   * @param dirty    the computers evaluated now (computer_id), null when every computer was
   * @param compact  write a new base even though an incremental run could add a delta
   * @return the table's row count (base minus replaced plus delta)
   */
  public long write(String table, StructType schema, Dataset<Row> fresh, Optional<String> previous, Dataset<Row> dirty,
      boolean compact) {
    try {
      FileSystem fs = new Path(publisher.dir()).getFileSystem(warehouse.hadoop());
      Optional<Path> before = previous.map(Path::new).filter(path -> exists(fs, path));
      String dir = publisher.tableDir(table);
      if (dirty == null || before.isEmpty() || compact) {
        Dataset<Row> rows = dirty == null || before.isEmpty() ? fresh
            : fresh.unionByName(without(read(spark, warehouse.hadoop(), before.get().toString(), schema), dirty));
        long count = publisher.write(table + "/base", rows);
        writeMarker(fs, dir, publisher.name());
        return count;
      }
      Path old = before.get();
      boolean layered = fs.exists(new Path(old, MARKER));
      Path oldBase = layered ? new Path(old, "base") : old;
      HardLinks.link(fs, warehouse.hadoop(), oldBase, new Path(dir, "base"));
      Dataset<Row> oldDelta = layered ? plain(spark, fs, new Path(old, "delta"), schema)
          : spark.createDataFrame(List.of(), schema);
      Dataset<Row> oldReplaced = layered ? plain(spark, fs, new Path(old, "replaced"), IDS)
          : spark.createDataFrame(List.of(), IDS);
      publisher.write(table + "/delta", fresh.unionByName(without(oldDelta, dirty)));
      publisher.write(table + "/replaced", oldReplaced.unionByName(dirty.select("computer_id")).distinct().coalesce(1),
          "computer_id");
      writeMarker(fs, dir, layered ? baseOf(fs, old) : previousSnapshotOf(old));
      return read(spark, warehouse.hadoop(), dir, schema).select("computer_id").count();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write layered table " + table + " of snapshot " + publisher.name(), e);
    }
  }

  /** How many computers the table's replaced layer would hold after this run (the compaction test). */
  public static long replacedAfter(SparkSession spark, Configuration hadoop, Optional<String> previous, Dataset<Row> dirty) {
    if (previous.isEmpty() || dirty == null) return 0;
    try {
      Path old = new Path(previous.get());
      FileSystem fs = old.getFileSystem(hadoop);
      Dataset<Row> ids = exists(fs, new Path(old, MARKER)) ? plain(spark, fs, new Path(old, "replaced"), IDS)
          : spark.createDataFrame(List.of(), IDS);
      return ids.unionByName(dirty.select("computer_id")).distinct().count();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + previous.get(), e);
    }
  }

  /**
   * A table directory of any snapshot as rows: a layered directory by the layered rule, any other one as its Parquet
   * files and those of its sub-directories (segments), each layered sub-directory by the layered rule. Names starting
   * with "_" or "." are not data.
   */
  public static Dataset<Row> read(SparkSession spark, Configuration hadoop, String directory, StructType schema) {
    try {
      Path dir = new Path(directory);
      FileSystem fs = dir.getFileSystem(hadoop);
      if (!fs.exists(dir)) return spark.createDataFrame(List.of(), schema);
      if (fs.exists(new Path(dir, MARKER))) {
        Dataset<Row> base = plain(spark, fs, new Path(dir, "base"), schema);
        Dataset<Row> replaced = plain(spark, fs, new Path(dir, "replaced"), IDS);
        Dataset<Row> delta = plain(spark, fs, new Path(dir, "delta"), schema);
        return base.join(broadcast(replaced), new String[] {"computer_id"}, "left_anti").select(columns(schema))
            .unionByName(delta);
      }
      if (!containsLayers(fs, dir)) return plain(spark, fs, dir, schema);
      Dataset<Row> rows = null;
      List<String> files = new ArrayList<>();
      for (FileStatus entry : fs.listStatus(dir)) {
        String name = entry.getPath().getName();
        if (name.startsWith("_") || name.startsWith(".")) continue;
        if (entry.isDirectory()) {
          Dataset<Row> part = read(spark, hadoop, entry.getPath().toString(), schema);
          rows = rows == null ? part : rows.unionByName(part);
        } else if (name.endsWith(".parquet")) {
          files.add(entry.getPath().toString());
        }
      }
      if (!files.isEmpty()) {
        Dataset<Row> flat = spark.read().schema(schema).parquet(files.toArray(String[]::new));
        rows = rows == null ? flat : rows.unionByName(flat);
      }
      return rows == null ? spark.createDataFrame(List.of(), schema) : rows;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + directory, e);
    }
  }

  private static org.apache.spark.sql.Column[] columns(StructType schema) {
    return java.util.Arrays.stream(schema.fieldNames()).map(org.apache.spark.sql.functions::col)
        .toArray(org.apache.spark.sql.Column[]::new);
  }

  private static boolean containsLayers(FileSystem fs, Path dir) throws IOException {
    for (FileStatus entry : fs.listStatus(dir)) {
      if (!entry.isDirectory()) continue;
      if (fs.exists(new Path(entry.getPath(), MARKER)) || containsLayers(fs, entry.getPath())) return true;
    }
    return false;
  }

  private static Dataset<Row> plain(SparkSession spark, FileSystem fs, Path dir, StructType schema)
      throws IOException {
    if (!hasParquet(fs, dir)) return spark.createDataFrame(List.of(), schema);
    return spark.read().schema(schema).option("recursiveFileLookup", "true").parquet(dir.toString());
  }

  private static boolean hasParquet(FileSystem fs, Path dir) throws IOException {
    if (!fs.exists(dir)) return false;
    var files = fs.listFiles(dir, true);
    while (files.hasNext()) {
      if (files.next().getPath().getName().endsWith(".parquet")) return true;
    }
    return false;
  }

  private static Dataset<Row> without(Dataset<Row> rows, Dataset<Row> dirty) {
    return rows.join(broadcast(dirty.select("computer_id")), new String[] {"computer_id"}, "left_anti");
  }

  private static boolean exists(FileSystem fs, Path path) {
    try {
      return fs.exists(path);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + path, e);
    }
  }

  private static void writeMarker(FileSystem fs, String dir, String base) throws IOException {
    try (OutputStream out = fs.create(new Path(dir, MARKER), true)) {
      out.write(("base=" + base + "\n").getBytes(StandardCharsets.UTF_8));
    }
  }

  private static String baseOf(FileSystem fs, Path dir) throws IOException {
    try (InputStream in = fs.open(new Path(dir, MARKER))) {
      String text = new String(in.readAllBytes(), StandardCharsets.UTF_8).trim();
      return text.startsWith("base=") ? text.substring(5) : text;
    }
  }

  /** The snapshot id in a table path .../snapshots/s-.../table[/sub]. */
  private static String previousSnapshotOf(Path tableDir) {
    for (Path p = tableDir; p != null; p = p.getParent()) {
      if (p.getName().startsWith("s-")) return p.getName();
    }
    return tableDir.toString();
  }
}
