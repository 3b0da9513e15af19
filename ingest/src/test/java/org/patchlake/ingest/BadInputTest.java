package org.patchlake.ingest;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.patchlake.core.protocol.AgentProtocol;
import org.patchlake.core.protocol.MissingUpdate;
import org.patchlake.core.protocol.WindowsUpdateSearchSource;
import org.patchlake.core.protocol.WindowsUpdateVerdict;
import org.patchlake.ingest.client.ProtocolClient;

import static org.assertj.core.api.Assertions.assertThat;

/** Every kind of bad input gets a clear 4xx JSON error naming the field, and nothing reaches landing. */
class BadInputTest {
    private static final int MAX_BODY = 64 * 1024;
    private static final int MAX_DECOMPRESSED = 512 * 1024;

    @TempDir
    Path data;
    IngestFixture ingest;
    ProtocolClient.Credentials agent;
    Map<String, Long> landingBefore;

    @BeforeEach
    void start() {
        ingest = new IngestFixture(data, IngestConfig.defaults(data).withBodyLimits(MAX_BODY, MAX_DECOMPRESSED));
        agent = ingest.enroll(1);
        landingBefore = LandingFiles.snapshot(ingest.landing());
    }

    @AfterEach
    void stop() {
        assertThat(LandingFiles.snapshot(ingest.landing())).as("landing must be unchanged").isEqualTo(landingBefore);
        ingest.close();
    }

    @Test
    void malformed_json_is_rejected() {
        HttpResponse<String> response = postInventory("m-1", "{\"messageId\": \"m-1\", ".getBytes(StandardCharsets.UTF_8), true);

        assertError(response, 400, "malformed_json", null);
    }

    @Test
    void a_bad_kb_deep_in_the_list_is_rejected_naming_its_path() {
        String json = new String(ingest.inventoryJson(agent, "m-1"), StandardCharsets.UTF_8);
        int second = json.indexOf("\"kb\":\"KB", json.indexOf("\"kb\":\"KB") + 1);
        String broken = json.substring(0, second) + "\"kb\":\"" + json.substring(second + "\"kb\":\"KB".length());

        HttpResponse<String> response = postInventory("m-1", broken.getBytes(StandardCharsets.UTF_8), true);

        JsonNode error = assertError(response, 400, "schema_violation", "installedUpdates[1].kb");
        assertThat(error.get("message").asText()).contains("KB5034441");
    }

    @Test
    void an_unknown_field_or_a_bad_value_inside_an_installed_update_is_rejected_naming_its_path() {
        String json = new String(ingest.inventoryJson(agent, "m-1"), StandardCharsets.UTF_8);
        int second = json.indexOf("\"kb\":\"KB", json.indexOf("\"kb\":\"KB") + 1);

        String unknown = json.substring(0, second) + "\"color\":\"red\"," + json.substring(second);
        assertError(postInventory("m-1", unknown.getBytes(StandardCharsets.UTF_8), true), 400, "schema_violation", "installedUpdates[1].color");
        String badSource = json.replaceFirst("\"source\":\"[A-Z_]+\"", "\"source\":\"FLOPPY\"");
        assertError(postInventory("m-1", badSource.getBytes(StandardCharsets.UTF_8), true), 400, "schema_violation", "installedUpdates[0].source");
        String numericKb = json.replaceFirst("\"kb\":\"KB[0-9]+\"", "\"kb\":5034441");
        assertError(postInventory("m-1", numericKb.getBytes(StandardCharsets.UTF_8), true), 400, "schema_violation", "installedUpdates[0].kb");
        String missingSource = json.replaceFirst(",\"source\":\"[A-Z_]+\"", "");
        assertError(postInventory("m-1", missingSource.getBytes(StandardCharsets.UTF_8), true), 400, "schema_violation", "installedUpdates[0].source");
    }

    @Test
    void a_missing_required_field_is_rejected_naming_it() {
        String json = new String(ingest.inventoryJson(agent, "m-1"), StandardCharsets.UTF_8);

        String withoutDuration = json.replaceAll(",\"scanDurationMs\":[0-9]+", "");
        assertError(postInventory("m-1", withoutDuration.getBytes(StandardCharsets.UTF_8), true), 400, "schema_violation", "scanDurationMs");
        String withUnknown = json.replace("\"scanDurationMs\":", "\"unknownField\":1,\"scanDurationMs\":");
        assertError(postInventory("m-1", withUnknown.getBytes(StandardCharsets.UTF_8), true), 400, "schema_violation", "unknownField");
    }

