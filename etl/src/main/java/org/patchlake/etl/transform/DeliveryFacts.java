package org.patchlake.etl.transform;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.collect_list;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.greatest;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.sort_array;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.when;

import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * Per computer x KB, what the deliveries say that an inventory may not: the failed install attempts (failed or
 * failed_will_retry) since the last successful one, the fact behind FAILED (how many are allowed is the core
 * rule's business, {@code StatePolicy}); and when the KB was last installed with "restart required" and not
 * installed cleanly since, the fact behind INSTALLED_PENDING_REBOOT for updates Windows lists only after the
 * restart (the evaluator compares it with the computer's last boot).
 */
public final class DeliveryFacts {
  private DeliveryFacts() {}

  /**
   * computer_id, delivery_facts: array of {@link ComputerSchemas#DELIVERY_FACT}, only for KBs with failed attempts or an
   * install waiting for a restart.
   */
  public static Dataset<Row> perComputer(Dataset<Row> deliveries) {
    Column time = coalesce(col("ended_at"), col("started_at"));
    Column failed = col("outcome").isin("failed", "failed_will_retry");
    String[] keys = {"computer_id", "kb"};
    Dataset<Row> successes = deliveries.groupBy("computer_id", "kb")
        .agg(max(when(col("outcome").equalTo("succeeded"), time)).as("last_clean_at"),
            max(when(col("outcome").equalTo("succeeded_reboot_required"), time)).as("last_restart_required_at"));
    Column lastSuccess = greatest(col("last_clean_at"), col("last_restart_required_at"));
    Dataset<Row> attempts = deliveries.where(failed).join(successes, keys, "left")
        .where(lastSuccess.isNull().or(time.gt(lastSuccess)))
        .groupBy("computer_id", "kb")
        .agg(count(lit(1)).cast("int").as("failed_attempts"), max(time).as("last_failed_at"));
    Column awaiting = when(col("last_clean_at").isNull().or(col("last_restart_required_at").gt(col("last_clean_at"))),
        col("last_restart_required_at"));
    return successes.join(attempts, keys, "full_outer")
        .select(col("computer_id"), col("kb"), coalesce(col("failed_attempts"), lit(0)).as("failed_attempts"),
            col("last_failed_at"), awaiting.as("awaiting_restart_since"))
        .where(col("failed_attempts").gt(0).or(col("awaiting_restart_since").isNotNull()))
        .groupBy("computer_id")
        .agg(sort_array(collect_list(struct(col("kb"), col("failed_attempts"), col("last_failed_at"),
            col("awaiting_restart_since")))).as("delivery_facts"));
  }
}
