package org.patchlake.ingest.client;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.zip.GZIPOutputStream;
import org.patchlake.core.protocol.AgentProtocol;
import org.patchlake.core.protocol.AgentSignature;

/**
 * A minimal protocol v1 client over {@code java.net.http}, used by the load generator and the tests: signs
 * requests as {@link AgentSignature} describes. Not the agent (that lives in agent/); just enough to drive ingest.
 */
public final class ProtocolClient {
    private final HttpClient http;
    private final URI base;
    private final Clock clock;

    public ProtocolClient(URI base, Clock clock) {
        this.base = base;
        this.clock = clock;
        this.http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5))
                .build();
    }

    /** Identity of an enrolled agent. */
    public record Credentials(String computerId, String secret) {
    }

    public HttpResponse<String> enroll(byte[] json) {
        return send(HttpRequest.newBuilder(base.resolve(AgentProtocol.ENROLL_PATH))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(json)).build());
    }

    /** POSTs a body signed with the credentials; {@code gzip} compresses it and sets Content-Encoding. */
    public HttpResponse<String> post(String path, Credentials agent, String messageId, byte[] json, boolean gzip) {
        byte[] body = gzip ? gzip(json) : json;
        return send(signed(path, "POST", agent, messageId, body, clock.millis(), gzip));
    }

    public HttpResponse<String> getPolicies(Credentials agent, String nonce) {
        return send(signed(AgentProtocol.POLICIES_PATH, "GET", agent, nonce, new byte[0], clock.millis(), false));
    }

    /** A signed request whose body bytes are sent exactly as given (already compressed when {@code gzipped}). */
    public HttpRequest signed(String path, String method, Credentials agent, String nonce, byte[] body, long timestampMillis, boolean gzipped) {
        String signature = AgentSignature.of(method, path, timestampMillis, nonce, body).sign(agent.secret());
        HttpRequest.Builder builder = HttpRequest.newBuilder(base.resolve(path))
                .timeout(Duration.ofSeconds(30))
                .header(AgentProtocol.HEADER_COMPUTER, agent.computerId())
                .header(AgentProtocol.HEADER_TIMESTAMP, Long.toString(timestampMillis))
                .header(AgentProtocol.HEADER_NONCE, nonce)
                .header(AgentProtocol.HEADER_SIGNATURE, signature);
        if (method.equals("GET")) {
            return builder.GET().build();
        }
        builder.header("Content-Type", "application/json");
        if (gzipped) {
            builder.header("Content-Encoding", "gzip");
        }
        return builder.POST(HttpRequest.BodyPublishers.ofByteArray(body)).build();
    }

    public HttpResponse<String> send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException("request to " + request.uri() + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    public HttpClient http() {
        return http;
    }

    public static byte[] gzip(byte[] data) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(data.length / 4 + 64);
        try (GZIPOutputStream gzip = new GZIPOutputStream(out)) {
            gzip.write(data);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
