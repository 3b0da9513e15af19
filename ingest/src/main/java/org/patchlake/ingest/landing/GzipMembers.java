package org.patchlake.ingest.landing;

import java.io.ByteArrayOutputStream;
import java.util.function.Consumer;
import java.util.zip.CRC32;
import java.util.zip.DataFormatException;
import java.util.zip.Deflater;
import java.util.zip.Inflater;

/**
 * Gzip members as landing files use them: each group of lines is one complete gzip member (RFC 1952), and a
 * landing file is a concatenation of members, which every gzip reader reads as one stream. Because members
 * are self-delimiting and carry a CRC, a file cut anywhere (SIGKILL, power loss) can be trimmed back to its
 * last complete member.
 */
public final class GzipMembers {
    private static final int HEADER_LENGTH = 10;
    private static final int TRAILER_LENGTH = 8;
    private static final byte[] HEADER = {0x1f, (byte) 0x8b, 8, 0, 0, 0, 0, 0, 0, (byte) 0xff};

    private final ThreadLocal<Deflater> deflaters;

    public GzipMembers(int level) {
        this.deflaters = ThreadLocal.withInitial(() -> new Deflater(level, true));
    }

    /** One complete gzip member holding {@code data}. */
    public byte[] compress(byte[] data) {
        Deflater deflater = deflaters.get();
        deflater.reset();
        deflater.setInput(data);
        deflater.finish();
        ByteArrayOutputStream out = new ByteArrayOutputStream(data.length / 3 + 64);
        out.writeBytes(HEADER);
        byte[] buffer = new byte[Math.max(512, Math.min(data.length, 64 * 1024))];
        while (!deflater.finished()) {
            int n = deflater.deflate(buffer);
            out.write(buffer, 0, n);
        }
        CRC32 crc = new CRC32();
        crc.update(data);
        writeIntLittleEndian(out, (int) crc.getValue());
        writeIntLittleEndian(out, data.length);
        return out.toByteArray();
    }

    /**
     * One complete gzip member holding {@code data} uncompressed (a single stored deflate block, RFC 1951 3.2.4):
     * for the few bytes of an envelope around a payload that is already compressed, where deflating would cost
     * more than it saves. At most 65,535 bytes.
     */
    public static byte[] stored(byte[] data) {
        if (data.length > 0xffff) {
            throw new IllegalArgumentException("a stored member holds at most 65535 bytes but got " + data.length);
        }
        byte[] member = new byte[HEADER_LENGTH + 5 + data.length + TRAILER_LENGTH];
        System.arraycopy(HEADER, 0, member, 0, HEADER_LENGTH);
        int position = HEADER_LENGTH;
        member[position++] = 1; // BFINAL=1, BTYPE=00 (stored)
        member[position++] = (byte) data.length;
        member[position++] = (byte) (data.length >>> 8);
        member[position++] = (byte) ~data.length;
        member[position++] = (byte) (~data.length >>> 8);
        System.arraycopy(data, 0, member, position, data.length);
        position += data.length;
        CRC32 crc = new CRC32();
        crc.update(data);
        writeIntLittleEndian(member, position, (int) crc.getValue());
        writeIntLittleEndian(member, position + 4, data.length);
        return member;
    }

    /**
     * Walks the complete, intact members at the start of {@code file} (up to {@code length}) and returns the byte
     * length of the longest prefix of whole members whose content ends with a line end, handing that content
     * to {@code content} one group of whole lines at a time. A line may span members (an envelope around a payload kept in the
     * agent's own gzip member is three members), so a file cut between the members of one line is trimmed back
     * to the previous line. Anything after the prefix (a torn member, half a line, garbage) is what a crash
     * left behind.
     */
    public static long validPrefix(byte[] file, int length, Consumer<byte[]> content) {
        int position = 0;
        int lineEnd = 0;
        ByteArrayOutputStream pending = new ByteArrayOutputStream();
        while (length - position >= HEADER_LENGTH + TRAILER_LENGTH) {
            if ((file[position] & 0xff) != 0x1f || (file[position + 1] & 0xff) != 0x8b || file[position + 2] != 8
                    || file[position + 3] != 0) {
                break;
            }
            Inflater inflater = new Inflater(true);
            try {
                int dataStart = position + HEADER_LENGTH;
                inflater.setInput(file, dataStart, length - dataStart);
                ByteArrayOutputStream out = new ByteArrayOutputStream();
                byte[] buffer = new byte[64 * 1024];
                while (!inflater.finished()) {
                    int n = inflater.inflate(buffer);
                    if (n == 0 && (inflater.needsInput() || inflater.needsDictionary())) {
                        break;
                    }
                    out.write(buffer, 0, n);
                }
                if (!inflater.finished()) {
                    break;
                }
                int trailer = length - inflater.getRemaining();
                if (trailer + TRAILER_LENGTH > length) {
                    break;
                }
                byte[] data = out.toByteArray();
                CRC32 crc = new CRC32();
                crc.update(data);
                if (readIntLittleEndian(file, trailer) != (int) crc.getValue()
                        || readIntLittleEndian(file, trailer + 4) != data.length) {
                    break;
                }
                pending.writeBytes(data);
                position = trailer + TRAILER_LENGTH;
                if (data.length > 0 && data[data.length - 1] == '\n') {
                    content.accept(pending.toByteArray());
                    pending.reset();
                    lineEnd = position;
                }
            } catch (DataFormatException corrupt) {
                break;
            } finally {
                inflater.end();
            }
        }
        return lineEnd;
    }

    private static void writeIntLittleEndian(byte[] bytes, int offset, int value) {
        bytes[offset] = (byte) value;
        bytes[offset + 1] = (byte) (value >>> 8);
        bytes[offset + 2] = (byte) (value >>> 16);
        bytes[offset + 3] = (byte) (value >>> 24);
    }

    private static void writeIntLittleEndian(ByteArrayOutputStream out, int value) {
        out.write(value);
        out.write(value >>> 8);
        out.write(value >>> 16);
        out.write(value >>> 24);
    }

    private static int readIntLittleEndian(byte[] bytes, int offset) {
        return (bytes[offset] & 0xff) | (bytes[offset + 1] & 0xff) << 8 | (bytes[offset + 2] & 0xff) << 16
                | (bytes[offset + 3] & 0xff) << 24;
    }
}
