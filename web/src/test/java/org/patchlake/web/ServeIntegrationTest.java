package org.patchlake.web;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.patchlake.web.auth.PasswordHasher;
import org.patchlake.web.auth.Role;
import org.patchlake.web.auth.Scope;
import org.patchlake.web.auth.SignInLimiter;
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
import java.time.ZoneOffset;
import java.util.EnumSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** The production wiring of {@code ./patchlake serve}: UI, reports and the agent API on one port over one data directory. */
class ServeIntegrationTest {
    @TempDir
    Path data;

    @Test
    void one_port_serves_health_the_ui_and_the_agent_api_with_tokens_made_in_the_ui() throws Exception {
        WebConfig config = WebConfig.defaults(data).withHost("127.0.0.1").withPort(0)
                .withSecurity(4, SignInLimiter.Limits.defaults(), null);
        try (WebServer server = ServeCommand.assemble(config, Clock.systemUTC())) {
            int port = server.start();
            server.services().users().create("admin", new UserStore.UserDetails("Admin", EnumSet.of(Role.PLATFORM_ADMIN),
                    Scope.everything(), false, ZoneOffset.UTC), new PasswordHasher(4).hash("a long enough password"));
            HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).cookieHandler(new CookieManager())
                    .followRedirects(HttpClient.Redirect.NEVER).build();
            String base = "http://127.0.0.1:" + port;

            HttpResponse<String> health = http.send(HttpRequest.newBuilder(URI.create(base + "/health")).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(health.statusCode()).isEqualTo(200);
            assertThat(health.body()).contains("\"status\":\"ok\"", "\"snapshot\":null");

            String signInPage = http.send(HttpRequest.newBuilder(URI.create(base + "/sign-in")).build(), HttpResponse.BodyHandlers.ofString()).body();
            String csrf = field(signInPage);
            HttpResponse<String> signIn = http.send(form(base + "/sign-in", "_csrf=" + enc(csrf) + "&name=admin&password="
                    + enc("a long enough password")), HttpResponse.BodyHandlers.ofString());
            assertThat(signIn.statusCode()).isEqualTo(302);
            String tokensPage = http.send(HttpRequest.newBuilder(URI.create(base + "/admin/tokens")).build(), HttpResponse.BodyHandlers.ofString()).body();
            assertThat(tokensPage).doesNotContain("not running in this server");
            HttpResponse<String> created = http.send(form(base + "/admin/tokens", "_csrf=" + enc(field(tokensPage))
                    + "&region=EU&site=Berlin"), HttpResponse.BodyHandlers.ofString());
            assertThat(created.statusCode()).isEqualTo(200);
            Matcher secret = Pattern.compile("<pre id=\"token-secret\">([^<]+)</pre>").matcher(created.body());
            assertThat(secret.find()).isTrue();

            String enrollment = """
                    {"enrollmentToken":"%s","hostname":"ber-ws-001","domain":"corp",
                     "os":{"name":"Windows 11","version":"23H2","build":"22631","servicePack":null,"architecture":"x64",
                           "product":"Windows 11 Version 23H2 for x64-based Systems"},
                     "hardwareId":"hw-0001","agentVersion":"1.0.0","computerClassHint":"WORKSTATION","managedLevel":2}
                    """.formatted(secret.group(1));
            HttpResponse<String> enrolled = http.send(HttpRequest.newBuilder(URI.create(base + "/api/agent/v1/enroll"))
                    .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(enrollment)).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(enrolled.statusCode()).as(enrolled.body()).isEqualTo(200);
            assertThat(enrolled.body()).contains("computerId");

            HttpResponse<String> badAgent = http.send(HttpRequest.newBuilder(URI.create(base + "/api/agent/v1/enroll"))
                    .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString("{}")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(badAgent.statusCode()).isEqualTo(400);

            assertThat(http.send(HttpRequest.newBuilder(URI.create(base + "/metrics")).build(), HttpResponse.BodyHandlers.ofString())
                    .statusCode()).as("metrics without the token").isEqualTo(401);
            assertThat(server.metricsToken().file()).isEqualTo(data.resolve("ops").resolve("metrics-token"));
            String metrics = http.send(HttpRequest.newBuilder(URI.create(base + "/metrics")).header("Authorization", "Bearer "
                    + java.nio.file.Files.readString(server.metricsToken().file()).trim()).build(), HttpResponse.BodyHandlers.ofString()).body();
            assertThat(metrics).contains("patchlake_ingest_requests_total{outcome=\"ok\"} 1.0", "patchlake_ingest_requests_total{outcome=\"rejected\"} 1.0");
            HttpResponse<String> dashboard = http.send(HttpRequest.newBuilder(URI.create(base + "/dashboard")).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(dashboard.statusCode()).isEqualTo(200);
            assertThat(dashboard.body()).contains("No warehouse snapshot has been published yet");
        }
    }

    @Test
    void an_etl_run_started_by_the_server_sees_every_upload_acknowledged_before_it() throws Exception {
        // The "ETL" here is a shell that lists the sealed landing files it can see (ETL never reads _incoming).
        String script = "find \"$2/landing\" -path '*_incoming*' -prune -o -name '*.jsonl.gz' -print > \"$2/etl-saw.txt\"";
        WebConfig config = WebConfig.defaults(data).withHost("127.0.0.1").withPort(0)
                .withSecurity(4, SignInLimiter.Limits.defaults(), null)
                .withEtl(java.util.List.of("sh", "-c", script, "etl"), java.time.Duration.ZERO);
        try (WebServer server = ServeCommand.assemble(config, Clock.systemUTC())) {
            int port = server.start();
            String token = server.services().tokens().create("EU", "Berlin", null, "test").secret();
            String enrollment = """
                    {"enrollmentToken":"%s","hostname":"ber-ws-002","domain":"corp",
                     "os":{"name":"Windows 11","version":"23H2","build":"22631","servicePack":null,"architecture":"x64",
                           "product":"Windows 11 Version 23H2 for x64-based Systems"},
                     "hardwareId":"hw-0002","agentVersion":"1.0.0","computerClassHint":"WORKSTATION","managedLevel":3}
                    """.formatted(token);
            HttpResponse<String> enrolled = HttpClient.newHttpClient().send(
                    HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/agent/v1/enroll"))
                            .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(enrollment)).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(enrolled.statusCode()).as(enrolled.body()).isEqualTo(200);

            var job = server.services().etl().start("test").orElseThrow();
            assertThat(server.services().jobs().await(job, java.time.Duration.ofSeconds(60))).isTrue();
            assertThat(job.state()).isEqualTo(org.patchlake.web.jobs.Job.State.SUCCEEDED);
            assertThat(java.nio.file.Files.readString(data.resolve("etl-saw.txt")))
                    .as("sealed landing files the ETL run could read").contains("/landing/enrollment/dt=");
        }
    }

    private static HttpRequest form(String url, String body) {
        return HttpRequest.newBuilder(URI.create(url)).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
    }

    private static String field(String html) {
        Matcher m = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(html);
        assertThat(m.find()).isTrue();
        return m.group(1);
    }

    private static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
