package org.patchlake.etl.warehouse;

import static org.apache.spark.sql.types.DataTypes.BooleanType;
import static org.apache.spark.sql.types.DataTypes.DateType;
import static org.apache.spark.sql.types.DataTypes.IntegerType;
import static org.apache.spark.sql.types.DataTypes.LongType;
import static org.apache.spark.sql.types.DataTypes.StringType;
import static org.apache.spark.sql.types.DataTypes.TimestampType;
import static org.apache.spark.sql.types.DataTypes.createArrayType;

import org.apache.spark.sql.types.StructType;

/** Schemas of the snapshot tables an incremental run reads back (docs/design.md gives their meaning). */
public final class TableSchemas {
  private TableSchemas() {}

  public static final StructType SCANS = new StructType()
      .add("message_id", StringType)
      .add("computer_id", StringType)
      .add("scanned_at", TimestampType)
      .add("received_at", TimestampType)
      .add("agent_version", StringType)
      .add("duration_ms", LongType)
      .add("error_count", IntegerType)
      .add("errors", createArrayType(StringType))
      .add("installed_kb_count", IntegerType)
      .add("pending_reboot", BooleanType);

  public static final StructType DELIVERIES = new StructType()
      .add("message_id", StringType)
      .add("computer_id", StringType)
      .add("policy_id", StringType)
      .add("kb", StringType)
      .add("update_id", StringType)
      .add("attempt", IntegerType)
      .add("started_at", TimestampType)
      .add("ended_at", TimestampType)
      .add("return_code", LongType)
      .add("return_code_hex", StringType)
      .add("outcome", StringType)
      .add("meaning", StringType)
      .add("region", StringType)
      .add("site", StringType);

  public static final StructType EXCEPTIONS = new StructType()
      .add("exception_id", StringType)
      .add("computer_id", StringType)
      .add("bulletin_id", StringType)
      .add("owner", StringType)
      .add("reason", StringType)
      .add("created_at", TimestampType)
      .add("expires_at", TimestampType)
      .add("revoked", BooleanType)
      .add("active", BooleanType)
      .add("updated_at", TimestampType);

  public static final StructType POLICIES = new StructType()
      .add("policy_id", StringType)
      .add("type", StringType)
      .add("name", StringType)
      .add("created_at", TimestampType)
      .add("updated_at", TimestampType)
      .add("payload", StringType);

  public static final StructType SEEN_MESSAGES = new StructType()
      .add("kind", StringType)
      .add("computer_id", StringType)
      .add("message_id", StringType)
      .add("received_at", TimestampType);

  public static final StructType HISTORY = new StructType()
      .add("computer_id", StringType)
      .add("update_id", StringType)
      .add("bulletin_id", StringType)
      .add("state", StringType)
      .add("valid_from", TimestampType)
      .add("valid_to", TimestampType)
      .add("region", StringType)
      .add("site", StringType)
      .add("computer_class", StringType)
      .add("regression", BooleanType);

  public static final StructType COMPLIANCE_DAILY = new StructType()
      .add("day", DateType)
      .add("bulletin_id", StringType)
      .add("region", StringType)
      .add("site", StringType)
      .add("computer_class", StringType)
      .add("applicable", LongType)
      .add("installed", LongType)
      .add("pending_reboot", LongType)
      .add("required", LongType)
      .add("failed", LongType)
      .add("exempt", LongType)
      .add("unknown", LongType);
}
