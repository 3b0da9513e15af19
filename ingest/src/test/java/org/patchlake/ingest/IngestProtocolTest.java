package org.patchlake.ingest;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayInputStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.zip.GZIPInputStream;
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

class IngestProtocolTest {
    @TempDir
    Path data;
    IngestFixture ingest;

    @BeforeEach
    void start() {
        ingest = new IngestFixture(data);
    }

    @AfterEach
    void stop() {
        ingest.close();
    }

    @Test
    void enrolling_twice_with_the_same_hardware_id_returns_the_same_computer_and_retires_the_old_secret() {
        ProtocolClient.Credentials first = ingest.enroll(7);
        ProtocolClient.Credentials second = ingest.enroll(7);
        ProtocolClient.Credentials other = ingest.enroll(8);

        assertThat(second.computerId()).isEqualTo(first.computerId()).startsWith("c-");
        assertThat(other.computerId()).isNotEqualTo(first.computerId());
        assertThat(second.secret()).isNotEqualTo(first.secret());
        assertThat(ingest.postInventory(first, "m-old-secret").statusCode()).isEqualTo(401);
        assertThat(ingest.postInventory(second, "m-new-secret").statusCode()).isEqualTo(200);
    }

    @Test
    void another_token_of_the_same_site_re_enrolls_a_computer() {
        ProtocolClient.Credentials first = ingest.enroll(7);
        String sameSite = ingest.server.service().registry().createToken("berlin", "emea", null).clearText();

        HttpResponse<String> response = ingest.client.enroll(ingest.json.write(ingest.samples.enrollment(sameSite, 7)));

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(IngestFixture.parse(response.body()).get("computerId").asText()).isEqualTo(first.computerId());
    }

    @Test
    void a_token_of_another_site_cannot_take_over_a_computer_by_re_enrolling_it() {
        ProtocolClient.Credentials agent = ingest.enroll(7);
        String paris = ingest.server.service().registry().createToken("paris", "emea", null).clearText();
        String tokyo = ingest.server.service().registry().createToken("tokyo", "apac", null).clearText();

        for (String otherSite : List.of(paris, tokyo)) {
            HttpResponse<String> response = ingest.client.enroll(ingest.json.write(ingest.samples.enrollment(otherSite, 7)));
            assertThat(response.statusCode()).as(response.body()).isEqualTo(403);
            JsonNode error = IngestFixture.parse(response.body());
            assertThat(error.get("error").asText()).isEqualTo("computer_of_another_site");
            assertThat(error.get("field").asText()).isEqualTo("hardwareId");
            assertThat(error.get("message").asText()).doesNotContain(agent.computerId(), "berlin");
        }

        assertThat(ingest.postInventory(agent, "m-still-mine").statusCode()).isEqualTo(200);
        assertThat(ingest.server.service().registry().computer(agent.computerId()).site()).isEqualTo("berlin");
        ingest.server.service().sealLanding();
        assertThat(LandingFiles.sealedLines(ingest.landing(), "enrollment")).hasSize(1);
    }

    @Test
    void a_moved_computer_keeps_its_id_and_secret_lands_its_new_site_and_only_that_site_re_enrolls_it() {
        ProtocolClient.Credentials agent = ingest.enroll(7);
        String paris = ingest.server.service().registry().createToken("paris", "emea-west", null).clearText();

        var moved = ingest.server.service().moveComputer(agent.computerId(), "paris", "emea-west", "pat");

        assertThat(moved.before().site()).isEqualTo("berlin");
        assertThat(moved.after().site()).isEqualTo("paris");
        assertThat(ingest.postInventory(agent, "m-after-move").statusCode()).isEqualTo(200);
        HttpResponse<String> oldSite = ingest.client.enroll(ingest.json.write(ingest.samples.enrollment(ingest.token, 7)));
        assertThat(oldSite.statusCode()).as(oldSite.body()).isEqualTo(403);
        HttpResponse<String> newSite = ingest.client.enroll(ingest.json.write(ingest.samples.enrollment(paris, 7)));
        assertThat(newSite.statusCode()).as(newSite.body()).isEqualTo(200);
        assertThat(IngestFixture.parse(newSite.body()).get("computerId").asText()).isEqualTo(agent.computerId());
        ingest.server.service().sealLanding();
        List<JsonNode> lines = LandingFiles.sealedLines(ingest.landing(), "enrollment");
        assertThat(lines).extracting(line -> line.get("payload").get("site").asText()).containsExactly("berlin", "paris", "paris");
        JsonNode move = lines.get(1);
        assertThat(move.get("messageId").asText()).startsWith("move-" + agent.computerId() + "-");
        assertThat(move.get("payload").get("previousSite").asText()).isEqualTo("berlin");
        assertThat(move.get("payload").get("region").asText()).isEqualTo("emea-west");
        assertThat(move.get("payload").get("movedBy").asText()).isEqualTo("pat");
    }

