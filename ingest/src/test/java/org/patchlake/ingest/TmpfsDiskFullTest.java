package org.patchlake.ingest;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.patchlake.core.protocol.AgentProtocol;
import org.patchlake.ingest.client.ProtocolClient;
import org.patchlake.ingest.client.SampleInventories;
import org.patchlake.ingest.http.ProtocolJson;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The real thing behind {@link DiskFullTest}: ingest's whole data directory on a 2 MB tmpfs, filled to the last byte
 * by another file. Needs root (CI runs as root) and a kernel that lets it mount; skipped with the reason otherwise.
 */
class TmpfsDiskFullTest {
    @TempDir
    Path temp;

    private final ProtocolJson json = new ProtocolJson();
    private final SampleInventories samples = new SampleInventories(5);

    @Test
    void uploads_to_a_full_file_system_get_503_and_are_taken_again_once_space_is_freed() throws Exception {
        Path data = temp.resolve("tmpfs");
        Files.createDirectories(data);
        assumeTrue("root".equals(System.getProperty("user.name")), "mounting a size-limited tmpfs needs root (CI runs as root)");
        String mounted = run("mount", "-t", "tmpfs", "-o", "size=2m", "tmpfs", data.toString());
        assumeTrue(mounted == null, () -> "cannot mount a tmpfs here: " + mounted);
        try {
            String token = IngestFixture.createToken(data, "hamburg", "emea");
            Map<String, byte[]> bodies = new LinkedHashMap<>();
            Map<String, Integer> firstAnswer = new LinkedHashMap<>();
            List<ProtocolClient.Credentials> agents = new ArrayList<>();
            try (IngestServer server = IngestServer.start(IngestService.open(IngestConfig.defaults(data).withPort(0)))) {
                ProtocolClient client = new ProtocolClient(URI.create("http://127.0.0.1:" + server.port()), Clock.systemUTC());
                for (int i = 0; i < 3; i++) {
                    HttpResponse<String> enrolled = client.enroll(json.write(samples.enrollment(token, i)));
                    assertThat(enrolled.statusCode()).as(enrolled.body()).isEqualTo(200);
                    JsonNode body = IngestFixture.parse(enrolled.body());
                    agents.add(new ProtocolClient.Credentials(body.get("computerId").asText(), body.get("agentSecret").asText()));
                }
                upload(client, agents, bodies, firstAnswer, "before", 6);
                assertThat(firstAnswer.values()).containsOnly(200);

                Path filler = temp.resolve("tmpfs/filler");
                fill(filler);
                upload(client, agents, bodies, firstAnswer, "full", 6);

                Files.delete(filler);
                upload(client, agents, bodies, firstAnswer, "after", 6);
                assertThat(firstAnswer).as("answers while full, then after space returned")
                        .containsEntry("full-0", 503).containsEntry("full-5", 503)
                        .containsEntry("after-0", 200).containsEntry("after-5", 200);
                for (Map.Entry<String, Integer> answer : firstAnswer.entrySet()) {
                    if (answer.getValue() != 200) {
                        String id = answer.getKey();
                        HttpResponse<String> resent = client.post(AgentProtocol.INVENTORY_PATH, sender(agents, id), id, bodies.get(id), true);
                        assertThat(resent.statusCode()).as(resent.body()).isEqualTo(200);
                        assertThat(resent.headers().firstValue(AgentProtocol.HEADER_DUPLICATE)).as(id).isEmpty();
                    }
                }
            }
            Map<String, Long> landed = LandingFiles.sealedLines(data.resolve("landing"), "inventory").stream()
                    .collect(Collectors.groupingBy(line -> line.get("messageId").asText(), Collectors.counting()));
            assertThat(landed.keySet()).containsExactlyInAnyOrderElementsOf(bodies.keySet());
            assertThat(landed).allSatisfy((id, count) -> assertThat(count).as(id).isEqualTo(1L));
        } finally {
            run("umount", data.toString());
        }
    }

    private void upload(ProtocolClient client, List<ProtocolClient.Credentials> agents, Map<String, byte[]> bodies,
            Map<String, Integer> firstAnswer, String phase, int count) {
        for (int i = 0; i < count; i++) {
            String id = phase + "-" + i;
            ProtocolClient.Credentials agent = sender(agents, id);
            bodies.put(id, json.write(samples.inventory(id, agent.computerId(), i, 300, Instant.now())));
            HttpResponse<String> answer = client.post(AgentProtocol.INVENTORY_PATH, agent, id, bodies.get(id), true);
            assertThat(answer.statusCode()).as(answer.body()).isIn(200, 503);
            firstAnswer.put(id, answer.statusCode());
        }
    }

    private static ProtocolClient.Credentials sender(List<ProtocolClient.Credentials> agents, String id) {
        return agents.get(Integer.parseInt(id.substring(id.lastIndexOf('-') + 1)) % agents.size());
    }

    /** Writes zeros until the file system says no space is left. */
    private static void fill(Path filler) {
        byte[] block = new byte[4096];
        try (OutputStream out = Files.newOutputStream(filler)) {
            while (true) {
                out.write(block);
                out.flush();
            }
        } catch (IOException full) {
            assertThat(full).hasMessageContaining("No space left on device");
        }
    }

    /** Runs a command; null when it exited 0, else its output. */
    private static String run(String... command) throws Exception {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes());
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            return "timed out: " + String.join(" ", command);
        }
        return process.exitValue() == 0 ? null : output.trim() + " (exit " + process.exitValue() + ")";
    }
}
