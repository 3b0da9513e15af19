package org.patchlake.ingest;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.patchlake.core.protocol.AgentProtocol;
import org.patchlake.ingest.client.ProtocolClient;
import org.patchlake.ingest.client.SampleInventories;
import org.patchlake.ingest.http.ProtocolJson;

import static org.assertj.core.api.Assertions.assertThat;

/** Ingest under load is SIGKILLed and restarted: every acknowledged message id is in landing exactly once. */
class CrashTest {
    private static final int AGENTS = 8;
    private static final long LOAD_MILLIS = 1_000;
    private static final int MIN_ACKNOWLEDGED = 20;

    @TempDir
    Path data;

    @Test
    void every_message_acknowledged_before_a_sigkill_is_in_landing_exactly_once_after_restart() throws Exception {
        String token = IngestFixture.createToken(data, "hamburg", "emea");
        Path log = data.resolve("child.log");
        ProtocolJson json = new ProtocolJson();
        Set<String> acknowledged = ConcurrentHashMap.newKeySet();
        Map<String, byte[]> attempted = new ConcurrentHashMap<>();
        Map<String, ProtocolClient.Credentials> senders = new ConcurrentHashMap<>();

        ChildIngest first = ChildIngest.start(data, log, "--roll-seconds", "1");
        ProtocolClient client = client(first.port());
        List<ProtocolClient.Credentials> agents = new ArrayList<>();
        SampleInventories samples = new SampleInventories(7);
        for (int i = 0; i < AGENTS; i++) {
            HttpResponse<String> enrolled = client.enroll(json.write(samples.enrollment(token, i)));
            assertThat(enrolled.statusCode()).as(enrolled.body()).isEqualTo(200);
            JsonNode body = IngestFixture.parse(enrolled.body());
            agents.add(new ProtocolClient.Credentials(body.get("computerId").asText(), body.get("agentSecret").asText()));
        }

        AtomicBoolean running = new AtomicBoolean(true);
        ExecutorService load = Executors.newFixedThreadPool(AGENTS);
        for (int a = 0; a < AGENTS; a++) {
            ProtocolClient.Credentials agent = agents.get(a);
            int index = a;
            load.submit(() -> {
                SampleInventories mine = new SampleInventories(index);
                for (int n = 0; running.get(); n++) {
                    String id = "crash-" + index + "-" + n;
                    byte[] body = json.write(mine.inventory(id, agent.computerId(), index, 300, Instant.now()));
                    attempted.put(id, body);
                    senders.put(id, agent);
                    try {
                        if (client.post(AgentProtocol.INVENTORY_PATH, agent, id, body, true).statusCode() == 200) {
                            acknowledged.add(id);
                        }
                    } catch (RuntimeException serverGone) {
                        return;
                    }
                }
            });
        }
        // Under load until enough was acknowledged (the machine may be busy), then a little longer, then SIGKILL.
        long giveUp = System.currentTimeMillis() + 60_000;
        while (acknowledged.size() < MIN_ACKNOWLEDGED && System.currentTimeMillis() < giveUp) {
            Thread.sleep(50);
        }
        Thread.sleep(LOAD_MILLIS);
        first.kill();
        running.set(false);
        load.shutdown();
        assertThat(load.awaitTermination(60, TimeUnit.SECONDS)).isTrue();
        assertThat(acknowledged).as("acknowledged before the kill").hasSizeGreaterThanOrEqualTo(MIN_ACKNOWLEDGED);

        try (ChildIngest second = ChildIngest.start(data, log)) {
            Map<String, Long> landed = countIds(data.resolve("landing"));
            for (String id : acknowledged) {
                assertThat(landed.get(id)).as("acknowledged %s in landing after restart", id).isEqualTo(1L);
            }
            ProtocolClient again = client(second.port());
            for (Map.Entry<String, byte[]> message : attempted.entrySet()) {
                HttpResponse<String> response = again.post(AgentProtocol.INVENTORY_PATH, senders.get(message.getKey()),
                        message.getKey(), message.getValue(), true);
                assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
                if (acknowledged.contains(message.getKey())) {
                    assertThat(response.headers().firstValue(AgentProtocol.HEADER_DUPLICATE)).as(message.getKey()).hasValue("true");
                }
            }
        }

        Map<String, Long> landed = countIds(data.resolve("landing"));
        assertThat(LandingFiles.incomingFiles(data.resolve("landing"))).isEmpty();
        assertThat(landed.keySet()).containsAll(attempted.keySet());
        assertThat(landed.values()).allMatch(count -> count == 1L);
    }

    private static Map<String, Long> countIds(Path landing) {
        return LandingFiles.sealedLines(landing, "inventory").stream()
                .collect(Collectors.groupingBy(line -> line.get("messageId").asText(), Collectors.counting()));
    }

    private static ProtocolClient client(int port) {
        return new ProtocolClient(URI.create("http://127.0.0.1:" + port), Clock.systemUTC());
    }
}
