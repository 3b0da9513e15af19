package org.patchlake.ingest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import org.patchlake.ingest.client.ProtocolClient;
import org.patchlake.ingest.client.SampleInventories;
import org.patchlake.ingest.http.ProtocolJson;
import org.patchlake.ingest.registry.AgentRegistry;

/** A real ingest server on port 0 over a temporary data directory, with a client and an enrollment token. */
final class IngestFixture implements AutoCloseable {
    static final ObjectMapper MAPPER = new ObjectMapper();

    final Path data;
    final IngestServer server;
    final ProtocolClient client;
    final ProtocolJson json = new ProtocolJson();
    final SampleInventories samples = new SampleInventories(42);
    final String token;

    IngestFixture(Path data, IngestConfig config) {
        this.data = data;
        this.token = createToken(data, "berlin", "emea");
        this.server = IngestServer.start(IngestService.open(config.withPort(0)));
        this.client = new ProtocolClient(URI.create("http://127.0.0.1:" + server.port()), Clock.systemUTC());
    }

    IngestFixture(Path data) {
        this(data, IngestConfig.defaults(data));
    }

    static String createToken(Path data, String site, String region) {
        AgentRegistry registry = new AgentRegistry(data.resolve("ingest"), new ProtocolJson().mapper(), new SecureRandom(), Clock.systemUTC());
        return registry.createToken(site, region, null).clearText();
    }

    Path landing() {
        return data.resolve("landing");
    }

    ProtocolClient.Credentials enroll(int index) {
        HttpResponse<String> response = client.enroll(json.write(samples.enrollment(token, index)));
        if (response.statusCode() != 200) {
            throw new IllegalStateException("enroll failed: " + response.statusCode() + " " + response.body());
        }
        JsonNode body = parse(response.body());
        return new ProtocolClient.Credentials(body.get("computerId").asText(), body.get("agentSecret").asText());
    }

    byte[] inventoryJson(ProtocolClient.Credentials agent, String messageId) {
        return json.write(samples.inventory(messageId, agent.computerId(), 1, 300, Instant.now()));
    }

    /** An inventory carrying Windows Update's verdict (protocol v1's optional windowsUpdate). */
    byte[] inventoryJson(ProtocolClient.Credentials agent, String messageId, org.patchlake.core.protocol.WindowsUpdateVerdict verdict) {
        return json.write(samples.inventory(messageId, agent.computerId(), 1, 3, Instant.now()).withWindowsUpdate(verdict));
    }

    HttpResponse<String> postInventory(ProtocolClient.Credentials agent, String messageId) {
        return client.post("/api/agent/v1/inventory", agent, messageId, inventoryJson(agent, messageId), true);
    }

    static JsonNode parse(String body) {
        try {
            return MAPPER.readTree(body);
        } catch (IOException e) {
            throw new UncheckedIOException("not JSON: " + body, e);
        }
    }

    @Override
    public void close() {
        server.close();
    }
}
