package org.patchlake.agent.upload;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.UUID;
import java.util.zip.GZIPOutputStream;
import org.patchlake.agent.spool.SpooledMessage;
import org.patchlake.core.protocol.Ack;
import org.patchlake.core.protocol.AgentProtocol;
import org.patchlake.core.protocol.AgentSignature;
import org.patchlake.core.protocol.EnrollRequest;
import org.patchlake.core.protocol.EnrollResponse;
import org.patchlake.core.protocol.ErrorBody;
import org.patchlake.core.protocol.PolicySet;

/**
 * The agent side of protocol v1 over {@code java.net.http}: gzip JSON bodies, HMAC-signed requests
 * ({@link AgentSignature}), retries with backoff for what a retry can fix (no connection, 5xx, 429, an answer
 * that cannot be read), and a clear split between "refused for good" and "try again later".
 */
public final class IngestClient {

    private final URI server;
    private final HttpClient http;
    private final ObjectMapper json;
    private final Clock clock;
    private final Backoff backoff;
    private final Duration requestTimeout;

    public IngestClient(URI server, HttpClient http, ObjectMapper json, Clock clock, Backoff backoff, Duration requestTimeout) {
        this.server = requireNonNull(server, "server is null");
        this.http = requireNonNull(http, "http is null");
        this.json = requireNonNull(json, "json is null");
        this.clock = requireNonNull(clock, "clock is null");
        this.backoff = requireNonNull(backoff, "backoff is null");
        this.requestTimeout = requireNonNull(requestTimeout, "requestTimeout is null");
    }

