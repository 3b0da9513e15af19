package org.patchlake.etl.transform;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.collect_list;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.sort_array;
import static org.apache.spark.sql.functions.struct;

import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * Per computer x KB, the failed install attempts (failed or failed_will_retry) since the last successful one: the
 * fact behind FAILED; how many are allowed is the core rule's business ({@code StatePolicy}).
 */
public final class DeliveryFailures {
  private DeliveryFailures() {}

  /** computer_id, failures: array of {@link ComputerSchemas#FAILURE}, only for KBs with failures. */
  public static Dataset<Row> perComputer(Dataset<Row> deliveries) {
    Column time = coalesce(col("ended_at"), col("started_at"));
    Column succeeded = col("outcome").isin("succeeded", "succeeded_reboot_required");
    Column failed = col("outcome").isin("failed", "failed_will_retry");
    Dataset<Row> lastSuccess = deliveries.where(succeeded).groupBy("computer_id", "kb")
        .agg(max(time).as("last_success_at"));
    Dataset<Row> attempts = deliveries.where(failed).join(lastSuccess, new String[] {"computer_id", "kb"}, "left")
        .where(col("last_success_at").isNull().or(time.gt(col("last_success_at"))));
    return attempts.groupBy("computer_id", "kb")
        .agg(count(lit(1)).cast("int").as("failed_attempts"),
            max(time).as("last_failed_at"))
        .groupBy("computer_id")
        .agg(sort_array(collect_list(struct(col("kb"), col("failed_attempts"), col("last_failed_at")))).as("failures"));
  }
}
