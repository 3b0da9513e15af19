package org.patchlake.etl.transform;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat;
import static org.apache.spark.sql.functions.expr;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.posexplode;
import static org.apache.spark.sql.functions.size;
import static org.apache.spark.sql.functions.when;

import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.patchlake.etl.landing.DeliveryOutcomes;

/** Fact tables built straight from accepted landing records: scans and deliveries. */
public final class Facts {
  private Facts() {}

  public static Dataset<Row> scans(Dataset<Row> accepted) {
    return accepted.where(col("kind").equalTo("inventory")).select(
        col("message_id"), col("computer_id"), col("inventory.scanned_at").as("scanned_at"), col("received_at"),
        col("inventory.agent_version").as("agent_version"), col("inventory.duration_ms").as("duration_ms"),
        coalesce(size(col("inventory.errors")), lit(0)).cast("int").as("error_count"),
        col("inventory.errors").as("errors"),
        coalesce(size(col("inventory.installed")), lit(0)).cast("int").as("installed_kb_count"),
        coalesce(col("inventory.pending_reboot"), lit(false)).as("pending_reboot"));
  }

  /**
   * One row per install attempt; a message with several attempts gives ids "message#1", "message#2", ... .
   * Region and site are those of the computer now (joined in {@code withPlace}).
   */
  public static Dataset<Row> deliveries(SparkSession spark, Dataset<Row> accepted) {
    Dataset<Row> exploded = accepted.where(col("kind").equalTo("delivery"))
        .select(col("message_id"), col("computer_id"), size(col("deliveries")).as("count"),
            posexplode(col("deliveries")).as(new String[] {"position", "delivery"}));
    Column messageId = when(col("count").equalTo(1), col("message_id"))
        .otherwise(concat(col("message_id"), lit("#"), expr("cast(position + 1 as string)")));
    Column code = col("delivery.return_code");
    Dataset<Row> meanings = returnCodeMeanings(spark);
    Dataset<Row> rows = exploded.select(messageId.as("message_id"), col("computer_id"),
        col("delivery.policy_id").as("policy_id"), col("delivery.kb").as("kb"),
        col("delivery.update_id").as("update_id"), col("delivery.attempt").as("attempt"),
        col("delivery.started_at").as("started_at"), col("delivery.ended_at").as("ended_at"),
        code.as("return_code"),
        when(code.isNull(), lit(null).cast("string")).otherwise(concat(lit("0x"),
            expr("lpad(upper(hex(delivery.return_code & 4294967295)), 8, '0')"))).as("return_code_hex"),
        col("delivery.outcome").as("outcome"));
    return rows.join(org.apache.spark.sql.functions.broadcast(meanings),
            expr("return_code & 4294967295").equalTo(meanings.col("code")), "left")
        .withColumn("meaning", when(col("return_code").isNull(), lit(null).cast("string"))
            .otherwise(coalesce(col("code_meaning"), concat(lit("unknown return code "), col("return_code_hex")))))
        .drop("code", "code_meaning");
  }

  /** Adds region and site of each computer (as of this run) to delivery rows that lack them. */
  public static Dataset<Row> withPlace(Dataset<Row> deliveries, Dataset<Row> computers) {
    Dataset<Row> places = computers.select(col("computer_id").as("place_computer_id"),
        col("region").as("place_region"), col("site").as("place_site"));
    return deliveries.join(places, deliveries.col("computer_id").equalTo(places.col("place_computer_id")), "left")
        .select(deliveries.col("*"), col("place_region").as("region"), col("place_site").as("site"));
  }

  private static Dataset<Row> returnCodeMeanings(SparkSession spark) {
    StructType schema = new StructType().add("code", DataTypes.LongType).add("code_meaning", DataTypes.StringType);
    List<Row> rows = DeliveryOutcomes.knownCodes().stream()
        .map(code -> org.apache.spark.sql.RowFactory.create(code, DeliveryOutcomes.meaning(code))).toList();
    return spark.createDataFrame(rows, schema);
  }
}
