package org.patchlake.ingest.landing;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import static java.util.Objects.requireNonNull;

/**
 * The bytes of one landing line: the envelope as JSON, one line, as one gzip member, or as three when the payload is
 * the agent's own gzip member ({@link GzipJson}: the envelope's head, that member as sent, the closing brace). Every
 * gzip reader reads either form as the same line.
 */
public final class LandingLines {
    private static final byte[] LINE_END = {'}', '\n'};
    private static final byte[] LINE_END_MEMBER = GzipMembers.stored(LINE_END);

    private final GzipMembers gzip;
    private final ObjectMapper mapper;

    public LandingLines(int compressionLevel, ObjectMapper mapper) {
        this.gzip = new GzipMembers(compressionLevel);
        this.mapper = requireNonNull(mapper, "mapper is null");
    }

    /** The gzip member(s) of the envelope's line. */
    public ByteBuffer[] members(LandingEnvelope envelope) throws JsonProcessingException {
        if (envelope.payload() instanceof GzipJson compressed) {
            return new ByteBuffer[] {ByteBuffer.wrap(GzipMembers.stored(head(envelope))), ByteBuffer.wrap(compressed.member()),
                    ByteBuffer.wrap(LINE_END_MEMBER)};
        }
        return new ByteBuffer[] {ByteBuffer.wrap(gzip.compress(line(envelope)))};
    }

    /** The envelope as one JSON line; a {@link RawJson} payload is copied in byte for byte. */
    byte[] line(LandingEnvelope envelope) throws JsonProcessingException {
        if (!(envelope.payload() instanceof RawJson raw)) {
            byte[] json = mapper.writeValueAsBytes(envelope);
            byte[] line = Arrays.copyOf(json, json.length + 1);
            line[json.length] = '\n';
            return line;
        }
        byte[] head = head(envelope);
        byte[] line = Arrays.copyOf(head, head.length + raw.json().length + LINE_END.length);
        System.arraycopy(raw.json(), 0, line, head.length, raw.json().length);
        System.arraycopy(LINE_END, 0, line, head.length + raw.json().length, LINE_END.length);
        return line;
    }

    /** The envelope up to its payload: {@code {"messageId":..,"kind":..,..,"payload":}. */
    private static byte[] head(LandingEnvelope envelope) {
        StringBuilder head = new StringBuilder(160).append("{\"messageId\":");
        appendString(head, envelope.messageId()).append(",\"kind\":");
        appendString(head, envelope.kind());
        if (envelope.computerId() != null) {
            appendString(head.append(",\"computerId\":"), envelope.computerId());
        }
        head.append(",\"receivedAt\":\"").append(envelope.receivedAt()).append("\",\"protocolVersion\":")
                .append(envelope.protocolVersion()).append(",\"payload\":");
        return head.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** A JSON string (RFC 8259 escapes); ids are validated ASCII, so this rarely escapes anything. */
    static StringBuilder appendString(StringBuilder out, String value) {
        out.append('"');
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '"' || c == '\\') {
                out.append('\\').append(c);
            } else if (c < 0x20) {
                out.append(String.format("\\u%04x", (int) c));
            } else {
                out.append(c);
            }
        }
        return out.append('"');
    }
}
