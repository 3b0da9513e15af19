package org.patchlake.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.patchlake.ingest.client.ProtocolClient;
import org.patchlake.ingest.client.SampleInventories;
import org.patchlake.ingest.http.ProtocolJson;
import org.patchlake.web.auth.PasswordHasher;
import org.patchlake.web.auth.Role;
import org.patchlake.web.auth.Scope;
import org.patchlake.web.auth.SignInLimiter;
import org.patchlake.web.audit.AuditLog;
import org.patchlake.web.users.UserStore;

import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.EnumSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A token of another site cannot take a computer over by re-enrolling it; a platform administrator moves it instead,
 * from the UI or the API, audited, and the agent keeps working. Production wiring (the agent API on the same port).
 */
class ComputerMoveTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String PASSWORD = "a long enough password";

    @TempDir
    Path data;
    WebServer server;
    String base;
    ProtocolClient agents;
    SampleInventories samples = new SampleInventories(7);
    ProtocolJson protocol = new ProtocolJson();

    @BeforeEach
    void start() {
        WebConfig config = WebConfig.defaults(data).withHost("127.0.0.1").withPort(0).withSecurity(4, SignInLimiter.Limits.defaults(), null);
        server = ServeCommand.assemble(config, Clock.systemUTC());
        base = "http://127.0.0.1:" + server.start();
        agents = new ProtocolClient(URI.create(base), Clock.systemUTC());
        String hash = new PasswordHasher(4).hash(PASSWORD);
        server.services().users().create("pat", new UserStore.UserDetails("Pat", EnumSet.of(Role.PLATFORM_ADMIN), Scope.everything(),
                false, ZoneOffset.UTC), hash);
        server.services().users().create("ian", new UserStore.UserDetails("Ian", EnumSet.of(Role.IT_ADMIN), Scope.everything(),
                false, ZoneOffset.UTC), hash);
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void another_sites_token_is_refused_and_a_platform_administrator_moves_the_computer_in_the_ui_and_the_api() throws Exception {
        String berlin = server.services().tokens().create("EU", "Berlin", null, "test").secret();
        String paris = server.services().tokens().create("EU", "Paris", null, "test").secret();
        ProtocolClient.Credentials agent = enroll(berlin);

        HttpResponse<String> takeover = agents.enroll(protocol.write(samples.enrollment(paris, 1)));
        assertThat(takeover.statusCode()).isEqualTo(403);
        assertThat(JSON.readTree(takeover.body()).get("error").asText()).isEqualTo("computer_of_another_site");
        assertThat(inventory(agent, "m-1")).as("the real agent's secret still works").isEqualTo(200);

        Session pat = signIn("pat");
        Session ian = signIn("ian");
        assertThat(ian.form("/admin/computers/" + agent.computerId() + "/move", "region=EU&site=Paris").statusCode()).isEqualTo(403);
        assertThat(pat.form("/admin/computers/" + agent.computerId() + "/move", "region=EU&site=Pariss").body())
                .contains("no enrollment token was ever made for site 'Pariss' in region 'EU'");
        assertThat(pat.form("/admin/computers/c-0000000000000000/move", "region=EU&site=Paris").statusCode()).isEqualTo(404);
        assertThat(pat.form("/admin/computers/" + agent.computerId() + "/move", "region=EU&site=Berlin").statusCode()).isEqualTo(409);

        HttpResponse<String> moved = pat.form("/admin/computers/" + agent.computerId() + "/move", "region=EU&site=Paris");
        assertThat(moved.statusCode()).isEqualTo(302);
        assertThat(pat.get("/admin/computers?q=" + agent.computerId()).body()).contains("<td>Paris</td>");
        assertThat(inventory(agent, "m-2")).as("a moved computer keeps its credentials").isEqualTo(200);
        assertThat(agents.enroll(protocol.write(samples.enrollment(berlin, 1))).statusCode()).as("its old site's token").isEqualTo(403);
        HttpResponse<String> reenrolled = agents.enroll(protocol.write(samples.enrollment(paris, 1)));
        assertThat(reenrolled.statusCode()).as("its new site's token").isEqualTo(200);
        assertThat(JSON.readTree(reenrolled.body()).get("computerId").asText()).isEqualTo(agent.computerId());

        HttpResponse<String> back = pat.json("/api/v1/computers/" + agent.computerId() + "/move", "{\"region\":\"EU\",\"site\":\"Berlin\"}");
        assertThat(back.statusCode()).as(back.body()).isEqualTo(200);
        assertThat(back.body()).contains("\"before\":{", "\"Paris\"", "\"after\":{", "\"Berlin\"");
        assertThat(ian.json("/api/v1/computers/" + agent.computerId() + "/move", "{\"region\":\"EU\",\"site\":\"Paris\"}").statusCode())
                .isEqualTo(403);

        assertThat(server.services().audit().recent(100).stream().filter(e -> e.action().equals("computer_moved")))
                .extracting(AuditLog.Entry::actor, AuditLog.Entry::target, AuditLog.Entry::before, AuditLog.Entry::after)
                .containsExactlyInAnyOrder(
                        org.assertj.core.groups.Tuple.tuple("pat", "computer:" + agent.computerId(), "{\"region\":\"EU\",\"site\":\"Berlin\"}",
                                "{\"region\":\"EU\",\"site\":\"Paris\"}"),
                        org.assertj.core.groups.Tuple.tuple("pat", "computer:" + agent.computerId(), "{\"region\":\"EU\",\"site\":\"Paris\"}",
                                "{\"region\":\"EU\",\"site\":\"Berlin\"}"));
    }

    private ProtocolClient.Credentials enroll(String token) throws Exception {
        HttpResponse<String> response = agents.enroll(protocol.write(samples.enrollment(token, 1)));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        JsonNode body = JSON.readTree(response.body());
        return new ProtocolClient.Credentials(body.get("computerId").asText(), body.get("agentSecret").asText());
    }

    private int inventory(ProtocolClient.Credentials agent, String messageId) {
        return agents.post("/api/agent/v1/inventory", agent, messageId,
                protocol.write(samples.inventory(messageId, agent.computerId(), 1, 20, Instant.now())), true).statusCode();
    }

    /** A browser session of one user. */
    private record Session(HttpClient http, String base, String csrf) {
        HttpResponse<String> get(String path) throws Exception {
            return http.send(HttpRequest.newBuilder(URI.create(base + path)).build(), HttpResponse.BodyHandlers.ofString());
        }

        HttpResponse<String> form(String path, String fields) throws Exception {
            return http.send(HttpRequest.newBuilder(URI.create(base + path)).header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(fields + "&_csrf=" + URLEncoder.encode(csrf, StandardCharsets.UTF_8))).build(),
                    HttpResponse.BodyHandlers.ofString());
        }

        HttpResponse<String> json(String path, String body) throws Exception {
            return http.send(HttpRequest.newBuilder(URI.create(base + path)).header("Content-Type", "application/json")
                    .header("X-CSRF-Token", csrf).POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        }
    }

    private Session signIn(String user) throws Exception {
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER).build();
        String form = http.send(HttpRequest.newBuilder(URI.create(base + "/sign-in")).build(), HttpResponse.BodyHandlers.ofString()).body();
        HttpResponse<String> signedIn = http.send(HttpRequest.newBuilder(URI.create(base + "/sign-in"))
                .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString("_csrf="
                        + URLEncoder.encode(csrf(form), StandardCharsets.UTF_8) + "&name=" + user + "&password="
                        + URLEncoder.encode(PASSWORD, StandardCharsets.UTF_8))).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(signedIn.statusCode()).isEqualTo(302);
        String dashboard = http.send(HttpRequest.newBuilder(URI.create(base + "/dashboard")).build(), HttpResponse.BodyHandlers.ofString()).body();
        return new Session(http, base, csrf(dashboard));
    }

    private static String csrf(String html) {
        Matcher m = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(html);
        assertThat(m.find()).isTrue();
        return m.group(1);
    }
}