    @Test
    void a_bad_windows_update_verdict_is_rejected_naming_the_field_inside_it() {
        WindowsUpdateVerdict verdict = new WindowsUpdateVerdict(WindowsUpdateSearchSource.ONLINE, Instant.parse("2026-11-21T10:00:00Z"),
                List.of(new MissingUpdate("KB5034441", "2026-01 Cumulative Update (KB5034441)", "3b1c7a52-0d1e-4c39-9c55-0f9e7c1d2a11",
                        "Security Updates", "Critical")), null, null);
        String json = new String(ingest.inventoryJson(agent, "m-1", verdict), StandardCharsets.UTF_8);
        assertThat(json).contains("\"windowsUpdate\":{");

        String withoutSource = json.replace("\"source\":\"ONLINE\",", "");
        assertError(postInventory("m-1", bytes(withoutSource), true), 400, "schema_violation", "windowsUpdate.source");
        String badSource = json.replace("\"source\":\"ONLINE\"", "\"source\":\"CARRIER_PIGEON\"");
        assertError(postInventory("m-1", bytes(badSource), true), 400, "schema_violation", "windowsUpdate.source");
        String badKb = json.replace("\"kb\":\"KB5034441\",\"title\"", "\"kb\":\"5034441x\",\"title\"");
        assertError(postInventory("m-1", bytes(badKb), true), 400, "schema_violation", "windowsUpdate.missing[0].kb");
        String noTitle = json.replaceFirst("\"title\":\"[^\"]+\",", "");
        assertError(postInventory("m-1", bytes(noTitle), true), 400, "schema_violation", "windowsUpdate.missing[0].title");
        String unknown = json.replace("\"windowsUpdate\":{", "\"windowsUpdate\":{\"color\":\"red\",");
        assertError(postInventory("m-1", bytes(unknown), true), 400, "schema_violation", "windowsUpdate.color");
        String failedWithList = json.replace("\"windowsUpdate\":{", "\"windowsUpdate\":{\"errorCode\":\"0x8024402C\",");
        JsonNode error = assertError(postInventory("m-1", bytes(failedWithList), true), 400, "schema_violation", "windowsUpdate.missing");
        assertThat(error.get("message").asText()).contains("must be empty when the search failed");
        assertThat(json).as("windowsUpdate is the last field").endsWith("]}}");
        String notAnObject = json.substring(0, json.indexOf("\"windowsUpdate\":")) + "\"windowsUpdate\":[]}";
        assertError(postInventory("m-1", bytes(notAnObject), true), 400, "schema_violation", "windowsUpdate");
    }

