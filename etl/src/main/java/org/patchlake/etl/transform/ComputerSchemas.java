package org.patchlake.etl.transform;

import static org.apache.spark.sql.types.DataTypes.BinaryType;
import static org.apache.spark.sql.types.DataTypes.BooleanType;
import static org.apache.spark.sql.types.DataTypes.IntegerType;
import static org.apache.spark.sql.types.DataTypes.StringType;
import static org.apache.spark.sql.types.DataTypes.TimestampType;
import static org.apache.spark.sql.types.DataTypes.createArrayType;

import org.apache.spark.sql.types.StructType;
import org.patchlake.etl.landing.LandingSchemas;

/** Schemas of the per-computer state carried from run to run (computer_latest) and of the evaluation. */
public final class ComputerSchemas {
  private ComputerSchemas() {}

  public static final StructType STATE = new StructType()
      .add("update_id", StringType, false)
      .add("kb", StringType, false)
      .add("bulletin_id", StringType, false)
      .add("product", StringType, false)
      .add("state", StringType, false)
      .add("state_since", TimestampType)
      .add("first_applicable_at", TimestampType)
      .add("installed_at", TimestampType)
      .add("installed_via_kb", StringType)
      .add("failed_attempts", IntegerType, false)
      .add("regression", BooleanType, false);

  /**
   * An update's state as an evaluation gives it: {@link #STATE} and the KB that the computer's install plan
   * (core's {@link org.patchlake.core.state.InstallPlanner}) installs to fix it, for REQUIRED and FAILED updates (null
   * otherwise). Not part of {@code states_bin}: every evaluation plans again from the facts, and a carried computer keeps
   * its update_state rows, plan included.
   */
  public static final StructType EVALUATED_STATE = STATE.add("install_kb", StringType);

  public static final StructType BULLETIN_STATE = new StructType()
      .add("bulletin_id", StringType, false)
      .add("state", StringType, false)
      .add("first_applicable_at", TimestampType)
      .add("compliant_at", TimestampType);

  /** A history row closed by this run. */
  public static final StructType TRANSITION = new StructType()
      .add("update_id", StringType, false)
      .add("bulletin_id", StringType, false)
      .add("state", StringType, false)
      .add("valid_from", TimestampType)
      .add("valid_to", TimestampType)
      .add("regression", BooleanType, false);

  /**
   * computer_latest: everything known about a computer after the last run, one row per computer. The installed KBs
   * and the current update states are binary ({@link StateCodec}): carried rows are copied, not re-encoded.
   */
  public static final StructType LATEST = new StructType()
      .add("computer_id", StringType, false)
      .add("hostname", StringType)
      .add("domain", StringType)
      .add("region", StringType)
      .add("site", StringType)
      .add("ou", StringType)
      .add("computer_class", StringType)
      .add("managed_level", IntegerType)
      .add("os_product", StringType)
      .add("os_name", StringType)
      .add("os_version", StringType)
      .add("os_build", StringType)
      .add("architecture", StringType)
      .add("os_service_pack", StringType)
      .add("products", createArrayType(StringType, false))
      .add("agent_version", StringType)
      .add("enrolled_at", TimestampType)
      .add("last_inventory_at", TimestampType)
      .add("last_received_at", TimestampType)
      .add("last_boot_at", TimestampType)
      .add("pending_reboot", BooleanType)
      .add("pending_reboot_since", TimestampType)
      .add("installed_bin", BinaryType)
      .add("reporting", BooleanType)
      .add("scan_error_count", IntegerType)
      .add("last_scan_error", StringType)
      .add("states_bin", BinaryType)
      .add("windows_update_bin", BinaryType);

  /**
   * The Windows Update Agent's verdict of a computer's latest applied inventory ({@link LandingSchemas#WINDOWS_UPDATE}
   * with the scan it came with); computer_latest keeps it binary ({@link VerdictCodec}), the evaluation as this struct.
   */
  public static final StructType VERDICT = new StructType(java.util.stream.Stream.concat(
          java.util.stream.Stream.of(new org.apache.spark.sql.types.StructField("scanned_at", TimestampType, false,
              org.apache.spark.sql.types.Metadata.empty())),
          java.util.Arrays.stream(LandingSchemas.WINDOWS_UPDATE.fields()))
      .toArray(org.apache.spark.sql.types.StructField[]::new));

  /**
   * computer_latest as a run reads it: also the nested lists of snapshots written before the binary form (null in
   * newer ones); a run over such a snapshot evaluates every computer and writes the binary form.
   */
  public static final StructType LATEST_READ = LATEST
      .add("installed", createArrayType(LandingSchemas.INSTALLED_KB, false))
      .add("states", createArrayType(STATE, false));

  public static final StructType DELIVERY_FACT = new StructType()
      .add("kb", StringType, false)
      .add("failed_attempts", IntegerType, false)
      .add("last_failed_at", TimestampType)
      .add("awaiting_restart_since", TimestampType);

  /** An exception that is not revoked: the core rules decide whether it is active at a given time. */
  public static final StructType EXEMPTION = new StructType()
      .add("bulletin_id", StringType, false)
      .add("expires_at", TimestampType);

  public static final StructType ENROLLMENT = LandingSchemas.ENROLLMENT.add("received_at", TimestampType);

  /** What the evaluation of one computer gets: last state, new scans (any order), facts from other tables. */
  public static final StructType INPUT = new StructType()
      .add("computer_id", StringType, false)
      .add("previous", LATEST_READ)
      .add("scans", createArrayType(LandingSchemas.INVENTORY.add("received_at", TimestampType), false))
      .add("enrollment", ENROLLMENT)
      .add("delivery_facts", createArrayType(DELIVERY_FACT, false))
      .add("exemptions", createArrayType(EXEMPTION, false));

  /**
   * What the evaluation of one computer gives: its computer_latest row, its states, the history it closed, why its OS
   * could not be placed among the catalog's products (null when it could), the REQUIRED or FAILED updates (update_id)
   * that the updates its current Windows Update verdict lists would cover, and its install plan. The verdict itself is
   * only in {@code windows_update_bin} ({@link SnapshotViews#verdicts} decodes it for its tables): as a nested struct it
   * made these rows' encoding, already wide, cost several times as much.
   */
  public static final StructType OUTPUT = LATEST
      .add("states", createArrayType(EVALUATED_STATE, false))
      .add("bulletin_states", createArrayType(BULLETIN_STATE, false))
      .add("transitions", createArrayType(TRANSITION, false))
      .add("os_unresolved_reason", StringType)
      .add("windows_update_covers", createArrayType(StringType, false))
      .add("install_kbs", createArrayType(StringType, false));

}
