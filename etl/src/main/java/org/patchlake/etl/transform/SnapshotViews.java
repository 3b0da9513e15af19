package org.patchlake.etl.transform;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.explode;
import static org.apache.spark.sql.functions.filter;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.lower;
import static org.apache.spark.sql.functions.size;
import static org.apache.spark.sql.functions.udf;
import static org.apache.spark.sql.functions.when;

import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.api.java.UDF1;
import org.apache.spark.sql.expressions.UserDefinedFunction;

/** The current-state tables of a snapshot, all derived from the evaluated computers (computer_latest). */
public final class SnapshotViews {
  private SnapshotViews() {}

  public static Dataset<Row> computers(Dataset<Row> evaluated) {
    return evaluated.select(col("computer_id"), col("hostname"), col("domain"), col("region"), col("site"),
        col("ou"), col("computer_class"), col("managed_level"), col("os_product"), col("os_name"),
        col("os_version"), col("os_build"), col("architecture"), col("agent_version"), col("enrolled_at"),
        col("last_inventory_at"), col("last_boot_at"),
        org.apache.spark.sql.functions.coalesce(col("pending_reboot"), lit(false)).as("pending_reboot"),
        col("pending_reboot_since"), org.apache.spark.sql.functions.coalesce(col("reporting"), lit(false)).as("reporting"), col("scan_error_count"), col("last_scan_error"),
        col("os_unresolved_reason"), col("install_kbs"));
  }

  private static final UserDefinedFunction DECODE_VERDICT =
      udf((UDF1<byte[], Row>) VerdictCodec::decode, ComputerSchemas.VERDICT);

  /**
   * The evaluated computers that have a Windows Update verdict, with it decoded from {@code windows_update_bin} as
   * {@code windows_update} ({@link ComputerSchemas#VERDICT}): the input of {@link #windowsUpdateSearches} and
   * {@link #windowsUpdateMissing}.
   */
  public static Dataset<Row> verdicts(Dataset<Row> evaluated) {
    return evaluated.where(col("windows_update_bin").isNotNull()).select(col("computer_id"),
        DECODE_VERDICT.apply(col("windows_update_bin")).as("windows_update"), col("windows_update_covers"),
        col("region"), col("site"), col("computer_class"));
  }

  /**
   * One row per computer whose latest inventory carried a Windows Update verdict ({@link #verdicts}): the search's status (COMPLETED, or
   * FAILED with its error), how many updates it listed, of them security updates, and the updates Patchlake requires that
   * the listed ones would cover by core's rules (covered_update_ids: the two verdicts agree on them).
   */
  public static Dataset<Row> windowsUpdateSearches(Dataset<Row> evaluated) {
    Column verdict = col("windows_update");
    return evaluated.where(verdict.isNotNull()).select(col("computer_id"),
        verdict.getField("scanned_at").as("scanned_at"), verdict.getField("searched_at").as("searched_at"),
        verdict.getField("source").as("source"),
        when(verdict.getField("error_code").isNull(), lit("COMPLETED")).otherwise(lit("FAILED")).as("status"),
        verdict.getField("error_code").as("error_code"), verdict.getField("error_message").as("error_message"),
        col("windows_update_covers").as("covered_update_ids"),
        size(verdict.getField("missing")).as("missing_count"),
        size(filter(verdict.getField("missing"), update -> lower(update.getField("classification"))
            .equalTo(lit("security updates")))).as("missing_security_count"),
        col("region"), col("site"), col("computer_class"));
  }

  /**
   * The updates the latest Windows Update verdict of each computer listed as missing (current; one row per update), from
   * {@link #verdicts}.
   */
  public static Dataset<Row> windowsUpdateMissing(Dataset<Row> evaluated) {
    return evaluated.where(col("windows_update").isNotNull())
        .select(col("computer_id"), col("windows_update.scanned_at").as("scanned_at"),
            col("windows_update.searched_at").as("searched_at"), explode(col("windows_update.missing")).as("m"),
            col("region"), col("site"), col("computer_class"))
        .select(col("computer_id"), col("scanned_at"), col("searched_at"), col("m.kb").as("kb"), col("m.title").as("title"),
            col("m.update_id").as("update_id"), col("m.classification").as("classification"),
            col("m.severity").as("severity"), col("region"), col("site"), col("computer_class"));
  }

  public static Dataset<Row> updateState(Dataset<Row> evaluated) {
    return evaluated.select(col("computer_id"), col("region"), col("site"), col("computer_class"),
            col("managed_level"), explode(col("states")).as("s"))
        .select(col("computer_id"), col("s.update_id").as("update_id"), col("s.kb").as("kb"),
            col("s.bulletin_id").as("bulletin_id"), col("s.product").as("product"), col("s.state").as("state"),
            col("s.state_since").as("state_since"), col("s.first_applicable_at").as("first_applicable_at"),
            col("s.installed_at").as("installed_at"), col("s.installed_via_kb").as("installed_via_kb"),
            col("s.failed_attempts").as("failed_attempts"), col("region"), col("site"), col("computer_class"),
            col("managed_level"), col("s.install_kb").as("install_kb"));
  }

  public static Dataset<Row> bulletinState(Dataset<Row> evaluated) {
    return evaluated.select(col("computer_id"), col("region"), col("site"), col("computer_class"),
            col("managed_level"), explode(col("bulletin_states")).as("b"))
        .select(col("computer_id"), col("b.bulletin_id").as("bulletin_id"), col("b.state").as("state"),
            col("b.first_applicable_at").as("first_applicable_at"), col("b.compliant_at").as("compliant_at"),
            col("region"), col("site"), col("computer_class"), col("managed_level"));
  }

  /** History rows closed by this run (a new segment of update_state_history; earlier ones are carried). */
  public static Dataset<Row> closedHistory(Dataset<Row> evaluated) {
    return evaluated.select(col("computer_id"), col("region"), col("site"),
            col("computer_class"), explode(col("transitions")).as("t"))
        .select(col("computer_id"), col("t.update_id").as("update_id"), col("t.bulletin_id").as("bulletin_id"),
            col("t.state").as("state"), col("t.valid_from").as("valid_from"), col("t.valid_to").as("valid_to"),
            col("region"), col("site"), col("computer_class"), col("t.regression").as("regression"))
        .where(col("valid_to").gt(col("valid_from")));
  }

  /** The open history rows (valid_to null): the current state of every applicable update. */
  public static Dataset<Row> openHistory(Dataset<Row> evaluated) {
    return evaluated.select(col("computer_id"), col("region"), col("site"),
            col("computer_class"), explode(col("states")).as("s"))
        .select(col("computer_id"), col("s.update_id").as("update_id"), col("s.bulletin_id").as("bulletin_id"),
            col("s.state").as("state"), col("s.state_since").as("valid_from"),
            lit(null).cast("timestamp").as("valid_to"), col("region"), col("site"), col("computer_class"),
            col("s.regression").as("regression"));
  }

  /** History: rows closed in earlier runs, rows closed now, and the open rows (valid_to null) of every state. */
  public static Dataset<Row> history(Dataset<Row> previousHistory, Dataset<Row> evaluated) {
    return previousHistory.where(col("valid_to").isNotNull()).unionByName(closedHistory(evaluated))
        .unionByName(openHistory(evaluated));
  }
}