    private static byte[] bytes(String json) {
        return json.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void a_wrongly_typed_date_is_rejected_naming_the_field() {
        String json = new String(ingest.inventoryJson(agent, "m-1"), StandardCharsets.UTF_8)
                .replaceFirst("\"scannedAt\":\"[^\"]+\"", "\"scannedAt\":\"31/02/2026\"");

        assertError(postInventory("m-1", json.getBytes(StandardCharsets.UTF_8), true), 400, "schema_violation", "scannedAt");
    }

    @Test
    void numbers_for_timestamps_and_strings_for_numbers_are_rejected() {
        String json = new String(ingest.inventoryJson(agent, "m-1"), StandardCharsets.UTF_8);

        String epochTimestamp = json.replaceFirst("\"scannedAt\":\"[^\"]+\"", "\"scannedAt\":1763719200");
        assertError(postInventory("m-1", epochTimestamp.getBytes(StandardCharsets.UTF_8), true), 400, "schema_violation", "scannedAt");
        String quotedNumber = json.replaceFirst("\"scanDurationMs\":([0-9]+)", "\"scanDurationMs\":\"$1\"");
        assertError(postInventory("m-1", quotedNumber.getBytes(StandardCharsets.UTF_8), true), 400, "schema_violation", "scanDurationMs");
    }

    @Test
    void a_fraction_in_a_whole_number_field_is_refused() {
        String json = new String(ingest.inventoryJson(agent, "m-1"), StandardCharsets.UTF_8);

        String fraction = json.replaceFirst("\"scanDurationMs\":[0-9]+", "\"scanDurationMs\":1.5");
        assertError(postInventory("m-1", fraction.getBytes(StandardCharsets.UTF_8), true), 400, "schema_violation", "scanDurationMs");
        String wholeButFloat = json.replaceFirst("\"scanDurationMs\":[0-9]+", "\"scanDurationMs\":1.0");
        assertError(postInventory("m-1", wholeButFloat.getBytes(StandardCharsets.UTF_8), true), 400, "schema_violation", "scanDurationMs");
        String exponent = json.replaceFirst("\"scanDurationMs\":[0-9]+", "\"scanDurationMs\":1e3");
        assertError(postInventory("m-1", exponent.getBytes(StandardCharsets.UTF_8), true), 400, "schema_violation", "scanDurationMs");
        String deliveries = new String(ingest.json.write(ingest.samples.delivery("m-1", agent.computerId(), Instant.now())),
                StandardCharsets.UTF_8).replaceFirst("\"attempt\":1", "\"attempt\":1.5");
        assertError(post(AgentProtocol.DELIVERIES_PATH, "m-1", deliveries), 400, "schema_violation", "attempts[0].attempt");
        String enrollment = new String(ingest.json.write(ingest.samples.enrollment(ingest.token, 1)), StandardCharsets.UTF_8)
                .replaceFirst("\"managedLevel\":([0-9])", "\"managedLevel\":$1.5");
        assertError(ingest.client.enroll(enrollment.getBytes(StandardCharsets.UTF_8)), 400, "schema_violation", "managedLevel");
    }

    @Test
    void a_json_null_body_is_a_schema_violation_on_every_route() {
        byte[] nullBody = "null".getBytes(StandardCharsets.UTF_8);

        assertError(ingest.client.enroll(nullBody), 400, "schema_violation", null);
        assertError(postInventory("m-1", nullBody, false), 400, "schema_violation", null);
        assertError(postInventory("m-1", nullBody, true), 400, "schema_violation", null);
        assertError(post(AgentProtocol.DELIVERIES_PATH, "m-1", "null"), 400, "schema_violation", null);
        assertError(ingest.client.enroll(" null ".getBytes(StandardCharsets.UTF_8)), 400, "schema_violation", null);
    }

    @Test
    void json_null_in_place_of_a_list_entry_or_an_object_is_a_schema_violation() {
        String json = new String(ingest.inventoryJson(agent, "m-1"), StandardCharsets.UTF_8);
        List<String> variants = List.of(
                json.replaceFirst("\"installedUpdates\":\\[", "\"installedUpdates\":[null,"),
                json.replaceFirst("\"os\":\\{", "\"os\":null,\"unused\":{"),
                json.replaceFirst("\"scanDurationMs\":[0-9]+", "\"scanDurationMs\":null"));
        for (String variant : variants) {
            HttpResponse<String> response = postInventory("m-1", variant.getBytes(StandardCharsets.UTF_8), true);
            assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
            assertThat(IngestFixture.parse(response.body()).get("error").asText()).as(response.body()).isEqualTo("schema_violation");
        }
        String attempts = new String(ingest.json.write(ingest.samples.delivery("m-1", agent.computerId(), Instant.now())),
                StandardCharsets.UTF_8).replaceFirst("\"attempts\":\\[", "\"attempts\":[null,");
        HttpResponse<String> response = post(AgentProtocol.DELIVERIES_PATH, "m-1", attempts);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
    }

    @Test
    void a_timestamp_far_in_the_future_is_refused_naming_the_field() {
        String json = new String(ingest.inventoryJson(agent, "m-1"), StandardCharsets.UTF_8);

        String farFuture = json.replaceFirst("\"scannedAt\":\"[^\"]+\"", "\"scannedAt\":\"+99999-01-01T00:00:00Z\"");
        JsonNode error = assertError(postInventory("m-1", farFuture.getBytes(StandardCharsets.UTF_8), true), 400, "schema_violation", "scannedAt");
        assertThat(error.get("message").asText()).contains("+99999-01-01T00:00:00Z", "2000-01-01T00:00:00Z");
        String dayAndMore = json.replaceFirst("\"scannedAt\":\"[^\"]+\"", "\"scannedAt\":\"" + Instant.now().plus(Duration.ofHours(25)) + "\"");
        assertError(postInventory("m-1", dayAndMore.getBytes(StandardCharsets.UTF_8), true), 400, "schema_violation", "scannedAt");
        String withOffset = json.replaceFirst("\"scannedAt\":\"[^\"]+\"", "\"scannedAt\":\"2999-01-01T00:00:00+02:00\"");
        assertError(postInventory("m-1", withOffset.getBytes(StandardCharsets.UTF_8), true), 400, "schema_violation", "scannedAt");
    }

    @Test
    void every_timestamp_and_date_of_the_agent_protocol_is_bounded_by_2000_and_the_allowed_skew() {
        String json = new String(ingest.inventoryJson(agent, "m-1"), StandardCharsets.UTF_8);

        String oldScan = json.replaceFirst("\"scannedAt\":\"[^\"]+\"", "\"scannedAt\":\"1999-12-31T23:59:59Z\"");
        assertError(postInventory("m-1", oldScan.getBytes(StandardCharsets.UTF_8), true), 400, "schema_violation", "scannedAt");
        String boot = json.replaceFirst("\"lastBootAt\":\"[^\"]+\"", "\"lastBootAt\":\"3000-01-01T00:00:00Z\"");
        assertError(postInventory("m-1", boot.getBytes(StandardCharsets.UTF_8), true), 400, "schema_violation", "lastBootAt");
        String futureInstall = json.replaceFirst("\"installedOn\":\"[^\"]+\"", "\"installedOn\":\"2999-12-31\"");
        assertError(postInventory("m-1", futureInstall.getBytes(StandardCharsets.UTF_8), true), 400, "schema_violation",
                "installedUpdates[0].installedOn");
        String ancientInstall = json.replaceFirst("\"installedOn\":\"[^\"]+\"", "\"installedOn\":\"1999-12-31\"");
        assertError(postInventory("m-1", ancientInstall.getBytes(StandardCharsets.UTF_8), true), 400, "schema_violation",
                "installedUpdates[0].installedOn");
        String deliveries = new String(ingest.json.write(ingest.samples.delivery("m-1", agent.computerId(), Instant.now())),
                StandardCharsets.UTF_8);
        String futureEnd = deliveries.replaceFirst("\"endedAt\":\"[^\"]+\"", "\"endedAt\":\"+99999-01-01T00:00:00Z\"");
        assertError(post(AgentProtocol.DELIVERIES_PATH, "m-1", futureEnd), 400, "schema_violation", "attempts[0].endedAt");
        String oldStart = deliveries.replaceFirst("\"startedAt\":\"[^\"]+\"", "\"startedAt\":\"1970-01-01T00:00:00Z\"");
        assertError(post(AgentProtocol.DELIVERIES_PATH, "m-1", oldStart), 400, "schema_violation", "attempts[0].startedAt");
    }

    @Test
    void an_oversized_body_is_refused_before_it_is_read() {
        byte[] huge = new byte[MAX_BODY + 1];

        assertError(postInventory("m-1", huge, false), 413, "body_too_large", "Content-Length");
    }

    @Test
    void a_gzip_bomb_is_refused_at_the_decompressed_limit() {
        byte[] bomb = ProtocolClient.gzip(new byte[50 * 1024 * 1024]);
        assertThat(bomb.length).isLessThan(MAX_BODY);

        assertError(postGzipped("m-1", bomb), 413, "body_too_large", "body");
    }

    @Test
    void bad_gzip_is_rejected() {
        byte[] gzip = ProtocolClient.gzip(ingest.inventoryJson(agent, "m-1"));
        gzip[gzip.length / 2] ^= 0x55;
        gzip[gzip.length / 2 + 1] ^= 0x55;

        assertError(postGzipped("m-1", gzip), 400, "bad_gzip", "body");
    }

    @Test
    void an_unknown_agent_is_refused() {
        ProtocolClient.Credentials stranger = new ProtocolClient.Credentials("c-00000000deadbeef", agent.secret());

        HttpResponse<String> response = ingest.client.post(AgentProtocol.INVENTORY_PATH, stranger, "m-1",
                ingest.inventoryJson(stranger, "m-1"), true);

        assertError(response, 401, "unknown_computer", AgentProtocol.HEADER_COMPUTER);
    }

    @Test
    void a_revoked_agent_is_refused_and_cannot_re_enroll() {
        assertThat(ingest.server.service().registry().revokeComputer(agent.computerId())).isTrue();

        assertError(postInventory("m-1", ingest.inventoryJson(agent, "m-1"), false), 403, "computer_revoked", AgentProtocol.HEADER_COMPUTER);
        assertError(ingest.client.enroll(ingest.json.write(ingest.samples.enrollment(ingest.token, 1))), 403, "computer_revoked", "hardwareId");
    }

    @Test
    void a_bad_signature_is_refused() {
        ProtocolClient.Credentials forger = new ProtocolClient.Credentials(agent.computerId(), "not-the-secret");

        HttpResponse<String> response = ingest.client.post(AgentProtocol.INVENTORY_PATH, forger, "m-1",
                ingest.inventoryJson(agent, "m-1"), true);

        assertError(response, 401, "bad_signature", AgentProtocol.HEADER_SIGNATURE);
    }

    @Test
    void a_body_changed_after_signing_is_refused() {
        HttpRequest signed = ingest.client.signed(AgentProtocol.INVENTORY_PATH, "POST", agent, "m-1",
                ingest.inventoryJson(agent, "m-1"), System.currentTimeMillis(), false);
        HttpRequest tampered = HttpRequest.newBuilder(signed, (name, value) -> true)
                .POST(HttpRequest.BodyPublishers.ofByteArray(ingest.inventoryJson(agent, "m-1")))
                .build();

        assertError(ingest.client.send(tampered), 401, "bad_signature", AgentProtocol.HEADER_SIGNATURE);
    }

    @Test
    void a_request_outside_the_clock_skew_window_is_refused_as_a_replay() {
        long tenMinutesAgo = System.currentTimeMillis() - Duration.ofMinutes(10).toMillis();
        HttpRequest old = ingest.client.signed(AgentProtocol.INVENTORY_PATH, "POST", agent, "m-1",
                ingest.inventoryJson(agent, "m-1"), tenMinutesAgo, false);

        assertError(ingest.client.send(old), 401, "clock_skew", AgentProtocol.HEADER_TIMESTAMP);
    }

    @Test
    void missing_credentials_are_refused() {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + ingest.server.port() + AgentProtocol.INVENTORY_PATH))
                .POST(HttpRequest.BodyPublishers.ofByteArray(ingest.inventoryJson(agent, "m-1"))).build();

