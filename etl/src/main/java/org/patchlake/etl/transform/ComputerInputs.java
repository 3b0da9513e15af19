package org.patchlake.etl.transform;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.collect_list;
import static org.apache.spark.sql.functions.row_number;
import static org.apache.spark.sql.functions.struct;

import java.util.Arrays;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.types.StructField;
import org.patchlake.etl.landing.LandingSchemas;

/**
 * Puts together, per computer, what the evaluation needs ({@link ComputerSchemas#INPUT}): the state of the last
 * run, this run's new scans, the newest enrollment, the delivery facts (failed attempts, installs awaiting a restart) and exemptions. Only computer-level rows
 * move here; the per-update work happens inside the evaluation.
 */
public final class ComputerInputs {
  private ComputerInputs() {}

  public static Dataset<Row> build(Dataset<Row> previousLatest, Dataset<Row> accepted, Dataset<Row> deliveryFacts,
      Dataset<Row> exemptions) {
    Column[] latestColumns = Arrays.stream(ComputerSchemas.LATEST_READ.fields()).map(f -> col(f.name())).toArray(Column[]::new);
    Dataset<Row> previous = previousLatest.select(col("computer_id"), struct(latestColumns).as("previous"));

    Column[] scanColumns = fieldsOf("inventory", LandingSchemas.INVENTORY);
    Dataset<Row> scans = accepted.where(col("kind").equalTo("inventory"))
        .select(col("computer_id"), struct(concat(scanColumns, col("received_at"))).as("scan"))
        .groupBy("computer_id").agg(collect_list(col("scan")).as("scans"));

    Column[] enrollmentColumns = fieldsOf("enrollment", LandingSchemas.ENROLLMENT);
    Dataset<Row> enrollments = accepted.where(col("kind").equalTo("enrollment"))
        .withColumn("newest", row_number().over(Window.partitionBy("computer_id")
            .orderBy(col("received_at").desc(), col("message_id").desc())))
        .where(col("newest").equalTo(1))
        .select(col("computer_id"), struct(concat(enrollmentColumns, col("received_at"))).as("enrollment"));

    return previous
        .join(scans, new String[] {"computer_id"}, "full_outer")
        .join(enrollments, new String[] {"computer_id"}, "full_outer")
        .join(deliveryFacts, new String[] {"computer_id"}, "left")
        .join(exemptions, new String[] {"computer_id"}, "left")
        .select("computer_id", "previous", "scans", "enrollment", "delivery_facts", "exemptions");
  }

  private static Column[] fieldsOf(String struct, org.apache.spark.sql.types.StructType schema) {
    return Arrays.stream(schema.fields()).map(StructField::name).map(name -> col(struct + "." + name).as(name))
        .toArray(Column[]::new);
  }

  private static Column[] concat(Column[] columns, Column extra) {
    Column[] all = Arrays.copyOf(columns, columns.length + 1);
    all[columns.length] = extra;
    return all;
  }
}
