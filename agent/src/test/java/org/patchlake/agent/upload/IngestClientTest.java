package org.patchlake.agent.upload;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.patchlake.agent.spool.Spool;
import org.patchlake.agent.spool.SpooledMessage;
import org.patchlake.agent.spool.SpooledMessage.MessageKind;
import org.patchlake.core.protocol.AgentProtocol;
import org.patchlake.core.protocol.AgentSignature;
import org.patchlake.core.protocol.EnrollRequest;
import org.patchlake.core.protocol.OsIdentity;

/**
 * Bad answers from a server, played by a hand-written HTTP fake (the real server never sends most of them).
 * The fake checks every signed request's HMAC signature and the gzip body, so a client bug shows up as a 401.
 */
class IngestClientTest {

    static final Credentials CREDENTIALS = new Credentials("c-1", "s3cret");

    /** One scripted answer. */
    record Answer(int status, String body) {
    }

    @TempDir
    Path directory;

    private HttpServer server;
    private final List<Answer> script = new CopyOnWriteArrayList<>();
    private final List<String> problems = new CopyOnWriteArrayList<>();
    private final List<String> received = new CopyOnWriteArrayList<>();
    private IngestClient client;
    private SpooledMessage message;

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", this::handle);
        server.start();
        client = new IngestClient(URI.create("http://127.0.0.1:" + server.getAddress().getPort()),
            IngestClient.defaultHttpClient(), AgentJson.mapper(), Clock.systemUTC(),
            new Backoff(3, Duration.ofMillis(1), Duration.ofMillis(1), Backoff.NO_SLEEP), Duration.ofSeconds(5));
        message = new Spool(directory, 1 << 20).append(MessageKind.INVENTORY, "m-1",
            "{\"messageId\":\"m-1\"}".getBytes(StandardCharsets.UTF_8));
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    private void handle(HttpExchange exchange) throws IOException {
        byte[] body = exchange.getRequestBody().readAllBytes();
        String path = exchange.getRequestURI().getPath();
        if (!path.equals(AgentProtocol.ENROLL_PATH)) {
            String timestamp = exchange.getRequestHeaders().getFirst(AgentProtocol.HEADER_TIMESTAMP);
            String nonce = exchange.getRequestHeaders().getFirst(AgentProtocol.HEADER_NONCE);
            AgentSignature signature = AgentSignature.of(exchange.getRequestMethod(), path, Long.parseLong(timestamp), nonce, body);
            if (!signature.verify(CREDENTIALS.agentSecret(),
                exchange.getRequestHeaders().getFirst(AgentProtocol.HEADER_SIGNATURE))
                || !CREDENTIALS.computerId().equals(exchange.getRequestHeaders().getFirst(AgentProtocol.HEADER_COMPUTER))) {
                problems.add("bad signature on " + path);
            }
            if ("gzip".equals(exchange.getRequestHeaders().getFirst("Content-Encoding"))) {
                received.add(new String(new GZIPInputStream(new ByteArrayInputStream(body)).readAllBytes(), StandardCharsets.UTF_8));
            }
        }
        Answer answer = script.isEmpty() ? new Answer(500, "script exhausted") : script.remove(0);
        byte[] bytes = answer.body().getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(answer.status(), bytes.length == 0 ? -1 : bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    private void answers(Answer... answers) {
        script.addAll(List.of(answers));
    }

    @Test
    void an_acknowledged_upload_was_signed_and_gzipped_and_carried_the_spooled_bytes() {
        answers(new Answer(200, "{\"messageId\":\"m-1\",\"receivedAt\":\"2026-11-22T00:00:00Z\"}"));
        assertThat(client.send(message, CREDENTIALS)).isEqualTo(new SendOutcome.Acknowledged(false));
        assertThat(problems).isEmpty();
        assertThat(received).containsExactly("{\"messageId\":\"m-1\"}");
    }

    @Test
    void server_errors_are_retried_with_backoff_and_then_left_for_later() {
        answers(new Answer(503, "{\"error\":\"unavailable\",\"message\":\"landing is full\"}"), new Answer(502, "<html>bad gateway</html>"),
            new Answer(500, ""));
        SendOutcome outcome = client.send(message, CREDENTIALS);
        assertThat(outcome).isInstanceOf(SendOutcome.NotDelivered.class);
        assertThat(((SendOutcome.NotDelivered) outcome).reason()).contains("after 3 attempts").contains("HTTP 500");
        assertThat(received).hasSize(3);
        assertThat(problems).isEmpty();
    }

    @Test
    void a_server_error_followed_by_success_is_delivered_within_one_send() {
        answers(new Answer(503, "{\"error\":\"unavailable\",\"message\":\"restarting\"}"), new Answer(200, "{\"messageId\":\"m-1\",\"receivedAt\":\"2026-11-22T00:00:00Z\"}"));
        assertThat(client.send(message, CREDENTIALS)).isInstanceOf(SendOutcome.Acknowledged.class);
        assertThat(received).hasSize(2);
    }

    @Test
    void a_garbled_or_mismatched_acknowledgement_does_not_count_as_delivered() {
        answers(new Answer(200, "<html>captive portal</html>"));
        assertThat(client.send(message, CREDENTIALS)).isInstanceOfSatisfying(SendOutcome.NotDelivered.class,
            outcome -> assertThat(outcome.reason()).contains("unreadable acknowledgement").contains("captive portal"));
        answers(new Answer(200, "{\"messageId\":\"m-2\",\"receivedAt\":\"2026-11-22T00:00:00Z\"}"));
        assertThat(client.send(message, CREDENTIALS)).isInstanceOfSatisfying(SendOutcome.NotDelivered.class,
            outcome -> assertThat(outcome.reason()).contains("acknowledged m-2 instead of m-1"));
    }

    @Test
    void a_schema_violation_is_a_permanent_rejection_carrying_the_servers_explanation() {
        answers(new Answer(400, "{\"error\":\"schema_violation\",\"field\":\"installedUpdates[0].kb\",\"message\":\"must look like KB5034441\"}"));
        assertThat(client.send(message, CREDENTIALS)).isInstanceOfSatisfying(SendOutcome.Rejected.class, outcome -> {
            assertThat(outcome.status()).isEqualTo(400);
            assertThat(outcome.reason()).contains("schema_violation").contains("installedUpdates[0].kb");
        });
        assertThat(received).as("no retry of a 400").hasSize(1);
    }

    @Test
    void authentication_failures_keep_the_message_for_later_instead_of_dropping_it() {
        answers(new Answer(401, "{\"error\":\"clock_skew\",\"message\":\"fix the clock\"}"));
        assertThat(client.send(message, CREDENTIALS)).isInstanceOfSatisfying(SendOutcome.NotDelivered.class,
            outcome -> assertThat(outcome.reason()).contains("clock_skew"));
    }

    @Test
    void an_unreachable_server_is_reported_not_thrown() throws IOException {
        server.stop(0);
        assertThat(client.send(message, CREDENTIALS)).isInstanceOfSatisfying(SendOutcome.NotDelivered.class,
            outcome -> assertThat(outcome.reason()).contains("failed after 3 attempts"));
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    }

    @Test
    void enrollment_errors_say_whether_retrying_can_help() {
        EnrollRequest request = new EnrollRequest("plt_bad", "WS-1", null,
            new OsIdentity("Microsoft Windows 10 Enterprise", "10.0.17763", "17763.253", null, "x64", null), "hw-1", "0.1.0",
            null, null);
        answers(new Answer(403, "{\"error\":\"bad_enrollment_token\",\"message\":\"unknown or revoked token\"}"));
        assertThatThrownBy(() -> client.enroll(request)).isInstanceOfSatisfying(IngestRejectedException.class, e -> {
            assertThat(e.status()).isEqualTo(403);
            assertThat(e.error()).isEqualTo("bad_enrollment_token");
        });
        answers(new Answer(200, "not json"));
        assertThatThrownBy(() -> client.enroll(request)).isInstanceOf(IngestUnavailableException.class)
            .hasMessageContaining("unreadable answer").hasMessageContaining("not json");
        answers(new Answer(200, "{\"computerId\":\"c-1\"}"));
        assertThatThrownBy(() -> client.enroll(request)).as("a valid JSON that breaks the contract")
            .isInstanceOf(IngestUnavailableException.class).hasMessageContaining("agentSecret");
    }

    @Test
    void a_policy_check_in_is_signed_with_a_fresh_nonce() throws Exception {
        String policies = "{\"computerId\":\"c-1\",\"generatedAt\":\"2026-11-22T00:00:00Z\",\"policies\":[],"
            + "\"settings\":{\"scanIntervalMinutes\":240,\"checkInIntervalMinutes\":60,\"stalenessDays\":14}}";
        answers(new Answer(200, policies), new Answer(200, policies));
        assertThat(client.policies(CREDENTIALS).settings().scanIntervalMinutes()).isEqualTo(240);
        assertThat(client.policies(CREDENTIALS).policies()).isEmpty();
        assertThat(problems).isEmpty();
        List<String> noProblems = new ArrayList<>(problems);
        assertThat(noProblems).isEmpty();
    }
}
