package org.patchlake.etl.transform;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.broadcast;
import static org.apache.spark.sql.functions.lit;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * Which computers an incremental run must evaluate again. The state rules depend on the facts of a computer, the
 * catalog, the policy and, through time, only on staleness and exception expiry (core's {@code StateDeriver}).
 * So with the same catalog and policy, a computer whose facts did not change and whose staleness cannot have
 * changed since the last run keeps exactly its previous row: it is carried forward without being evaluated. The
 * rest is dirty: computers named by any new landing record (inventory, enrollment, delivery, event), computers
 * with any exception (expiry is a time rule; they are few), computers whose staleness window ran out between the
 * previous run and this one, and never-scanned ones. A computer that was already stale at the previous run stays
 * UNKNOWN with the same dates, and one that is not stale now keeps its states, so both are carried.
 *
 * <p>The band is exact, the rule of {@code StateDeriver.isStale}: stale at time t when
 * {@code last_inventory_at + staleness < t}. So the computers crossing are those with
 * {@code previousEvaluatedAt - staleness <= last_inventory_at < asOf - staleness}: a five-minute run evaluates the
 * few hundred that crossed in those five minutes, not every computer near the boundary. Both clocks are whole
 * milliseconds and timestamps whole microseconds, so the comparison in Spark is the comparison in core.
 */
public final class DirtyComputers {
  private DirtyComputers() {}

  /** computer_id of every dirty computer, each once. */
  public static Dataset<Row> ids(Dataset<Row> previousLatest, Dataset<Row> accepted, Dataset<Row> exceptions,
      Instant asOf, Duration staleness, Optional<Instant> previousEvaluatedAt) {
    Instant staleBefore = asOf.minus(staleness);
    // Not stale at the previous run (without one, every computer stale now counts as crossing).
    Column freshAtPrevious = previousEvaluatedAt
        .map(at -> col("last_inventory_at").geq(lit(at.minus(staleness)))).orElse(lit(true));
    Dataset<Row> named = accepted.select(col("computer_id"))
        .union(accepted.where(col("kind").equalTo("event")).select(col("event.computer_id").as("computer_id")));
    Dataset<Row> excepted = exceptions.select(col("computer_id"));
    Dataset<Row> ageing = previousLatest
        .where(col("last_inventory_at").isNull()
            .or(col("last_inventory_at").lt(lit(staleBefore)).and(freshAtPrevious)))
        .select(col("computer_id"));
    return named.union(excepted).union(ageing).where(col("computer_id").isNotNull()).distinct();
  }

  /**
   * Rows of any per-computer table minus those of dirty computers: a broadcast anti join, so the (large) table is
   * filtered where it is read, in its files' order, never shuffled.
   */
  public static Dataset<Row> without(Dataset<Row> rows, Dataset<Row> dirty) {
    return rows.join(broadcast(dirty), new String[] {"computer_id"}, "left_anti");
  }

  /** The previous rows of dirty computers only, the input of their evaluation. */
  public static Dataset<Row> of(Dataset<Row> previousLatest, Dataset<Row> dirty) {
    return previousLatest.join(broadcast(dirty), new String[] {"computer_id"}, "left_semi");
  }
}
