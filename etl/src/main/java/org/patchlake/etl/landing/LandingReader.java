package org.patchlake.etl.landing;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.zip.GZIPInputStream;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.api.java.function.FlatMapFunction;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.util.SerializableConfiguration;

/**
 * Reads landing files in parallel (one task per group of files, on whichever executor: paths go through Hadoop's
 * FileSystem, so HDFS and S3 work) into {@link LandingSchemas#RECORD} rows with file and line kept for errors.
 */
public final class LandingReader {
  private LandingReader() {}

  public static Dataset<Row> read(SparkSession spark, String landing, List<String> files) {
    return read(spark, landing, files, AgentTimes.DEFAULT_MAX_AHEAD);
  }

  /** As above; agent times more than {@code maxTimestampAhead} past a line's receivedAt quarantine the line. */
  public static Dataset<Row> read(SparkSession spark, String landing, List<String> files, java.time.Duration maxTimestampAhead) {
    if (files.isEmpty()) return spark.createDataFrame(List.of(), LandingSchemas.RECORD);
    JavaSparkContext context = JavaSparkContext.fromSparkContext(spark.sparkContext());
    Broadcast<SerializableConfiguration> hadoop =
        context.broadcast(new SerializableConfiguration(spark.sparkContext().hadoopConfiguration()));
    int slices = Math.max(1, Math.min(files.size(), spark.sparkContext().defaultParallelism() * 4));
    JavaRDD<Row> rows = context.parallelize(files, slices)
        .mapPartitions((FlatMapFunction<Iterator<String>, Row>) names ->
            readAll(hadoop.value().value(), landing, names, maxTimestampAhead));
    return spark.createDataFrame(rows, LandingSchemas.RECORD);
  }

  private static Iterator<Row> readAll(Configuration hadoop, String landing, Iterator<String> names,
      java.time.Duration maxTimestampAhead) {
    LandingLineParser parser = new LandingLineParser(maxTimestampAhead);
    List<String> pending = new ArrayList<>();
    names.forEachRemaining(pending::add);
    return new Iterator<>() {
      private int next;
      private Iterator<Row> current = List.<Row>of().iterator();

      @Override
      public boolean hasNext() {
        while (!current.hasNext() && next < pending.size()) current = readFile(hadoop, landing, pending.get(next++), parser);
        return current.hasNext();
      }

      @Override
      public Row next() {
        hasNext();
        return current.next();
      }
    };
  }

  /** Lines of one file; a file that is not gzip or ends early becomes one quarantine row, earlier lines kept. */
  static Iterator<Row> readFile(Configuration hadoop, String landing, String name, LandingLineParser parser) {
    Path path = new Path(new Path(landing), name);
    List<Row> rows = new ArrayList<>();
    long line = 0;
    try {
      FileSystem fs = path.getFileSystem(hadoop);
      try (BufferedReader reader = new BufferedReader(new InputStreamReader(
          new GZIPInputStream(fs.open(path), 1 << 16), StandardCharsets.UTF_8), 1 << 16)) {
        String text;
        while ((text = reader.readLine()) != null) {
          line++;
          rows.add(parser.parse(name, line, text));
        }
      }
    } catch (IOException e) {
      rows.add(RowFactory.create(name, line + 1, null, null, null, null, null, null, null, null,
          "landing file " + name + " unreadable after line " + line + ": " + e.getMessage(), null));
    } catch (RuntimeException e) {
      throw new UncheckedIOException(new IOException("landing file " + path + ": " + e.getMessage(), e));
    }
    return rows.iterator();
  }
}
