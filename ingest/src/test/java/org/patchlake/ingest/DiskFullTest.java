package org.patchlake.ingest;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.patchlake.core.protocol.AgentProtocol;
import org.patchlake.ingest.client.ProtocolClient;
import org.patchlake.ingest.client.SampleInventories;
import org.patchlake.ingest.http.ProtocolJson;
import org.patchlake.ingest.landing.FillingDisk;
import org.patchlake.ingest.policy.PolicySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Landing on a disk that fills up (the deterministic stand-in at ingest's file system edge, {@link FillingDisk}; the
 * real thing on a small tmpfs is {@link TmpfsDiskFullTest}): uploads that cannot be made durable get 503
 * {@code unavailable} and are acknowledged nowhere, everything acknowledged is in landing exactly once, and ingest
 * takes uploads again as soon as space returns, without a restart.
 */
class DiskFullTest {
    @TempDir
    Path data;

    private final ProtocolJson json = new ProtocolJson();
    private final SampleInventories samples = new SampleInventories(11);

    @Test
    void a_full_disk_answers_503_acknowledges_only_what_is_durable_and_takes_uploads_again_when_space_returns() throws Exception {
        String token = IngestFixture.createToken(data, "hamburg", "emea");
        FillingDisk disk = new FillingDisk();
        Map<String, byte[]> bodies = new ConcurrentHashMap<>();
        Set<String> acknowledged = ConcurrentHashMap.newKeySet();
        Set<String> refused = ConcurrentHashMap.newKeySet();
        try (IngestServer server = IngestServer.start(IngestService.open(IngestConfig.defaults(data).withPort(0), PolicySource.none(),
                Clock.systemUTC(), disk))) {
            ProtocolClient client = client(server.port());
            List<ProtocolClient.Credentials> agents = enroll(client, token, 4);
            Uploads uploads = new Uploads(client, agents, bodies, acknowledged, refused);
            uploads.send("before", 12);
            assertThat(acknowledged).hasSize(12);

            disk.leave(4_000); // room for about one more upload (2.8 KB gzip each), then a short write, then no space
            uploads.send("filling", 12);
            disk.fill();
            uploads.send("full", 8);
            assertThat(disk.refusals()).as("writes that hit the full disk").isPositive();
            assertThat(refused).as("uploads answered 503").hasSizeGreaterThanOrEqualTo(8);
            assertThat(uploads.statuses()).containsOnlyKeys(200, 503);

            disk.unlimited();
            uploads.send("after", 12);
            assertThat(acknowledged).as("taken again once space returned, without a restart").containsAll(uploads.ids("after"));
            for (String id : new TreeSet<>(refused)) {
                HttpResponse<String> resent = uploads.post(id);
                assertThat(resent.statusCode()).as(resent.body()).isEqualTo(200);
                assertThat(resent.headers().firstValue(AgentProtocol.HEADER_DUPLICATE)).as("%s was refused, so never stored", id).isEmpty();
            }
            server.service().sealLanding();
        }
        Map<String, Long> landed = landedIds();
        assertThat(landed.keySet()).containsExactlyInAnyOrderElementsOf(bodies.keySet());
        assertThat(landed).allSatisfy((id, count) -> assertThat(count).as(id).isEqualTo(1L));
        assertThat(LandingFiles.incomingFiles(data.resolve("landing"))).isEmpty();
    }

    @Test
    void uploads_whose_dedup_entries_met_a_full_disk_are_still_recognized_as_resends_after_a_restart() throws Exception {
        String token = IngestFixture.createToken(data, "hamburg", "emea");
        FillingDisk disk = new FillingDisk();
        Map<String, byte[]> bodies = new ConcurrentHashMap<>();
        Set<String> acknowledged = ConcurrentHashMap.newKeySet();
        Set<String> refused = ConcurrentHashMap.newKeySet();
        List<ProtocolClient.Credentials> agents;
        try (IngestServer server = IngestServer.start(IngestService.open(IngestConfig.defaults(data).withPort(0), PolicySource.none(),
                Clock.systemUTC(), disk))) {
            ProtocolClient client = client(server.port());
            agents = enroll(client, token, 3);
            Uploads uploads = new Uploads(client, agents, bodies, acknowledged, refused);
            uploads.send("before", 6);
            // The landing bytes fit, the dedup log appended after them does not (torn, then no space) ...
            disk.refuse(file -> file.getFileName().toString().endsWith(".log"));
            uploads.send("dedup-full", 6);
            assertThat(disk.refusals()).isPositive();
            // ... until space returns and more uploads append to the same log.
            disk.unlimited();
            uploads.send("after", 6);
        }
        assertThat(refused).as("a message whose landing bytes are durable is acknowledged").isEmpty();
        try (IngestServer restarted = IngestServer.start(IngestService.open(IngestConfig.defaults(data).withPort(0)))) {
            Uploads again = new Uploads(client(restarted.port()), agents, bodies, acknowledged, refused);
            for (String id : new TreeSet<>(bodies.keySet())) {
                HttpResponse<String> resent = again.post(id);
                assertThat(resent.statusCode()).as(resent.body()).isEqualTo(200);
                assertThat(resent.headers().firstValue(AgentProtocol.HEADER_DUPLICATE)).as("resend of %s after the restart", id)
                        .hasValue("true");
            }
        }
        assertThat(landedIds()).hasSize(18).allSatisfy((id, count) -> assertThat(count).as(id).isEqualTo(1L));
    }