    @Test
    void a_scan_time_up_to_the_allowed_skew_past_server_time_is_accepted() {
        ProtocolClient.Credentials agent = ingest.enroll(1);
        String json = new String(ingest.inventoryJson(agent, "m-ahead"), StandardCharsets.UTF_8).replaceFirst(
                "\"scannedAt\":\"[^\"]+\"", "\"scannedAt\":\"" + java.time.Instant.now().plus(java.time.Duration.ofHours(23)) + "\"");

        HttpResponse<String> response = ingest.client.post(AgentProtocol.INVENTORY_PATH, agent, "m-ahead",
                json.getBytes(StandardCharsets.UTF_8), true);

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    }

    @Test
    void enrollment_lands_with_site_and_region_of_the_token_and_without_the_token() {
        ProtocolClient.Credentials agent = ingest.enroll(1);
        ingest.server.service().sealLanding();

        List<JsonNode> lines = LandingFiles.sealedLines(ingest.landing(), "enrollment");
        assertThat(lines).hasSize(1);
        JsonNode envelope = lines.get(0);
        assertThat(envelope.get("kind").asText()).isEqualTo("enrollment");
        assertThat(envelope.get("computerId").asText()).isEqualTo(agent.computerId());
        assertThat(envelope.get("payload").get("site").asText()).isEqualTo("berlin");
        assertThat(envelope.get("payload").get("region").asText()).isEqualTo("emea");
        assertThat(envelope.toString()).doesNotContain(ingest.token);
    }

    @Test
    void gzip_inventory_is_acknowledged_and_landed_as_an_envelope_of_the_contract() {
        ProtocolClient.Credentials agent = ingest.enroll(1);

        HttpResponse<String> response = ingest.postInventory(agent, "m-1");

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(IngestFixture.parse(response.body()).get("messageId").asText()).isEqualTo("m-1");
        ingest.server.service().sealLanding();
        List<JsonNode> lines = LandingFiles.sealedLines(ingest.landing(), "inventory");
        assertThat(lines).hasSize(1);
        JsonNode envelope = lines.get(0);
        assertThat(envelope.get("messageId").asText()).isEqualTo("m-1");
        assertThat(envelope.get("computerId").asText()).isEqualTo(agent.computerId());
        assertThat(envelope.get("protocolVersion").asInt()).isEqualTo(1);
        assertThat(envelope.get("receivedAt").asText()).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d(\\.\\d{1,3})?Z");
        assertThat(envelope.get("payload").get("installedUpdates")).hasSize(300);
        assertThat(LandingFiles.incomingFiles(ingest.landing())).isEmpty();
    }

    @Test
    void windows_updates_verdict_is_accepted_and_landed_with_the_inventory_and_an_inventory_without_one_still_is() {
        ProtocolClient.Credentials agent = ingest.enroll(1);
        WindowsUpdateVerdict verdict = new WindowsUpdateVerdict(WindowsUpdateSearchSource.ONLINE, Instant.parse("2026-11-21T10:00:00Z"),
                List.of(new MissingUpdate("KB5034441", "2026-01 Cumulative Update (KB5034441)", "3b1c7a52-0d1e-4c39-9c55-0f9e7c1d2a11",
                        "Security Updates", "Critical"), new MissingUpdate(null, "Intel - Display - 31.0.101.4502", null, "Drivers", null)),
                null, null);

        HttpResponse<String> withVerdict = ingest.client.post("/api/agent/v1/inventory", agent, "m-wu",
                ingest.inventoryJson(agent, "m-wu", verdict), true);
        HttpResponse<String> failedSearch = ingest.client.post("/api/agent/v1/inventory", agent, "m-wu-failed",
                ingest.inventoryJson(agent, "m-wu-failed", new WindowsUpdateVerdict(WindowsUpdateSearchSource.ONLINE,
                        Instant.parse("2026-11-21T10:00:00Z"), List.of(), "0x8024402C", "no connection")), true);
        HttpResponse<String> without = ingest.postInventory(agent, "m-old-agent");

        assertThat(withVerdict.statusCode()).as(withVerdict.body()).isEqualTo(200);
        assertThat(failedSearch.statusCode()).as(failedSearch.body()).isEqualTo(200);
        assertThat(without.statusCode()).as(without.body()).isEqualTo(200);
        ingest.server.service().sealLanding();
        java.util.Map<String, JsonNode> landed = new java.util.HashMap<>();
        LandingFiles.sealedLines(ingest.landing(), "inventory").forEach(line -> landed.put(line.get("messageId").asText(), line));
        JsonNode landedVerdict = landed.get("m-wu").get("payload").get("windowsUpdate");
        assertThat(landedVerdict.get("source").asText()).isEqualTo("ONLINE");
        assertThat(landedVerdict.get("missing")).hasSize(2);
        assertThat(landedVerdict.get("missing").get(0).get("kb").asText()).isEqualTo("KB5034441");
        assertThat(landedVerdict.get("missing").get(1).has("kb")).isFalse();
        assertThat(landed.get("m-wu-failed").get("payload").get("windowsUpdate").get("errorCode").asText()).isEqualTo("0x8024402C");
        assertThat(landed.get("m-old-agent").get("payload").has("windowsUpdate")).isFalse();
    }

