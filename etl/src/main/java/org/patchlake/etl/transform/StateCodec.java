package org.patchlake.etl.transform;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.catalyst.expressions.GenericRowWithSchema;
import org.patchlake.etl.landing.LandingSchemas;

/**
 * The per-computer lists of computer_latest (installed KBs, current update states) as one binary value each.
 * computer_latest is the ETL's own table: every run carries the rows of computers it does not evaluate into the new
 * snapshot, and a binary column is copied as it is, where nested Parquet columns (about 100 update states per
 * computer) are decoded and encoded value by value. Only evaluated computers are decoded. Timestamps are kept in
 * microseconds, as Spark's TimestampType keeps them, so a decoded row equals the row Spark would have read back.
 */
public final class StateCodec {
  private static final byte VERSION = 1;

  private StateCodec() {}

  /** {@link LandingSchemas#INSTALLED_KB} rows (kb, installed_at, pending_reboot) as bytes. */
  public static byte[] encodeInstalled(Collection<Row> installed) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(16 + installed.size() * 24);
    try (DataOutputStream out = new DataOutputStream(bytes)) {
      out.writeByte(VERSION);
      out.writeInt(installed.size());
      for (Row row : installed) {
        writeString(out, row.getString(0));
        writeInstant(out, row.isNullAt(1) ? null : row.getAs(1));
        writeBoolean(out, row.isNullAt(2) ? null : row.getBoolean(2));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return bytes.toByteArray();
  }

  public static List<Row> decodeInstalled(byte[] value) {
    try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(value))) {
      checkVersion(in);
      int count = in.readInt();
      List<Row> rows = new ArrayList<>(count);
      for (int i = 0; i < count; i++) {
        rows.add(new GenericRowWithSchema(new Object[] {readString(in), readInstant(in), readBoolean(in)},
            LandingSchemas.INSTALLED_KB));
      }
      return rows;
    } catch (IOException e) {
      throw new UncheckedIOException("computer_latest: unreadable installed list", e);
    }
  }

  /** {@link ComputerSchemas#STATE} rows as bytes, in the order given. */
  public static byte[] encodeStates(Collection<Row> states) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(16 + states.size() * 96);
    try (DataOutputStream out = new DataOutputStream(bytes)) {
      out.writeByte(VERSION);
      out.writeInt(states.size());
      for (Row row : states) {
        for (int field = 0; field < 5; field++) writeString(out, row.getString(field));
        for (int field = 5; field < 8; field++) writeInstant(out, row.isNullAt(field) ? null : row.getAs(field));
        writeString(out, row.isNullAt(8) ? null : row.getString(8));
        out.writeInt(row.getInt(9));
        out.writeBoolean(row.getBoolean(10));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return bytes.toByteArray();
  }

  public static List<Row> decodeStates(byte[] value) {
    try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(value))) {
      checkVersion(in);
      int count = in.readInt();
      List<Row> rows = new ArrayList<>(count);
      for (int i = 0; i < count; i++) {
        Object[] fields = new Object[11];
        for (int field = 0; field < 5; field++) fields[field] = readString(in);
        for (int field = 5; field < 8; field++) fields[field] = readInstant(in);
        fields[8] = readString(in);
        fields[9] = in.readInt();
        fields[10] = in.readBoolean();
        rows.add(new GenericRowWithSchema(fields, ComputerSchemas.STATE));
      }
      return rows;
    } catch (IOException e) {
      throw new UncheckedIOException("computer_latest: unreadable update states", e);
    }
  }

  private static void checkVersion(DataInputStream in) throws IOException {
    byte version = in.readByte();
    if (version != VERSION) throw new IOException("unknown encoding version " + version);
  }

  static void writeString(DataOutputStream out, String value) throws IOException {
    out.writeBoolean(value != null);
    if (value != null) out.writeUTF(value);
  }

  static String readString(DataInputStream in) throws IOException {
    return in.readBoolean() ? in.readUTF() : null;
  }

  static void writeInstant(DataOutputStream out, Instant value) throws IOException {
    out.writeBoolean(value != null);
    if (value != null) out.writeLong(Math.addExact(Math.multiplyExact(value.getEpochSecond(), 1_000_000L),
        value.getNano() / 1_000));
  }

  static Instant readInstant(DataInputStream in) throws IOException {
    if (!in.readBoolean()) return null;
    long micros = in.readLong();
    return Instant.ofEpochSecond(Math.floorDiv(micros, 1_000_000L), Math.floorMod(micros, 1_000_000L) * 1_000L);
  }

  private static void writeBoolean(DataOutputStream out, Boolean value) throws IOException {
    out.writeByte(value == null ? 2 : value ? 1 : 0);
  }

  private static Boolean readBoolean(DataInputStream in) throws IOException {
    byte value = in.readByte();
    return value == 2 ? null : value == 1;
  }
}
