package org.patchlake.web.faults;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.EnumSet;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.patchlake.reports.query.FixtureWarehouse;
import org.patchlake.web.auth.PasswordHasher;
import org.patchlake.web.auth.Role;
import org.patchlake.web.auth.Scope;
import org.patchlake.web.database.OpsDatabase;
import org.patchlake.web.users.UserStore;

/**
 * {@code ./patchlake serve} SIGKILLed while it loads a newly published snapshot into its DuckDB cache and while it
 * renders an export: after the restart it cleans up what was left half written ({@code .building} databases, {@code
 * .partial} exports), answers from the last complete snapshot, and exports again.
 */
class ServeRestartTest {
    private static final String PASSWORD = "a long enough password";
    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

    @TempDir
    Path data;

    @Test
    void serve_killed_while_loading_a_snapshot_or_exporting_restarts_clean_and_answers_from_the_last_complete_snapshot() throws Exception {
        Path warehouse = data.resolve("warehouse");
        Path cache = data.resolve("warehouse-query-cache");
        Path exports = data.resolve("ops/exports");
        FixtureWarehouse.publish(warehouse, "s-20261120123000000", null, FixtureWarehouse.PUBLISHED_AT);
        try (OpsDatabase database = OpsDatabase.open(data.resolve("ops"))) {
            new UserStore(database, Clock.systemUTC()).create("admin", new UserStore.UserDetails("Admin",
                    EnumSet.of(Role.SECURITY_ADMIN, Role.PLATFORM_ADMIN), Scope.everything(), false, ZoneOffset.UTC), new PasswordHasher(4).hash(PASSWORD));
        }
        Path log = data.resolve("serve.log");
        ServeChild serve = ServeChild.start(data, log);
        try {
            assertThat(health(serve).get("snapshot").asText()).isEqualTo("s-20261120123000000");

            // A new snapshot is published; the server loads it in the background: SIGKILL while its database is half built.
            String published = null;
            boolean killedWhileBuilding = false;
            for (int attempt = 1; attempt <= 3 && !killedWhileBuilding; attempt++) {
                published = FixtureWarehouse.publish(warehouse, "s-2026112016000000" + attempt, null, Instant.parse("2026-11-20T16:00:00Z"));
                killedWhileBuilding = killWhenBuilding(serve, cache);
            }
            assertThat(killedWhileBuilding).as("caught the server while it built a snapshot database").isTrue();
            assertThat(files(cache, ".building")).as("the kill left a half-built database").isNotEmpty();

            serve = ServeChild.start(data, log);
            assertThat(files(cache, ".building")).as("deleted at start").isEmpty();
            assertThat(health(serve).get("snapshot").asText()).as("answers from the last complete snapshot").isEqualTo(published);

            // An export is rendering when the server is killed; and one killed while it wrote its file left a .partial.
            Session session = Session.signIn(serve);
            HttpResponse<String> started = session.post("/api/v1/reports/compliance-by-bulletin/exports?format=pdf");
            assertThat(started.statusCode()).as(started.body()).isEqualTo(202);
            serve.kill();
            Files.createDirectories(exports);
            Files.writeString(exports.resolve("3f6c1a7e-0000-4000-8000-000000000001.partial"), "half a PDF");

            serve = ServeChild.start(data, log);
            assertThat(files(exports, ".partial")).as("unfinished exports deleted at start").isEmpty();
            assertThat(health(serve).get("snapshot").asText()).isEqualTo(published);
            session = Session.signIn(serve);
            JsonNode job = session.json(session.post("/api/v1/reports/compliance-by-bulletin/exports?format=csv"));
            for (int i = 0; i < 600 && !job.get("state").asText().matches("SUCCEEDED|FAILED"); i++) {
                Thread.sleep(100);
                job = session.json(session.get(job.get("url").asText()));
            }
            assertThat(job.get("state").asText()).as(job.toString()).isEqualTo("SUCCEEDED");
            HttpResponse<String> download = session.get(job.get("download").asText());
            assertThat(download.statusCode()).isEqualTo(200);
            assertThat(download.body()).as("the export reads the last complete snapshot").contains("KB");
        } finally {
            serve.close();
        }
    }

    /** Polls /health (each poll may start the switch) until a .building file appears, then SIGKILLs; false if it finished first. */
    private static boolean killWhenBuilding(ServeChild serve, Path cache) throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (System.nanoTime() < deadline) {
            http.sendAsync(HttpRequest.newBuilder(URI.create(serve.baseUrl() + "/health")).build(), HttpResponse.BodyHandlers.discarding());
            for (int i = 0; i < 50; i++) {
                if (!files(cache, ".building").isEmpty()) {
                    serve.kill();
                    return true;
                }
                Thread.sleep(2);
            }
            JsonNode health = health(serve);
            if (!health.get("snapshot").asText().equals("s-20261120123000000") && files(cache, ".building").isEmpty()) {
                return false;
            }
        }
        return false;
    }

    private static JsonNode health(ServeChild serve) throws Exception {
        HttpResponse<String> health = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(serve.baseUrl() + "/health"))
                .timeout(Duration.ofMinutes(2)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(health.statusCode()).as(health.body()).isEqualTo(200);
        return new ObjectMapper().readTree(health.body());
    }

    private static List<Path> files(Path directory, String suffix) throws Exception {
        if (!Files.isDirectory(directory)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(directory)) {
            return files.filter(file -> file.getFileName().toString().contains(suffix)).toList();
        }
    }

    /** A signed-in browser session against the child server: cookie, CSRF token for the JSON API. */
    private record Session(HttpClient http, String base, String csrf) {
        static Session signIn(ServeChild serve) throws Exception {
            HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager()).followRedirects(HttpClient.Redirect.NEVER).build();
            String page = http.send(HttpRequest.newBuilder(URI.create(serve.baseUrl() + "/sign-in")).build(),
                    HttpResponse.BodyHandlers.ofString()).body();
            Matcher field = CSRF.matcher(page);
            assertThat(field.find()).isTrue();
            String form = "_csrf=" + URLEncoder.encode(field.group(1), StandardCharsets.UTF_8) + "&name=admin&password="
                    + URLEncoder.encode(PASSWORD, StandardCharsets.UTF_8);
            HttpResponse<String> signedIn = http.send(HttpRequest.newBuilder(URI.create(serve.baseUrl() + "/sign-in"))
                    .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(form)).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(signedIn.statusCode()).as(signedIn.body()).isEqualTo(302);
            JsonNode me = new ObjectMapper().readTree(http.send(HttpRequest.newBuilder(URI.create(serve.baseUrl() + "/api/v1/me")).build(),
                    HttpResponse.BodyHandlers.ofString()).body());
            return new Session(http, serve.baseUrl(), me.get("csrfToken").asText());
        }

        HttpResponse<String> post(String path) throws Exception {
            return http.send(HttpRequest.newBuilder(URI.create(base + path)).header("X-CSRF-Token", csrf)
                    .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString("{}")).build(),
                    HttpResponse.BodyHandlers.ofString());
        }

        HttpResponse<String> get(String path) throws Exception {
            return http.send(HttpRequest.newBuilder(URI.create(base + path)).build(), HttpResponse.BodyHandlers.ofString());
        }

        JsonNode json(HttpResponse<String> response) throws Exception {
            assertThat(response.statusCode()).as(response.body()).isBetween(200, 299);
            return new ObjectMapper().readTree(response.body());
        }
    }
}
