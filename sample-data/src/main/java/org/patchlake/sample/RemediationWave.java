package org.patchlake.sample;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
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
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.patchlake.core.catalog.Bulletin;
import org.patchlake.core.catalog.Catalog;
import org.patchlake.core.catalog.Severity;
import org.patchlake.core.catalog.Update;
import org.patchlake.sample.fleet.FleetMember;

/**
 * Two days after Patch Tuesday an IT administrator remediates the worst new bulletin, the way a person would:
 * signs in, and creates the policy with the JSON API ({@code POST /api/v1/remediations}) from the bulletin's row
 * of Compliance by Bulletin. Agents pick it up at their next check-in, install (some fail with real exit codes,
 * most need a restart at the end of the cycle) and report every attempt.
 */
final class RemediationWave {
    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");
    private static final ObjectMapper JSON = new ObjectMapper();

    private final URI server;
    private final String user;
    private final String password;
    private final HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager())
        .connectTimeout(Duration.ofSeconds(10)).build();

    RemediationWave(URI server, String user, String password) {
        this.server = requireNonNull(server, "server is null");
        this.user = requireNonNull(user, "user is null");
        this.password = requireNonNull(password, "password is null");
    }

    /**
     * The new bulletin that matters most for this fleet: highest vendor severity, exploited first, then the one
     * whose updates apply to the most of the fleet's operating systems.
     */
    static Bulletin worstBulletin(Catalog catalog, java.time.LocalDate released, List<FleetMember> fleet) {
        Map<String, Integer> computersByProduct = new HashMap<>();
        fleet.forEach(member -> computersByProduct.merge(member.machine().os().product(), 1, Integer::sum));
        Map<String, Integer> reach = new HashMap<>();
        for (Update update : catalog.updates()) {
            if (released.equals(update.released())) {
                reach.merge(update.bulletinId(), computersByProduct.getOrDefault(update.product(), 0), Integer::sum);
            }
        }
        return catalog.bulletins().stream()
            .filter(bulletin -> reach.getOrDefault(bulletin.bulletinId(), 0) > 0)
            .max(Comparator.comparing((Bulletin bulletin) -> rank(bulletin.vendorSeverity()))
                .thenComparing(Bulletin::exploited)
                .thenComparing(bulletin -> reach.get(bulletin.bulletinId())))
            .orElseThrow(() -> new IllegalStateException("no bulletin released on " + released
                + " applies to the fleet's operating systems"));
    }

    private static int rank(Severity severity) {
        return severity == null ? -1 : severity.rank();
    }

    /**
     * Signs in and grants each computer an exception for the bulletin until {@code expiresAt}, as a security
     * administrator does for machines in a change freeze ({@code POST /api/v1/exceptions}); returns the ids granted.
     */
    List<Long> grantExceptions(List<String> computerIds, String bulletinId, String reason, java.time.Instant expiresAt)
        throws IOException, InterruptedException {
        String csrf = signIn();
        List<Long> granted = new java.util.ArrayList<>();
        for (String computerId : computerIds) {
            String body = JSON.writeValueAsString(Map.of("computerId", computerId, "bulletinId", bulletinId,
                "owner", user, "reason", reason, "expiresAt", expiresAt.toString()));
            HttpResponse<String> answer = http.send(HttpRequest.newBuilder(server.resolve("/api/v1/exceptions"))
                .header("Content-Type", "application/json").header("X-CSRF-Token", csrf)
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
            if (answer.statusCode() != 201) {
                throw new IllegalStateException("POST /api/v1/exceptions for " + computerId + " and " + bulletinId
                    + " answered " + answer.statusCode() + ": " + answer.body());
            }
            granted.add(JSON.readTree(answer.body()).path("id").asLong());
        }
        return granted;
    }

    /** Signs in and creates the policy; returns the API's answer (id, targets, url). */
    JsonNode remediate(String bulletinId, String idempotencyKey) throws IOException, InterruptedException {
        String csrf = signIn();
        String body = JSON.writeValueAsString(Map.of(
            "idempotencyKey", idempotencyKey,
            "source", "bulletin",
            "bulletinId", bulletinId,
            "report", "compliance-by-bulletin",
            "name", "Patch Tuesday wave: " + bulletinId,
            "schedule", "now",
            "reboot", "end-of-cycle",
            "noticeMinutes", 15,
            "maxRetries", 3));
        HttpResponse<String> created = http.send(HttpRequest.newBuilder(server.resolve("/api/v1/remediations"))
            .header("Content-Type", "application/json").header("X-CSRF-Token", csrf)
            .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        if (created.statusCode() != 201 && created.statusCode() != 200) {
            throw new IllegalStateException("POST /api/v1/remediations for " + bulletinId + " answered "
                + created.statusCode() + ": " + created.body());
        }
        return JSON.readTree(created.body());
    }

    private String signIn() throws IOException, InterruptedException {
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
            throw new IllegalStateException("GET /api/v1/me after signing in answered " + me.statusCode());
        }
        return token;
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }
}
