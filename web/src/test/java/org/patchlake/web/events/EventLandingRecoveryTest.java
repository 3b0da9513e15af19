package org.patchlake.web.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.patchlake.ingest.IngestConfig;
import org.patchlake.ingest.IngestService;
import org.patchlake.ingest.landing.LandedEnvelopes;

/**
 * An event the server wrote completely but could not rename into landing (it was killed in between) is where ETL
 * reads it after the next start: ingest's recovery seals the {@code _incoming} file into {@code landing/event/dt=.../}.
 */
class EventLandingRecoveryTest {
    private static final Instant NOW = Instant.parse("2026-11-21T10:00:00Z");

    @TempDir
    Path data;

    @Test
    void an_event_left_in_incoming_by_a_killed_server_is_sealed_where_etl_reads_it_at_the_next_start() throws Exception {
        Path landing = data.resolve("landing");
        EventLanding events = new EventLanding(landing, "web-host", Clock.fixed(NOW, ZoneOffset.UTC), new ObjectMapper());
        // the rename into place fails (as if the server died right before it): a directory holds the file's name
        String name = "web-host-" + (NOW.toEpochMilli() * 1000 + 1) + ".jsonl.gz";
        Path blocked = Files.createDirectories(landing.resolve("event/dt=2026-11-21").resolve(name).resolve("x"));
        assertThatThrownBy(() -> events.append("exception", "c-1", Map.of("id", "web-exception-1", "bulletinId", "KB5034441")))
                .hasMessageContaining("cannot land exception event");
        Files.delete(blocked);
        Files.delete(blocked.getParent());

        IngestService.open(IngestConfig.defaults(data)).close();
        assertThat(Files.exists(landing.resolve("event/dt=2026-11-21").resolve(name))).as("sealed into the day's folder").isTrue();
        assertThat(LandedEnvelopes.read(data, "event")).singleElement()
                .satisfies(event -> assertThat(event.get("payload").get("id").asText()).isEqualTo("web-exception-1"));
    }
}
