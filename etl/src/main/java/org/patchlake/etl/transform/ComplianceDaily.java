package org.patchlake.etl.transform;

import static org.apache.spark.sql.functions.array;
import static org.apache.spark.sql.functions.array_position;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.date_sub;
import static org.apache.spark.sql.functions.element_at;
import static org.apache.spark.sql.functions.explode;
import static org.apache.spark.sql.functions.greatest;
import static org.apache.spark.sql.functions.least;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.min;
import static org.apache.spark.sql.functions.sequence;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.to_date;
import static org.apache.spark.sql.functions.when;

import java.time.LocalDate;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.patchlake.core.state.UpdateState;

/**
 * compliance_daily: per day x bulletin x region x site x computer class, the computers in each bulletin state at
 * the end of that day (today: now), derived from update_state_history. Only days from {@code from} to
 * {@code today} are recomputed; earlier days are kept from the previous snapshot, so the cost of a run is
 * bounded by the backfill window, not by the length of history.
 */
public final class ComplianceDaily {
  private ComplianceDaily() {}

  /**
   * Previous days before {@code from} kept; days from {@code from} to yesterday recomputed from history; today
   * counted from {@code bulletinState} (the current rollup per computer x bulletin, which is what history's open
   * rows roll up to), so an ordinary run that touched only today never reads history.
   */
  public static Dataset<Row> update(Dataset<Row> previous, Dataset<Row> history, Dataset<Row> bulletinState,
      LocalDate from, LocalDate today) {
    Dataset<Row> kept = previous.where(col("day").lt(lit(from)).or(col("day").gt(lit(today))));
    Dataset<Row> recent = kept.unionByName(today(bulletinState, today));
    return from.isBefore(today) ? recent.unionByName(recompute(history, from, today.minusDays(1), today)) : recent;
  }

  /** compliance_daily of today from the current bulletin states. */
  public static Dataset<Row> today(Dataset<Row> bulletinState, LocalDate today) {
    return bulletinState.withColumn("day", lit(today))
        .groupBy("day", "bulletin_id", "region", "site", "computer_class")
        .agg(count(lit(1)).as("applicable"), counted(UpdateState.INSTALLED, "installed"),
            counted(UpdateState.INSTALLED_PENDING_REBOOT, "pending_reboot"), counted(UpdateState.REQUIRED, "required"),
            counted(UpdateState.FAILED, "failed"), counted(UpdateState.EXEMPT, "exempt"),
            counted(UpdateState.UNKNOWN, "unknown"));
  }

  public static Dataset<Row> recompute(Dataset<Row> history, LocalDate from, LocalDate today) {
    return recompute(history, from, today, today);
  }

  /** Days {@code from} to {@code until} from history; open rows last until {@code today}. */
  public static Dataset<Row> recompute(Dataset<Row> history, LocalDate from, LocalDate until, LocalDate today) {
    // Worst first, from core's UpdateState precedence: the rollup is min(rank), as UpdateState.worst would give.
    Column[] precedence = java.util.Arrays.stream(UpdateState.values()).filter(UpdateState::isApplicable)
        .sorted(java.util.Comparator.comparingInt(UpdateState::precedence).reversed())
        .map(state -> lit(state.name())).toArray(Column[]::new);
    Column lastDay = when(col("valid_to").isNull(), lit(today)).otherwise(date_sub(to_date(col("valid_to")), 1));
    Dataset<Row> perUpdateDay = history
        .where(col("valid_to").isNull().or(col("valid_to").gt(lit(from.plusDays(1).atStartOfDay(java.time.ZoneOffset.UTC).toInstant()))))
        .withColumn("first_day", greatest(to_date(col("valid_from")), lit(from)))
        .withColumn("last_day", least(lastDay, lit(until)))
        .where(col("first_day").leq(col("last_day")))
        .select(col("computer_id"), col("bulletin_id"), col("region"), col("site"), col("computer_class"),
            array_position(array(precedence), col("state")).as("rank"),
            explode(sequence(col("first_day"), col("last_day"))).as("day"));
    Dataset<Row> perBulletinDay = perUpdateDay
        .groupBy("day", "computer_id", "bulletin_id", "region", "site", "computer_class")
        .agg(min("rank").as("rank"))
        .withColumn("state", element_at(array(precedence), col("rank").cast("int")));
    return perBulletinDay.groupBy("day", "bulletin_id", "region", "site", "computer_class")
        .agg(count(lit(1)).as("applicable"), counted(UpdateState.INSTALLED, "installed"),
            counted(UpdateState.INSTALLED_PENDING_REBOOT, "pending_reboot"), counted(UpdateState.REQUIRED, "required"),
            counted(UpdateState.FAILED, "failed"), counted(UpdateState.EXEMPT, "exempt"),
            counted(UpdateState.UNKNOWN, "unknown"));
  }

  private static Column counted(UpdateState state, String name) {
    return sum(when(col("state").equalTo(state.name()), lit(1L)).otherwise(lit(0L))).as(name);
  }
}
