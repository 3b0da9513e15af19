package org.patchlake.ingest.http;

import java.time.OffsetDateTime;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class StrictInstantDeserializerTest {
    @ParameterizedTest
    @ValueSource(strings = {"2026-11-21T10:00:00Z", "2026-11-21T10:00:00.1Z", "2026-11-21T10:00:00.123Z", "2026-11-21T10:00:00.123456789Z",
            "2024-02-29T23:59:59.999Z", "0001-01-01T00:00:00Z"})
    void the_hand_parsed_utc_form_gives_the_instant_the_iso_parser_gives(String text) {
        assertThat(StrictInstantDeserializer.parseUtc(text)).isEqualTo(OffsetDateTime.parse(text).toInstant());
    }

    @ParameterizedTest
    @ValueSource(strings = {"2026-02-30T10:00:00Z", "2023-02-29T00:00:00Z", "2026-11-21T24:00:00Z", "2026-11-21T10:00:60Z", "2026-13-01T00:00:00Z",
            "2026-11-21T10:00:00.Z", "2026-11-21T10:00:00.1234567890Z", "2026-11-21T10:00Z", "2026-11-21T10:00:00+01:00", "2026-11-21t10:00:00Z"})
    void anything_else_is_left_to_the_iso_parser(String text) {
        assertThat(StrictInstantDeserializer.parseUtc(text)).isNull();
    }

    @Test
    void an_offset_other_than_z_still_parses_through_the_iso_parser() {
        assertThat(new ProtocolJson().read("{\"t\":\"2026-11-21T11:00:00+01:00\"}".getBytes(java.nio.charset.StandardCharsets.UTF_8),
                Probe.class).t()).isEqualTo(OffsetDateTime.parse("2026-11-21T10:00:00Z").toInstant());
    }

    record Probe(java.time.Instant t) {
    }
}
