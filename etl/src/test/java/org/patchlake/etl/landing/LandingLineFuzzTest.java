package org.patchlake.etl.landing;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import org.junit.jupiter.api.Test;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.catalyst.util.DateTimeUtils;
import org.apache.spark.sql.types.ArrayType;
import org.apache.spark.sql.types.BooleanType;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.IntegerType;
import org.apache.spark.sql.types.LongType;
import org.apache.spark.sql.types.StringType;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.sql.types.TimestampType;

/**
 * Coverage-guided fuzzing (Jazzer) of the ETL's landing line parser: any line gives a row, never an exception, and the
 * row fits {@link LandingSchemas#RECORD} exactly (types, required fields, no null array elements, timestamps Spark can
 * hold), since a row that does not fit fails the whole Spark job instead of quarantining one line. A line is either
 * a record (message id, kind, receivedAt) or quarantined (reason and raw text). The build runs the corpus in
 * {@code LandingLineFuzzTestInputs/}; {@code ./patchlake bench fuzz etl-landing} fuzzes.
 */
class LandingLineFuzzTest {
  private static final LandingLineParser PARSER = new LandingLineParser();

  @FuzzTest(maxDuration = "10s")
  void any_line_becomes_a_row_that_fits_the_record_schema_or_a_quarantine_row(byte[] bytes) {
    String text = new String(bytes, StandardCharsets.UTF_8);
    Row row = PARSER.parse("inventory/dt=2026-11-21/node-1.jsonl.gz", 7, text);
    fits(row, LandingSchemas.RECORD, "record");
    if (field(row, "error") != null) {
      assertThat(field(row, "raw")).isNotNull();
      assertThat(field(row, "message_id")).isNull();
    } else {
      assertThat((String) field(row, "message_id")).isNotBlank();
      assertThat(LandingLineParser.KINDS).contains((String) field(row, "kind"));
      assertThat(field(row, "received_at")).isNotNull();
    }
  }

  // Finding, kept in the corpus (crash-timestamps-beyond-spark-range): a timestamp in year 300,000 parsed into the row,
  // and Spark's conversion to microseconds overflowed in the job: one such line failed every ETL run.

  @Test
  void a_timestamp_beyond_the_years_spark_holds_quarantines_the_line_with_the_field_named() {
    Row row = PARSER.parse("delivery/dt=2026-11-21/node-1.jsonl.gz", 3, "{\"messageId\":\"m-1\",\"kind\":\"delivery\","
        + "\"computerId\":\"c-1\",\"receivedAt\":\"+300000-01-01T00:00:00Z\",\"payload\":{\"kb\":\"KB1234\",\"outcome\":\"succeeded\"}}");
    assertThat(field(row, "error")).isEqualTo("field receivedAt is out of range (years 0001-9999): '+300000-01-01T00:00:00Z'");
    Row attempt = PARSER.parse("delivery/dt=2026-11-21/node-1.jsonl.gz", 4, "{\"messageId\":\"m-2\",\"kind\":\"delivery\","
        + "\"computerId\":\"c-1\",\"receivedAt\":\"2026-11-21T10:00:00Z\",\"payload\":{\"kb\":\"KB1234\",\"outcome\":\"succeeded\","
        + "\"startedAt\":\"-300000-01-01T00:00:00Z\"}}");
    assertThat(field(attempt, "error")).isEqualTo("field startedAt is out of range (years 0001-9999): '-300000-01-01T00:00:00Z'");
  }

  private static Object field(Row row, String name) {
    return row.get(LandingSchemas.RECORD.fieldIndex(name));
  }

  static void fits(Row row, StructType schema, String path) {
    assertThat(row.length()).as(path).isEqualTo(schema.size());
    for (int i = 0; i < schema.size(); i++) {
      StructField field = schema.fields()[i];
      Object value = row.get(i);
      String where = path + "." + field.name();
      if (value == null) {
        assertThat(field.nullable()).as(where + " is required").isTrue();
        continue;
      }
      fits(value, field.dataType(), where);
    }
  }

  private static void fits(Object value, DataType type, String where) {
    if (type instanceof StringType) {
      assertThat(value).as(where).isInstanceOf(String.class);
    } else if (type instanceof LongType) {
      assertThat(value).as(where).isInstanceOf(Long.class);
    } else if (type instanceof IntegerType) {
      assertThat(value).as(where).isInstanceOf(Integer.class);
    } else if (type instanceof BooleanType) {
      assertThat(value).as(where).isInstanceOf(Boolean.class);
    } else if (type instanceof TimestampType) {
      assertThat(value).as(where).isInstanceOf(Instant.class);
      DateTimeUtils.instantToMicros((Instant) value);
    } else if (type instanceof StructType struct) {
      assertThat(value).as(where).isInstanceOf(Row.class);
      fits((Row) value, struct, where);
    } else if (type instanceof ArrayType array) {
      assertThat(value).as(where).isInstanceOf(scala.collection.Seq.class);
      scala.collection.Iterator<?> items = ((scala.collection.Seq<?>) value).iterator();
      while (items.hasNext()) {
        Object item = items.next();
        if (item == null) {
          assertThat(array.containsNull()).as(where + " holds null").isTrue();
        } else {
          fits(item, array.elementType(), where + "[]");
        }
      }
    } else {
      throw new AssertionError(where + ": no check for " + type);
    }
  }
}
