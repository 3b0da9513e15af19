package org.patchlake.web;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.patchlake.web.support.TestClient;
import org.patchlake.web.support.TestServer;

import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * After sign-in the browser goes to {@code next} only when that is a path of this server once the browser has
 * normalised it (tabs and line breaks dropped, backslashes read as slashes, spaces trimmed); otherwise to the dashboard.
 */
class SignInRedirectTest {
    @TempDir
    static Path data;
    static TestServer server;

    @BeforeAll
    static void start() {
        server = new TestServer(data);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @ParameterizedTest(name = "next={0}")
    @ValueSource(strings = {"/\t/example.com", "/\n/example.com", "/\r\n/example.com", "\t//example.com", " //example.com",
            "//example.com", "///example.com", "/\\example.com", "\\\\example.com", "/\\/example.com", "\\/example.com",
            "/%2F/example.com", "/%2f%2fexample.com", "/%5Cexample.com", "/%09/example.com", "https://example.com/",
            "http:/example.com", "javascript:alert(1)", "example.com", "/\u3000/example.com", "/sign-in", "/sign-out", ""})
    void a_next_that_a_browser_would_read_as_another_site_leads_to_the_dashboard(String next) {
        assertThat(signInWith(next)).isEqualTo("/dashboard");
        assertThat(formField(next)).isEqualTo("/dashboard");
    }

    @ParameterizedTest(name = "next={0}")
    @ValueSource(strings = {"/dashboard", "/reports/compliance-by-bulletin?region=EU&severity=Critical", "/computers/c-1a2b",
            "/bulletins/KB5034441?state=vulnerable#computers", "/reports/delivery-summary?from=2026-11-01&to=2026-11-21"})
    void a_path_of_this_server_is_kept(String next) {
        assertThat(signInWith(next)).isEqualTo(next);
        assertThat(formField(next)).isEqualTo(next.replace("&", "&amp;"));
    }

    private static String signInWith(String next) {
        TestClient client = server.client();
        HttpResponse<String> form = client.get("/sign-in");
        Matcher csrf = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(form.body());
        assertThat(csrf.find()).isTrue();
        HttpResponse<String> signedIn = client.postRaw("/sign-in", Map.of("_csrf", csrf.group(1), "name", "sec",
                "password", TestServer.PASSWORD, "next", next));
        assertThat(signedIn.statusCode()).isEqualTo(302);
        return signedIn.headers().firstValue("Location").orElseThrow();
    }

    private static String formField(String next) {
        HttpResponse<String> form = server.client().send(java.net.http.HttpRequest.newBuilder(URI.create(server.url("/sign-in?next="
                + java.net.URLEncoder.encode(next, java.nio.charset.StandardCharsets.UTF_8)))).GET().build());
        Matcher field = Pattern.compile("name=\"next\" value=\"([^\"]*)\"").matcher(form.body());
        assertThat(field.find()).isTrue();
        return field.group(1);
    }
}