    public static HttpClient defaultHttpClient() {
        return HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(10))
            .followRedirects(HttpClient.Redirect.NEVER).build();
    }

    public EnrollResponse enroll(EnrollRequest request) throws IngestUnavailableException, IngestRejectedException {
        byte[] body = write(request);
        HttpResponse<byte[]> response = exchange(() -> HttpRequest.newBuilder(resolve(AgentProtocol.ENROLL_PATH))
            .timeout(requestTimeout).header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(), "enroll");
        return read(response, EnrollResponse.class, "enroll");
    }

    public PolicySet policies(Credentials credentials) throws IngestUnavailableException, IngestRejectedException {
        HttpResponse<byte[]> response = exchange(() -> {
            String nonce = UUID.randomUUID().toString();
            return signed(HttpRequest.newBuilder(resolve(AgentProtocol.POLICIES_PATH)).GET(), "GET",
                AgentProtocol.POLICIES_PATH, nonce, new byte[0], credentials).build();
        }, "policies");
        return read(response, PolicySet.class, "policies");
    }

    /** Sends one spooled message; never throws for server trouble (the outcome says what to do). */
    public SendOutcome send(SpooledMessage message, Credentials credentials) {
        String path = message.kind() == SpooledMessage.MessageKind.INVENTORY
            ? AgentProtocol.INVENTORY_PATH : AgentProtocol.DELIVERIES_PATH;
        byte[] gzipped = gzip(message.body());
        HttpResponse<byte[]> response;
        try {
            response = exchange(() -> signed(HttpRequest.newBuilder(resolve(path))
                    .header("Content-Type", "application/json").header("Content-Encoding", "gzip")
                    .POST(HttpRequest.BodyPublishers.ofByteArray(gzipped)), "POST", path, message.messageId(), gzipped,
                credentials).build(), message.kind() + " " + message.messageId());
        } catch (IngestUnavailableException e) {
            return new SendOutcome.NotDelivered(e.getMessage());
        }
        int status = response.statusCode();
        if (status == 200 || status == 201) {
            try {
                Ack ack = json.readValue(response.body(), Ack.class);
                if (!ack.messageId().equals(message.messageId())) {
                    return new SendOutcome.NotDelivered("server acknowledged " + ack.messageId() + " instead of "
                        + message.messageId());
                }
            } catch (IOException | IllegalArgumentException e) {
                return new SendOutcome.NotDelivered("unreadable acknowledgement (HTTP " + status + "): " + preview(response));
            }
            boolean duplicate = response.headers().firstValue(AgentProtocol.HEADER_DUPLICATE)
                .map("true"::equalsIgnoreCase).orElse(false);
            return new SendOutcome.Acknowledged(duplicate);
        }
        String reason = "HTTP " + status + ": " + errorText(response);
        if (status == 400 || status == 413 || status == 415 || status == 422) {
            return new SendOutcome.Rejected(status, reason);
        }
        return new SendOutcome.NotDelivered(reason);
    }

    private HttpRequest.Builder signed(HttpRequest.Builder builder, String method, String path, String nonce, byte[] body,
                                       Credentials credentials) {
        long timestamp = clock.millis();
        String signature = AgentSignature.of(method, path, timestamp, nonce, body).sign(credentials.agentSecret());
        return builder.timeout(requestTimeout)
            .header(AgentProtocol.HEADER_COMPUTER, credentials.computerId())
            .header(AgentProtocol.HEADER_TIMESTAMP, Long.toString(timestamp))
            .header(AgentProtocol.HEADER_NONCE, nonce)
            .header(AgentProtocol.HEADER_SIGNATURE, signature);
    }

    /** Sends with retries; returns the first answer that is not worth retrying (anything but 5xx / 429). */
    private HttpResponse<byte[]> exchange(RequestFactory factory, String what) throws IngestUnavailableException {
        String lastProblem = "no attempt";
        for (int attempt = 1; attempt <= backoff.attempts(); attempt++) {
            if (attempt > 1) {
                try {
                    backoff.sleeper().sleep(backoff.delayBefore(attempt));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IngestUnavailableException(what + ": interrupted while waiting to retry");
                }
            }
            try {
                HttpResponse<byte[]> response = http.send(factory.create(), HttpResponse.BodyHandlers.ofByteArray());
                int status = response.statusCode();
                if (status < 500 && status != 429) {
                    return response;
                }
                lastProblem = "HTTP " + status + ": " + errorText(response);
            } catch (IOException e) {
                lastProblem = e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IngestUnavailableException(what + ": interrupted");
            }
        }
        throw new IngestUnavailableException(what + " to " + server + " failed after " + backoff.attempts()
            + " attempts: " + lastProblem);
    }

    private <T> T read(HttpResponse<byte[]> response, Class<T> type, String what)
        throws IngestUnavailableException, IngestRejectedException {
        int status = response.statusCode();
        if (status != 200 && status != 201) {
            ErrorBody error = errorBody(response);
            throw new IngestRejectedException(status, error == null ? null : error.error(),
                what + ": HTTP " + status + ": " + errorText(response));
        }
        try {
            return json.readValue(response.body(), type);
        } catch (IOException | IllegalArgumentException e) {
            throw new IngestUnavailableException(what + ": unreadable answer (HTTP " + status + "): " + preview(response)
                + ": " + firstLine(e.getMessage()), e);
        }
    }

    private ErrorBody errorBody(HttpResponse<byte[]> response) {
        try {
            return json.readValue(response.body(), ErrorBody.class);
        } catch (IOException | IllegalArgumentException e) {
            return null;
        }
    }

    private String errorText(HttpResponse<byte[]> response) {
        ErrorBody error = errorBody(response);
        if (error == null) {
            return "(no error body) " + preview(response);
        }
        return error.error() + (error.field() == null ? "" : " field " + error.field()) + ": " + error.message();
    }

    private static String firstLine(String text) {
        if (text == null) {
            return "";
        }
        int newline = text.indexOf('\n');
        return newline < 0 ? text : text.substring(0, newline);
    }

    private static String preview(HttpResponse<byte[]> response) {
        String text = new String(response.body(), StandardCharsets.UTF_8).replaceAll("\\s+", " ").trim();
        return "'" + (text.length() > 200 ? text.substring(0, 200) + "..." : text) + "'";
    }

    private byte[] write(Object value) {
        try {
            return json.writeValueAsBytes(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write " + value.getClass().getSimpleName() + " as JSON", e);
        }
    }

    private URI resolve(String path) {
        String base = server.toString();
        return URI.create((base.endsWith("/") ? base.substring(0, base.length() - 1) : base) + path);
    }

    static byte[] gzip(byte[] body) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(Math.max(64, body.length / 4));
        try (GZIPOutputStream out = new GZIPOutputStream(bytes)) {
            out.write(body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    @FunctionalInterface
    private interface RequestFactory {
        HttpRequest create();
    }
}
