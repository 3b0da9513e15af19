package org.patchlake.sample;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A sample user at the demo's server, the way a person works: signs in with the sign-in form, then calls the JSON API
 * with the session's cookie and CSRF token ({@code GET /api/v1/me}).
 */
final class DemoWebSession {
    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");
    private static final ObjectMapper JSON = new ObjectMapper();

    private final URI server;
    private final HttpClient http;
    private final String csrf;

    private DemoWebSession(URI server, HttpClient http, String csrf) {
        this.server = server;
        this.http = http;
        this.csrf = csrf;
    }

    static DemoWebSession signIn(URI server, String user, String password) throws IOException, InterruptedException {
        requireNonNull(server, "server is null");
        HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager()).connectTimeout(Duration.ofSeconds(10)).build();
        HttpResponse<String> form = http.send(HttpRequest.newBuilder(server.resolve("/sign-in")).GET().build(),
            HttpResponse.BodyHandlers.ofString());
        Matcher field = CSRF.matcher(form.body());
        if (!field.find()) {
            throw new IllegalStateException("the sign-in page (HTTP " + form.statusCode() + ") has no CSRF field");
        }
        String fields = "_csrf=" + encode(field.group(1)) + "&name=" + encode(user) + "&password=" + encode(password);
        HttpResponse<String> signedIn = http.send(HttpRequest.newBuilder(server.resolve("/sign-in"))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString(fields)).build(), HttpResponse.BodyHandlers.ofString());
        if (signedIn.statusCode() != 302 && signedIn.statusCode() != 303) {
            throw new IllegalStateException("signing in as " + user + " answered " + signedIn.statusCode());
        }
        HttpResponse<String> me = http.send(HttpRequest.newBuilder(server.resolve("/api/v1/me")).GET().build(),
            HttpResponse.BodyHandlers.ofString());
        String token = JSON.readTree(me.body()).path("csrfToken").asText("");
        if (me.statusCode() != 200 || token.isEmpty()) {
            throw new IllegalStateException("GET /api/v1/me after signing in as " + user + " answered " + me.statusCode());
        }
        return new DemoWebSession(server, http, token);
    }

    /** POSTs {@code body} as JSON. */
    HttpResponse<String> postJson(String path, Object body) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(server.resolve(path)).header("Content-Type", "application/json")
            .header("X-CSRF-Token", csrf).POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))).build(),
            HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(server.resolve(path)).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<byte[]> getBytes(String path) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(server.resolve(path)).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }
}
