package org.patchlake.ingest;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.patchlake.ingest.http.ProtocolJson;
import org.patchlake.ingest.landing.GzipMembers;
import org.patchlake.ingest.landing.LandingEnvelope;
import org.patchlake.ingest.landing.LandingKind;

import static org.assertj.core.api.Assertions.assertThat;

/** Durability of landing through the service: group commit, dedup across restarts, recovery of _incoming. */
class LandingDurabilityTest {
    @TempDir
    Path data;

    @Test
    void many_concurrent_messages_share_fsyncs_and_each_is_durable_when_acknowledged() throws Exception {
        IngestConfig config = IngestConfig.defaults(data).withPort(0);
        try (IngestService service = IngestService.open(config)) {
            ExecutorService pool = Executors.newFixedThreadPool(32);
            List<Future<IngestService.Receipt>> receipts = new ArrayList<>();
            for (int i = 0; i < 400; i++) {
                String id = "m-" + i;
                receipts.add(pool.submit(() -> service.store(event(id))));
            }
            for (Future<IngestService.Receipt> receipt : receipts) {
                assertThat(receipt.get().duplicate()).isFalse();
            }
            pool.shutdown();

            // Acknowledged = readable from the file still being written, before any seal or close.
            List<Path> incoming = LandingFiles.incomingFiles(config.landingDirectory());
            assertThat(incoming).hasSize(1);
            assertThat(LandingFiles.read(incoming.get(0))).hasSize(400);
            assertThat(service.groupCommits()).isLessThan(400);
        }
        assertThat(LandingFiles.incomingFiles(config.landingDirectory())).isEmpty();
        assertThat(LandingFiles.sealedLines(config.landingDirectory(), LandingKind.EVENT)).hasSize(400);
    }

    @Test
    void a_message_id_stored_before_a_restart_is_acknowledged_with_the_same_answer_and_not_stored_again() {
        IngestConfig config = IngestConfig.defaults(data);
        IngestService.Receipt first;
        try (IngestService service = IngestService.open(config)) {
            first = service.store(event("m-1"));
        }
        try (IngestService service = IngestService.open(config)) {
            IngestService.Receipt again = service.store(event("m-1"));
            assertThat(again.duplicate()).isTrue();
            assertThat(again.ack()).isEqualTo(first.ack());
        }
        assertThat(LandingFiles.sealedLines(config.landingDirectory(), null)).hasSize(1);
    }

    @Test
    void files_left_in_incoming_by_a_crash_are_trimmed_to_their_last_complete_member_and_sealed_at_start() throws IOException {
        IngestConfig config = IngestConfig.defaults(data);
        GzipMembers gzip = new GzipMembers(1);
        ObjectMapper mapper = new ProtocolJson().mapper();
        ByteArrayOutputStream file = new ByteArrayOutputStream();
        for (String id : List.of("m-1", "m-2")) {
            file.writeBytes(gzip.compress((mapper.writeValueAsString(event(id)) + "\n").getBytes(StandardCharsets.UTF_8)));
        }
        byte[] third = gzip.compress((mapper.writeValueAsString(event("m-3")) + "\n").getBytes(StandardCharsets.UTF_8));
        file.write(third, 0, third.length / 2);
        Path leftover = config.landingDirectory().resolve("_incoming/event/dt=2026-11-21/" + config.node() + "-00001763719200000.jsonl.gz");
        Files.createDirectories(leftover.getParent());
        Files.write(leftover, file.toByteArray());

        try (IngestService restarted = IngestService.open(config)) {
            assertThat(LandingFiles.incomingFiles(config.landingDirectory())).isEmpty();
            assertThat(config.landingDirectory().resolve("event/dt=2026-11-21").resolve(leftover.getFileName())).exists();
            Map<String, Long> ids = LandingFiles.sealedLines(config.landingDirectory(), null).stream()
                    .collect(Collectors.groupingBy(line -> line.get("messageId").asText(), Collectors.counting()));
            assertThat(ids).containsOnly(Map.entry("m-1", 1L), Map.entry("m-2", 1L));
            assertThat(restarted.store(event("m-2")).duplicate()).as("recovered ids are known to dedup").isTrue();
            assertThat(restarted.store(event("m-3")).duplicate()).as("the torn message was never acknowledged").isFalse();
        }
    }

    private static LandingEnvelope event(String messageId) {
        return new LandingEnvelope(messageId, LandingKind.EVENT, null, Instant.now().truncatedTo(java.time.temporal.ChronoUnit.MILLIS), 1,
                Map.of("type", "test", "id", messageId));
    }
}