    @Test
    void a_plain_gzip_inventory_lands_in_the_agents_own_compression_without_being_deflated_again() throws Exception {
        ProtocolClient.Credentials agent = ingest.enroll(1);
        byte[] json = ingest.inventoryJson(agent, "m-spliced");
        byte[] gzip = ProtocolClient.gzip(json);

        HttpResponse<String> response = ingest.client.send(ingest.client.signed(AgentProtocol.INVENTORY_PATH, "POST", agent, "m-spliced",
                gzip, System.currentTimeMillis(), true));

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        ingest.server.service().sealLanding();
        List<Path> files;
        try (var walk = Files.walk(ingest.landing().resolve("inventory"))) {
            files = walk.filter(Files::isRegularFile).toList();
        }
        assertThat(files).hasSize(1);
        byte[] landed = Files.readAllBytes(files.get(0));
        assertThat(indexOf(landed, gzip)).as("the agent's gzip member, byte for byte, inside the landing file").isPositive();
        String line = new String(new GZIPInputStream(new ByteArrayInputStream(landed)).readAllBytes(),
                StandardCharsets.UTF_8);
        assertThat(line).endsWith(",\"payload\":" + new String(json, StandardCharsets.UTF_8) + "}\n");
        assertThat(IngestFixture.parse(line).get("messageId").asText()).isEqualTo("m-spliced");
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    @Test
    void a_pretty_printed_body_lands_as_sent_on_one_line() throws Exception {
        ProtocolClient.Credentials agent = ingest.enroll(1);
        JsonNode sent = IngestFixture.parse(new String(ingest.inventoryJson(agent, "m-pretty"), StandardCharsets.UTF_8));
        byte[] pretty = IngestFixture.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsBytes(sent);

        HttpResponse<String> response = ingest.client.post(AgentProtocol.INVENTORY_PATH, agent, "m-pretty", pretty, true);

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        ingest.server.service().sealLanding();
        List<JsonNode> lines = LandingFiles.sealedLines(ingest.landing(), "inventory");
        assertThat(lines).hasSize(1);
        assertThat(lines.get(0).get("payload")).isEqualTo(sent);
    }

    @Test
    void repeated_message_id_is_acknowledged_with_the_same_answer_and_stored_once() {
        ProtocolClient.Credentials agent = ingest.enroll(1);

        HttpResponse<String> first = ingest.postInventory(agent, "m-dup");
        HttpResponse<String> second = ingest.postInventory(agent, "m-dup");

        assertThat(second.statusCode()).isEqualTo(200);
        assertThat(second.body()).isEqualTo(first.body());
        assertThat(second.headers().firstValue(AgentProtocol.HEADER_DUPLICATE)).hasValue("true");
        ingest.server.service().sealLanding();
        assertThat(LandingFiles.sealedLines(ingest.landing(), "inventory")).hasSize(1);
    }

    @Test
    void deliveries_are_acknowledged_and_keep_unsigned_return_codes() {
        ProtocolClient.Credentials agent = ingest.enroll(1);
        byte[] json = ingest.json.write(ingest.samples.delivery("d-1", agent.computerId(), java.time.Instant.now()));

        HttpResponse<String> response = ingest.client.post(AgentProtocol.DELIVERIES_PATH, agent, "d-1", json, false);

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        ingest.server.service().sealLanding();
        JsonNode attempt = LandingFiles.sealedLines(ingest.landing(), "delivery").get(0).get("payload").get("attempts").get(0);
        assertThat(attempt.get("returnCode").asLong()).isEqualTo(0x80240017L);
        assertThat(attempt.get("outcome").asText()).isEqualTo("FAILED_WILL_RETRY");
    }

    @Test
    void policies_are_an_empty_well_formed_set_with_agent_settings() {
        ProtocolClient.Credentials agent = ingest.enroll(1);

        HttpResponse<String> response = ingest.client.getPolicies(agent, "n-1");

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        JsonNode body = IngestFixture.parse(response.body());
        assertThat(body.get("computerId").asText()).isEqualTo(agent.computerId());
        assertThat(body.get("policies")).isEmpty();
        assertThat(body.get("settings").get("scanIntervalMinutes").asInt()).isEqualTo(240);
    }

    @Test
    void unknown_routes_under_v1_and_wrong_methods_get_json_errors() {
        ProtocolClient.Credentials agent = ingest.enroll(1);

        HttpResponse<String> missing = ingest.client.post("/api/agent/v1/nothing", agent, "m-1", "{}".getBytes(StandardCharsets.UTF_8), false);
        HttpResponse<String> wrongMethod = ingest.client.post(AgentProtocol.POLICIES_PATH, agent, "m-1", "{}".getBytes(StandardCharsets.UTF_8), false);

        assertThat(missing.statusCode()).isEqualTo(404);
        assertThat(IngestFixture.parse(missing.body()).get("error").asText()).isEqualTo("not_found");
        assertThat(wrongMethod.statusCode()).isEqualTo(405);
    }
}
