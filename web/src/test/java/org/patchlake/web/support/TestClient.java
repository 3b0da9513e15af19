package org.patchlake.web.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** An HTTP client with its own cookie jar (one browser session), not following redirects. */
public final class TestClient {
    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");
    private final TestServer server;
    private final CookieManager cookies = new CookieManager();
    private final HttpClient http;
    private String csrf;

    TestClient(TestServer server) {
        this.server = server;
        this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).cookieHandler(cookies).followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(Duration.ofSeconds(5)).build();
    }

    public int signIn(String user, String password) {
        HttpResponse<String> form = get("/sign-in");
        Matcher m = CSRF.matcher(form.body());
        if (!m.find()) {
            throw new IllegalStateException("no CSRF field on the sign-in page");
        }
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("_csrf", m.group(1));
        fields.put("name", user);
        fields.put("password", password);
        HttpResponse<String> response = send(HttpRequest.newBuilder(URI.create(server.url("/sign-in")))
                .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(form(fields))).build());
        if (response.statusCode() == 302) {
            HttpResponse<String> dashboard = get("/dashboard");
            Matcher token = CSRF.matcher(dashboard.body());
            csrf = token.find() ? token.group(1) : null;
        }
        return response.statusCode();
    }

    public String csrf() {
        return csrf;
    }

    public HttpResponse<String> get(String path) {
        return send(HttpRequest.newBuilder(URI.create(server.url(path))).GET().build());
    }

    /** {@code GET /metrics} with the server's metrics bearer token. */
    public HttpResponse<String> metrics() {
        return send(HttpRequest.newBuilder(URI.create(server.url("/metrics")))
                .header("Authorization", "Bearer " + server.server().metricsToken().value()).GET().build());
    }

    public HttpResponse<String> getHtml(String path) {
        return send(HttpRequest.newBuilder(URI.create(server.url(path))).header("Accept", "text/html").GET().build());
    }

    /** A form post carrying the session's CSRF token. */
    public HttpResponse<String> post(String path, Map<String, String> fields) {
        Map<String, String> withToken = new LinkedHashMap<>(fields);
        if (csrf != null) {
            withToken.putIfAbsent("_csrf", csrf);
        }
        return postRaw(path, withToken);
    }

    /** A form post exactly as given (no CSRF token added). */
    public HttpResponse<String> postRaw(String path, Map<String, String> fields) {
        return send(HttpRequest.newBuilder(URI.create(server.url(path)))
                .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(form(fields))).build());
    }

    /** A JSON post, with the CSRF header when {@code withCsrf}. */
    public HttpResponse<String> postJson(String path, String json, boolean withCsrf) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(server.url(path))).header("Content-Type", "application/json");
        if (withCsrf && csrf != null) {
            builder.header("X-CSRF-Token", csrf);
        }
        return send(builder.POST(HttpRequest.BodyPublishers.ofString(json)).build());
    }

    /** The client with this session's cookies, for requests the helpers do not cover. */
    public HttpClient http() {
        return http;
    }

    public HttpResponse<String> send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String form(Map<String, String> fields) {
        return fields.entrySet().stream().map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8)).collect(Collectors.joining("&"));
    }
}
