package org.patchlake.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.code_intelligence.jazzer.junit.FuzzTest;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.patchlake.core.protocol.DeliveryReport;
import org.patchlake.core.protocol.ErrorCode;
import org.patchlake.core.protocol.EnrollRequest;
import org.patchlake.core.protocol.InventoryReport;
import org.patchlake.ingest.http.ProtocolJson;
import org.patchlake.ingest.http.RequestBody;
import org.patchlake.ingest.landing.LandingEnvelope;
import org.patchlake.ingest.landing.LandingLines;

/**
 * Coverage-guided fuzzing (Jazzer) of what ingest does with a request body before it stores it: the bounded gzip
 * inflation, the protocol JSON readers into core's records, and the landing line built from what was accepted. A
 * body is refused with a 4xx {@link IngestException} or accepted; an accepted one lands as one line whose payload
 * reads back as the same record (what ETL reads is what ingest validated). The build runs the corpus in
 * {@code ProtocolFuzzTestInputs/}; {@code ./patchlake bench fuzz protocol} fuzzes.
 *
 * <p>Input: byte 0 picks the message (bits 0-1: inventory, deliveries, enroll) and how it is sent (bits 2-3:
 * as is, {@code Content-Encoding: gzip} over the bytes as they are, gzip made here); the rest is the body.
 */
class ProtocolFuzzTest {
    private static final ProtocolJson JSON = new ProtocolJson();
    private static final RequestBody BODIES = new RequestBody(64 * 1024, 256 * 1024);
    private static final LandingLines LINES = new LandingLines(1, JSON.mapper());
    private static final Class<?>[] TYPES = {InventoryReport.class, DeliveryReport.class, EnrollRequest.class, InventoryReport.class};

    @FuzzTest(maxDuration = "10s")
    void a_request_body_is_refused_with_a_4xx_or_lands_as_one_line_that_reads_back_the_same(byte[] input) {
        if (input.length == 0) {
            return;
        }
        Class<?> type = TYPES[input[0] & 3];
        int encoding = (input[0] >> 2) & 3;
        byte[] body = Arrays.copyOfRange(input, 1, input.length);
        Object accepted;
        RequestBody.Decoded decoded;
        ProtocolJson.Parsed<?> parsed;
        try {
            decoded = BODIES.decode(encoding == 2 ? gzip(body) : body, encoding == 1 || encoding == 2 ? "gzip" : null);
            parsed = JSON.parse(decoded.json(), type);
            accepted = parsed.value();
        } catch (IngestException refused) {
            assertThat(refused.code().status()).as(refused.getMessage()).isBetween(400, 499);
            assertThat(refused.getMessage()).isNotBlank();
            return;
        }
        LandingEnvelope envelope = new LandingEnvelope("m-1", "inventory", "c-1", Instant.parse("2026-11-21T10:00:00Z"), 1,
                IngestRoutes.asSent(decoded, parsed));
        String line = landedLine(envelope);
        assertThat(line).endsWith("}\n");
        assertThat(line.indexOf('\n')).as("one line").isEqualTo(line.length() - 1);
        JsonNode payload = readTree(line).get("payload");
        assertThat(JSON.read(payload.toString().getBytes(StandardCharsets.UTF_8), type)).isEqualTo(accepted);
    }

    // Finding, kept in the corpus (crash-utf16-body): Jackson detects UTF-16 and UTF-32 and read such a body as valid, so it
    // was acknowledged, then landed inside a UTF-8 line as text with zero bytes that no reader (ETL, zcat | jq) can parse.

    @Test
    void a_utf16_or_utf32_body_is_refused_as_malformed_json_naming_the_encoding() {
        String enroll = "{\"enrollmentToken\":\"t\"}";
        for (java.nio.charset.Charset charset : java.util.List.of(StandardCharsets.UTF_16LE, StandardCharsets.UTF_16BE,
                StandardCharsets.UTF_16, java.nio.charset.Charset.forName("UTF-32LE"), java.nio.charset.Charset.forName("UTF-32BE"))) {
            assertThatThrownBy(() -> JSON.parse(enroll.getBytes(charset), EnrollRequest.class)).as(charset.name())
                    .isInstanceOfSatisfying(IngestException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.MALFORMED_JSON))
                    .hasMessageContaining("not UTF-8");
        }
    }

    // Finding, kept in the corpus (crash-invalid-utf8-in-a-known-field-name; it needs a delivery parsed before it, as in a
    // running server): once "attempt" is in Jackson's field-name table, "atte\xFFmpt" (an invalid UTF-8 byte) is read as
    // "attempt", so the body was accepted while a fresh parser (ETL reading the landing line) refuses it.

    @Test
    void a_field_name_with_an_invalid_utf8_byte_is_refused_even_after_the_valid_name_was_seen() {
        byte[] seed = readResource("seed-deliveries");
        JSON.read(Arrays.copyOfRange(seed, 1, seed.length), DeliveryReport.class);
        byte[] crash = readResource("crash-invalid-utf8-in-a-known-field-name");
        assertThatThrownBy(() -> JSON.read(Arrays.copyOfRange(crash, 1, crash.length), DeliveryReport.class))
                .isInstanceOfSatisfying(IngestException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.MALFORMED_JSON))
                .hasMessage("request body is not UTF-8 JSON (RFC 8259): invalid UTF-8 byte 0xFF at offset 91");
    }

    private static byte[] readResource(String name) {
        String path = "ProtocolFuzzTestInputs/a_request_body_is_refused_with_a_4xx_or_lands_as_one_line_that_reads_back_the_same/" + name;
        try (var in = ProtocolFuzzTest.class.getResourceAsStream(path)) {
            return java.util.Objects.requireNonNull(in, path).readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The landing line exactly as a gzip reader (ETL, zcat) reads it back from the member(s) landing writes. */
    static String landedLine(LandingEnvelope envelope) {
        try {
            ByteArrayOutputStream file = new ByteArrayOutputStream();
            for (ByteBuffer member : LINES.members(envelope)) {
                file.write(member.array(), member.arrayOffset() + member.position(), member.remaining());
            }
            try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(file.toByteArray()))) {
                return new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static JsonNode readTree(String line) {
        try {
            return JSON.mapper().readTree(line);
        } catch (IOException e) {
            throw new AssertionError("the landed line is not JSON: " + line, e);
        }
    }

    private static byte[] gzip(byte[] body) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gzip = new GZIPOutputStream(out)) {
            gzip.write(body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
