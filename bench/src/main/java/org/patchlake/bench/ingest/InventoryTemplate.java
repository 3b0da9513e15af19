package org.patchlake.bench.ingest;

import org.patchlake.ingest.client.SampleInventories;
import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32;
import java.util.zip.Deflater;
import org.patchlake.core.protocol.InventoryReport;
import org.patchlake.ingest.http.ProtocolJson;

/**
 * One simulated agent's inventory as a gzip body into which any message id can be put cheaply, so the load
 * generator can make tens of thousands of distinct, valid uploads in a fraction of a second instead of
 * serializing and compressing each one.
 *
 * <p>The JSON is {@code {"messageId":"<id>"} + rest}. The body is one plain gzip member whose deflate stream is
 * a stored (uncompressed) block holding {@code {"messageId":"<id>"} followed by the blocks of {@code rest}
 * compressed once at the default level. That is valid deflate: a stored block ends on a byte boundary, and the
 * compressed part never refers back past its own start. CRC and size are computed per body. The server cannot
 * tell it from an agent's upload and does the same work for it.
 */
final class InventoryTemplate {
    private static final String PLACEHOLDER = "message-id-placeholder";
    private static final byte[] GZIP_HEADER = {0x1f, (byte) 0x8b, 8, 0, 0, 0, 0, 0, 0, (byte) 0xff};

    private final byte[] head;
    private final byte[] rest;
    private final byte[] restDeflated;

    private InventoryTemplate(byte[] head, byte[] rest, byte[] restDeflated) {
        this.head = head;
        this.rest = rest;
        this.restDeflated = restDeflated;
    }

    /** The template of {@code sample}'s inventory for {@code computerId} (a fixed scan of 'installed' KBs). */
    static InventoryTemplate of(ProtocolJson json, SampleInventories samples, String computerId, int index, int installed) {
        InventoryReport report = samples.inventory(PLACEHOLDER, computerId, index, installed, java.time.Instant.now());
        byte[] bytes = json.write(report);
        String text = new String(bytes, StandardCharsets.UTF_8);
        String start = "{\"messageId\":\"" + PLACEHOLDER + "\"";
        if (!text.startsWith(start)) {
            throw new IllegalStateException("expected the inventory JSON to start with messageId: " + text.substring(0, 40));
        }
        byte[] head = "{\"messageId\":\"".getBytes(StandardCharsets.US_ASCII);
        byte[] rest = text.substring(start.length() - 1).getBytes(StandardCharsets.UTF_8); // from the id's closing quote
        Deflater deflater = new Deflater(Deflater.DEFAULT_COMPRESSION, true);
        deflater.setInput(rest);
        deflater.finish();
        byte[] buffer = new byte[rest.length + 1024];
        int length = 0;
        while (!deflater.finished()) {
            length += deflater.deflate(buffer, length, buffer.length - length);
        }
        deflater.end();
        return new InventoryTemplate(head, rest, java.util.Arrays.copyOf(buffer, length));
    }

    /** A gzip body holding this inventory with {@code messageId} (ASCII, as protocol ids are). */
    byte[] body(String messageId) {
        int storedLength = head.length + messageId.length();
        byte[] body = new byte[GZIP_HEADER.length + 5 + storedLength + restDeflated.length + 8];
        System.arraycopy(GZIP_HEADER, 0, body, 0, GZIP_HEADER.length);
        int position = GZIP_HEADER.length;
        body[position++] = 0; // BFINAL=0, BTYPE=00 (stored), padded to the byte boundary
        body[position++] = (byte) storedLength;
        body[position++] = (byte) (storedLength >>> 8);
        body[position++] = (byte) ~storedLength;
        body[position++] = (byte) (~storedLength >>> 8);
        int storedStart = position;
        System.arraycopy(head, 0, body, position, head.length);
        position += head.length;
        for (int i = 0; i < messageId.length(); i++) {
            body[position++] = (byte) messageId.charAt(i);
        }
        CRC32 crc = new CRC32();
        crc.update(body, storedStart, storedLength);
        crc.update(rest);
        System.arraycopy(restDeflated, 0, body, position, restDeflated.length);
        position += restDeflated.length;
        writeIntLittleEndian(body, position, (int) crc.getValue());
        writeIntLittleEndian(body, position + 4, storedLength + rest.length);
        return body;
    }

    private static void writeIntLittleEndian(byte[] bytes, int offset, int value) {
        bytes[offset] = (byte) value;
        bytes[offset + 1] = (byte) (value >>> 8);
        bytes[offset + 2] = (byte) (value >>> 16);
        bytes[offset + 3] = (byte) (value >>> 24);
    }
}
