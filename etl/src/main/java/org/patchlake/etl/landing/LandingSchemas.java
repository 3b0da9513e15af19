package org.patchlake.etl.landing;

import static org.apache.spark.sql.types.DataTypes.BooleanType;
import static org.apache.spark.sql.types.DataTypes.IntegerType;
import static org.apache.spark.sql.types.DataTypes.LongType;
import static org.apache.spark.sql.types.DataTypes.StringType;
import static org.apache.spark.sql.types.DataTypes.TimestampType;
import static org.apache.spark.sql.types.DataTypes.createArrayType;

import org.apache.spark.sql.types.StructType;

/** Spark schemas of landing records as the ETL reads them: the envelope plus one typed struct per kind. */
public final class LandingSchemas {
  private LandingSchemas() {}

  public static final StructType INSTALLED_KB = new StructType()
      .add("kb", StringType, false)
      .add("installed_at", TimestampType)
      .add("pending_reboot", BooleanType);

  /** One update the Windows Update Agent listed as missing (protocol MissingUpdate). */
  public static final StructType MISSING_UPDATE = new StructType()
      .add("kb", StringType)
      .add("title", StringType, false)
      .add("update_id", StringType)
      .add("classification", StringType)
      .add("severity", StringType);

  /** The Windows Update Agent's own verdict sent with an inventory (protocol WindowsUpdateVerdict), null when none. */
  public static final StructType WINDOWS_UPDATE = new StructType()
      .add("source", StringType, false)
      .add("searched_at", TimestampType, false)
      .add("error_code", StringType)
      .add("error_message", StringType)
      .add("missing", createArrayType(MISSING_UPDATE, false));

  public static final StructType INVENTORY = new StructType()
      .add("scanned_at", TimestampType, false)
      .add("agent_version", StringType)
      .add("hostname", StringType)
      .add("domain", StringType)
      .add("os_product", StringType)
      .add("os_name", StringType)
      .add("os_version", StringType)
      .add("os_build", StringType)
      .add("architecture", StringType)
      .add("os_service_pack", StringType)
      .add("products", createArrayType(StringType, false))
      .add("full", BooleanType)
      .add("installed", createArrayType(INSTALLED_KB, false))
      .add("pending_reboot", BooleanType)
      .add("pending_reboot_since", TimestampType)
      .add("last_boot_at", TimestampType)
      .add("duration_ms", LongType)
      .add("errors", createArrayType(StringType, false))
      .add("windows_update", WINDOWS_UPDATE);

  public static final StructType ENROLLMENT = new StructType()
      .add("hostname", StringType)
      .add("domain", StringType)
      .add("hardware_id", StringType)
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
      .add("agent_version", StringType)
      .add("enrolled_at", TimestampType);

  public static final StructType DELIVERY = new StructType()
      .add("policy_id", StringType)
      .add("kb", StringType, false)
      .add("update_id", StringType)
      .add("attempt", IntegerType)
      .add("started_at", TimestampType)
      .add("ended_at", TimestampType)
      .add("return_code", LongType)
      .add("outcome", StringType, false);

  public static final StructType EVENT = new StructType()
      .add("type", StringType, false)
      .add("id", StringType, false)
      .add("computer_id", StringType)
      .add("bulletin_id", StringType)
      .add("owner", StringType)
      .add("reason", StringType)
      .add("created_at", TimestampType)
      .add("expires_at", TimestampType)
      .add("revoked", BooleanType)
      .add("name", StringType)
      .add("payload", StringType);

  /** One landing line: where it came from, the envelope, at most one filled kind struct, or an error. */
  public static final StructType RECORD = new StructType()
      .add("file", StringType, false)
      .add("line", LongType, false)
      .add("message_id", StringType)
      .add("kind", StringType)
      .add("computer_id", StringType)
      .add("received_at", TimestampType)
      .add("inventory", INVENTORY)
      .add("enrollment", ENROLLMENT)
      .add("deliveries", createArrayType(DELIVERY, false))
      .add("event", EVENT)
      .add("error", StringType)
      .add("raw", StringType);

  public static final StructType QUARANTINE = new StructType()
      .add("file", StringType, false)
      .add("line", LongType, false)
      .add("reason", StringType, false)
      .add("raw", StringType);
}
