package org.patchlake.etl.transform;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.from_json;
import static org.apache.spark.sql.functions.lit;

import java.time.Duration;
import java.time.Instant;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.DataTypes;

/**
 * Which computers an incremental run must evaluate again. The state rules depend on the facts of a computer, the
 * catalog, the policy and, through time, only on staleness and exception expiry (core's {@code StateDeriver}).
 * So with the same catalog and policy, a computer whose facts did not change and whose staleness cannot have
 * changed since the last run keeps exactly its previous row: it is carried forward without being evaluated. The
 * rest is dirty: computers named by any new landing record (inventory, enrollment, delivery, event), computers
 * with any exception (expiry is a time rule; they are few), and computers whose last inventory is within a day
 * of the staleness window or older (and never-scanned ones).
 */
public final class DirtyComputers {
  private DirtyComputers() {}

  /** computer_id of every dirty computer, each once. */
  public static Dataset<Row> ids(Dataset<Row> previousLatest, Dataset<Row> accepted, Dataset<Row> exceptions,
      Instant asOf, Duration staleness) {
    Instant nearlyStale = asOf.minus(staleness).plus(Duration.ofDays(1));
    Dataset<Row> named = accepted.select(col("computer_id"))
        .union(accepted.where(col("kind").equalTo("event")).select(col("event.computer_id").as("computer_id")));
    Dataset<Row> excepted = exceptions.select(col("computer_id"));
    Dataset<Row> ageing = previousLatest
        .where(col("last_inventory_at").isNull().or(col("last_inventory_at").lt(lit(nearlyStale))))
        .select(col("computer_id"));
    return named.union(excepted).union(ageing).where(col("computer_id").isNotNull()).distinct();
  }

  /** The previous rows of computers that are not dirty, as evaluation output with no history closed. */
  public static Dataset<Row> carried(Dataset<Row> previousLatest, Dataset<Row> dirty) {
    return previousLatest.join(dirty, new String[] {"computer_id"}, "left_anti")
        .withColumn("transitions",
            from_json(lit("[]"), DataTypes.createArrayType(ComputerSchemas.TRANSITION, false)));
  }

  /** The previous rows of dirty computers only, the input of their evaluation. */
  public static Dataset<Row> of(Dataset<Row> previousLatest, Dataset<Row> dirty) {
    return previousLatest.join(dirty, new String[] {"computer_id"}, "left_semi");
  }
}
