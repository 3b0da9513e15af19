package org.patchlake.etl.transform;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.catalyst.expressions.GenericRowWithSchema;
import org.patchlake.etl.landing.LandingSchemas;

/**
 * A computer's current Windows Update verdict ({@link ComputerSchemas#VERDICT}) as one binary value of computer_latest,
 * so rows of computers a run carries are copied as they are (as {@link StateCodec} does for the states).
 */
public final class VerdictCodec {
  private static final byte VERSION = 1;

  private VerdictCodec() {}

  /** Null for no verdict. */
  public static byte[] encode(Row verdict) {
    if (verdict == null) return null;
    List<Row> missing = Rows.list(verdict, "missing");
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(64 + missing.size() * 96);
    try (DataOutputStream out = new DataOutputStream(bytes)) {
      out.writeByte(VERSION);
      StateCodec.writeInstant(out, verdict.getAs("scanned_at"));
      StateCodec.writeString(out, verdict.getAs("source"));
      StateCodec.writeInstant(out, verdict.getAs("searched_at"));
      StateCodec.writeString(out, verdict.getAs("error_code"));
      StateCodec.writeString(out, verdict.getAs("error_message"));
      out.writeInt(missing.size());
      for (Row update : missing) {
        for (int field = 0; field < 5; field++) StateCodec.writeString(out, update.isNullAt(field) ? null : update.getString(field));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return bytes.toByteArray();
  }

  /** Null for null. */
  public static Row decode(byte[] value) {
    if (value == null) return null;
    try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(value))) {
      byte version = in.readByte();
      if (version != VERSION) throw new IOException("unknown encoding version " + version);
      Object[] fields = new Object[6];
      fields[0] = StateCodec.readInstant(in);
      fields[1] = StateCodec.readString(in);
      fields[2] = StateCodec.readInstant(in);
      fields[3] = StateCodec.readString(in);
      fields[4] = StateCodec.readString(in);
      int count = in.readInt();
      List<Row> missing = new ArrayList<>(count);
      for (int i = 0; i < count; i++) {
        Object[] update = new Object[5];
        for (int field = 0; field < 5; field++) update[field] = StateCodec.readString(in);
        missing.add(new GenericRowWithSchema(update, LandingSchemas.MISSING_UPDATE));
      }
      fields[5] = Rows.seq(missing);
      return new GenericRowWithSchema(fields, ComputerSchemas.VERDICT);
    } catch (IOException e) {
      throw new UncheckedIOException("computer_latest: unreadable Windows Update verdict", e);
    }
  }

  /** A landing verdict ({@link LandingSchemas#WINDOWS_UPDATE}) with the time of the scan that carried it. */
  public static Row of(java.time.Instant scannedAt, Row landed) {
    if (landed == null) return null;
    return new GenericRowWithSchema(new Object[] {scannedAt, landed.getAs("source"), landed.getAs("searched_at"),
        landed.getAs("error_code"), landed.getAs("error_message"), Rows.seq(Rows.list(landed, "missing"))},
        ComputerSchemas.VERDICT);
  }
}
