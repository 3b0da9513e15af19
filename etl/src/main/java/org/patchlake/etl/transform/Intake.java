package org.patchlake.etl.transform;

import static org.apache.spark.sql.functions.broadcast;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.row_number;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Window;

/** First step over landing records: bad lines to quarantine, each message id kept once across all runs. */
public final class Intake {
  private Intake() {}

  public static Dataset<Row> quarantine(Dataset<Row> records) {
    return records.where(col("error").isNotNull())
        .select(col("file"), col("line"), col("error").as("reason"), col("raw"));
  }

  /**
   * Good records whose message was not seen before: the first occurrence (by file and line) within this batch,
   * and none of those already in {@code seen} (messages of earlier runs). A message is identified as ingest
   * identifies it: kind, computer and message id (message ids are chosen by agents, unique per computer).
   */
  public static Dataset<Row> accepted(Dataset<Row> records, Dataset<Row> seen) {
    Dataset<Row> good = records.where(col("error").isNull());
    Dataset<Row> repeats = good.select("kind", "computer_id", "message_id", "file", "line")
        .withColumn("occurrence", row_number().over(
            Window.partitionBy("kind", "computer_id", "message_id").orderBy("file", "line")))
        .where(col("occurrence").gt(1))
        .select("file", "line");
    return good.join(broadcast(repeats), good.col("file").equalTo(repeats.col("file"))
            .and(good.col("line").equalTo(repeats.col("line"))), "left_anti")
        .join(seen, good.col("message_id").equalTo(seen.col("message_id"))
            .and(good.col("kind").equalTo(seen.col("kind")))
            .and(good.col("computer_id").eqNullSafe(seen.col("computer_id"))), "left_anti");
  }
}