    @Test
    void an_enrollment_the_registry_cannot_store_answers_503_unavailable_not_500() throws Exception {
        String token = IngestFixture.createToken(data, "hamburg", "emea");
        try (IngestServer server = IngestServer.start(IngestService.open(IngestConfig.defaults(data).withPort(0)))) {
            ProtocolClient client = client(server.port());
            assertThat(enroll(client, token, 1)).hasSize(1);
            Path registry = data.resolve("ingest/registry.jsonl");
            java.nio.file.Files.move(registry, data.resolve("registry.jsonl.moved"));
            java.nio.file.Files.createDirectory(registry); // an I/O error on the next append, as a failing disk gives
            HttpResponse<String> refused = client.enroll(json.write(samples.enrollment(token, 1)));
            assertThat(refused.statusCode()).as(refused.body()).isEqualTo(503);
            assertThat(refused.body()).contains("\"error\":\"unavailable\"", "enroll again");
        }
    }

    private Map<String, Long> landedIds() {
        return LandingFiles.sealedLines(data.resolve("landing"), "inventory").stream()
                .collect(Collectors.groupingBy(line -> line.get("messageId").asText(), Collectors.counting()));
    }

    private List<ProtocolClient.Credentials> enroll(ProtocolClient client, String token, int count) {
        List<ProtocolClient.Credentials> agents = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            HttpResponse<String> enrolled = client.enroll(json.write(samples.enrollment(token, i)));
            assertThat(enrolled.statusCode()).as(enrolled.body()).isEqualTo(200);
            JsonNode body = IngestFixture.parse(enrolled.body());
            agents.add(new ProtocolClient.Credentials(body.get("computerId").asText(), body.get("agentSecret").asText()));
        }
        return agents;
    }

    private static ProtocolClient client(int port) {
        return new ProtocolClient(URI.create("http://127.0.0.1:" + port), Clock.systemUTC());
    }

    /** Signed gzip inventories from a few agents, sent concurrently; records which were acknowledged and which refused. */
    private final class Uploads {
        private final ProtocolClient client;
        private final List<ProtocolClient.Credentials> agents;
        private final Map<String, byte[]> bodies;
        private final Set<String> acknowledged;
        private final Set<String> refused;
        private final Map<String, ProtocolClient.Credentials> senders = new ConcurrentHashMap<>();
        private final Map<String, List<String>> phases = new LinkedHashMap<>();
        private final Map<Integer, Long> statuses = new ConcurrentHashMap<>();

        Uploads(ProtocolClient client, List<ProtocolClient.Credentials> agents, Map<String, byte[]> bodies, Set<String> acknowledged,
                Set<String> refused) {
            this.client = client;
            this.agents = agents;
            this.bodies = bodies;
            this.acknowledged = acknowledged;
            this.refused = refused;
            for (String id : bodies.keySet()) {
                senders.put(id, agents.get(Integer.parseInt(id.substring(id.lastIndexOf('-') + 1)) % agents.size()));
            }
        }

        void send(String phase, int count) throws Exception {
            List<String> ids = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                String id = phase + "-" + i;
                ProtocolClient.Credentials agent = agents.get(i % agents.size());
                bodies.put(id, json.write(samples.inventory(id, agent.computerId(), i, 300, Instant.now())));
                senders.put(id, agent);
                ids.add(id);
            }
            phases.put(phase, ids);
            ExecutorService pool = Executors.newFixedThreadPool(agents.size());
            try {
                List<Future<HttpResponse<String>>> answers = new ArrayList<>();
                for (String id : ids) {
                    answers.add(pool.submit(() -> post(id)));
                }
                for (int i = 0; i < ids.size(); i++) {
                    HttpResponse<String> answer = answers.get(i).get();
                    statuses.merge(answer.statusCode(), 1L, Long::sum);
                    if (answer.statusCode() == 200) {
                        acknowledged.add(ids.get(i));
                    } else {
                        assertThat(answer.body()).contains("\"error\":\"unavailable\"", "nothing was acknowledged");
                        refused.add(ids.get(i));
                    }
                }
            } finally {
                pool.shutdown();
            }
        }

        HttpResponse<String> post(String id) {
            return client.post(AgentProtocol.INVENTORY_PATH, senders.get(id), id, bodies.get(id), true);
        }

        List<String> ids(String phase) {
            return phases.get(phase);
        }

        Map<Integer, Long> statuses() {
            return statuses;
        }
    }
}