        assertError(ingest.client.send(request), 401, "missing_credentials", AgentProtocol.HEADER_COMPUTER);
    }

    @Test
    void an_unknown_protocol_version_is_refused() {
        HttpResponse<String> response = ingest.client.post("/api/agent/v2/inventory", agent, "m-1",
                ingest.inventoryJson(agent, "m-1"), true);

        assertError(response, 404, "unsupported_protocol_version", "path");
    }

    @Test
    void a_body_for_another_computer_or_message_id_is_refused() {
        assertError(postInventory("m-2", ingest.inventoryJson(agent, "m-1"), true), 400, "mismatch", "messageId");
        ProtocolClient.Credentials other = ingest.enroll(2);
        landingBefore = LandingFiles.snapshot(ingest.landing());
        assertError(postInventory("m-1", ingest.inventoryJson(other, "m-1"), true), 400, "mismatch", "computerId");
    }

    @Test
    void an_unknown_enrollment_token_is_refused() {
        byte[] request = ingest.json.write(ingest.samples.enrollment("plt_t-000000_nope", 99));

        assertError(ingest.client.enroll(request), 403, "bad_enrollment_token", "enrollmentToken");
    }

    @Test
    void an_unsupported_content_encoding_is_refused() {
        HttpRequest signed = ingest.client.signed(AgentProtocol.INVENTORY_PATH, "POST", agent, "m-1",
                ingest.inventoryJson(agent, "m-1"), System.currentTimeMillis(), false);
        HttpRequest brotli = HttpRequest.newBuilder(signed, (name, value) -> true).header("Content-Encoding", "br").build();

        assertError(ingest.client.send(brotli), 415, "unsupported_media_type", "Content-Encoding");
    }

    private HttpResponse<String> postInventory(String messageId, byte[] body, boolean gzip) {
        HttpRequest request = ingest.client.signed(AgentProtocol.INVENTORY_PATH, "POST", agent, messageId,
                gzip ? ProtocolClient.gzip(body) : body, System.currentTimeMillis(), gzip);
        return ingest.client.send(request);
    }

    private HttpResponse<String> post(String path, String messageId, String json) {
        return ingest.client.send(ingest.client.signed(path, "POST", agent, messageId, json.getBytes(StandardCharsets.UTF_8),
                System.currentTimeMillis(), false));
    }

    private HttpResponse<String> postGzipped(String messageId, byte[] gzipped) {
        return ingest.client.send(ingest.client.signed(AgentProtocol.INVENTORY_PATH, "POST", agent, messageId, gzipped,
                System.currentTimeMillis(), true));
    }

    private static JsonNode assertError(HttpResponse<String> response, int status, String code, String field) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("application/json"));
        JsonNode error = IngestFixture.parse(response.body());
        assertThat(error.get("error").asText()).as(response.body()).isEqualTo(code);
        if (field == null) {
            assertThat(error.get("field")).isNull();
        } else {
            assertThat(error.get("field").asText()).as(response.body()).isEqualTo(field);
        }
        assertThat(error.get("message").asText()).isNotBlank();
        return error;
    }
}
