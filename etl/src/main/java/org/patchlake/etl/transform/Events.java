package org.patchlake.etl.transform;

import static org.apache.spark.sql.functions.array_sort;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.collect_set;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.row_number;

import java.time.Instant;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Window;

/** Operational changes from web (landing kind "event"): exceptions and policies, latest version of each wins. */
public final class Events {
  private Events() {}

  public static Dataset<Row> exceptions(Dataset<Row> previous, Dataset<Row> accepted, Instant asOf) {
    Dataset<Row> fresh = accepted.where(col("kind").equalTo("event").and(col("event.type").equalTo("exception")))
        .select(col("event.id").as("exception_id"), col("event.computer_id").as("computer_id"),
            col("event.bulletin_id").as("bulletin_id"), col("event.owner").as("owner"),
            col("event.reason").as("reason"), col("event.created_at").as("created_at"),
            col("event.expires_at").as("expires_at"), coalesce(col("event.revoked"), lit(false)).as("revoked"),
            lit(null).cast("boolean").as("active"), col("received_at").as("updated_at"));
    Dataset<Row> latest = latestById(previous.unionByName(fresh), "exception_id");
    Column expiresLater = col("expires_at").isNull().or(col("expires_at").gt(lit(asOf)));
    return latest.withColumn("active", col("revoked").equalTo(false).and(expiresLater)
        .and(col("computer_id").isNotNull()).and(col("bulletin_id").isNotNull()));
  }

  public static Dataset<Row> policies(Dataset<Row> previous, Dataset<Row> accepted) {
    Dataset<Row> fresh = accepted.where(col("kind").equalTo("event").and(col("event.type").notEqual("exception")))
        .select(col("event.id").as("policy_id"), col("event.type").as("type"), col("event.name").as("name"),
            col("event.created_at").as("created_at"), col("received_at").as("updated_at"),
            col("event.payload").as("payload"));
    return latestById(previous.unionByName(fresh), "type", "policy_id");
  }

  /** computer_id, exemptions: (bulletin, expiry) of every exception not revoked; the core rule checks expiry. */
  public static Dataset<Row> exemptions(Dataset<Row> exceptions) {
    return exceptions.where(col("revoked").equalTo(false).and(col("computer_id").isNotNull())
            .and(col("bulletin_id").isNotNull()))
        .groupBy("computer_id")
        .agg(array_sort(collect_set(org.apache.spark.sql.functions.struct(col("bulletin_id"), col("expires_at"))))
            .as("exemptions"));
  }

  private static Dataset<Row> latestById(Dataset<Row> rows, String... keys) {
    Column[] partition = java.util.Arrays.stream(keys).map(org.apache.spark.sql.functions::col).toArray(Column[]::new);
    Column everything = org.apache.spark.sql.functions.to_json(org.apache.spark.sql.functions.struct(
        java.util.Arrays.stream(rows.columns()).map(org.apache.spark.sql.functions::col).toArray(Column[]::new)));
    return rows.withColumn("tiebreak", everything)
        .withColumn("version", row_number().over(Window.partitionBy(partition)
            .orderBy(col("updated_at").desc_nulls_last(), col("tiebreak").desc())))
        .where(col("version").equalTo(1)).drop("version", "tiebreak");
  }
}
