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
   * Only the keys move through the shuffles; the records themselves are joined back by file and line against
   * the (small) set of accepted keys, broadcast, so big inventory rows are never shuffled here.
   */
  public static Dataset<Row> accepted(Dataset<Row> records, Dataset<Row> seen) {
    Dataset<Row> good = records.where(col("error").isNull());
    Dataset<Row> firstOccurrences = good.select("kind", "computer_id", "message_id", "file", "line")
        .withColumn("occurrence", row_number().over(
            Window.partitionBy("kind", "computer_id", "message_id").orderBy("file", "line")))
        .where(col("occurrence").equalTo(1));
    Dataset<Row> earlier = seen.select(col("kind").as("seen_kind"), col("computer_id").as("seen_computer_id"),
        col("message_id").as("seen_message_id"));
    Dataset<Row> fresh = firstOccurrences.join(earlier, col("message_id").equalTo(col("seen_message_id"))
            .and(col("kind").equalTo(col("seen_kind")))
            .and(col("computer_id").eqNullSafe(col("seen_computer_id"))), "left_anti")
        .select("file", "line");
    return good.join(broadcast(fresh), new String[] {"file", "line"}, "left_semi");
  }
}
