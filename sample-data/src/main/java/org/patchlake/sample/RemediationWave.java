package org.patchlake.sample;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpResponse;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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
    private static final ObjectMapper JSON = new ObjectMapper();

    private final URI server;
    private final String user;
    private final String password;

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
        DemoWebSession session = DemoWebSession.signIn(server, user, password);
        List<Long> granted = new java.util.ArrayList<>();
        for (String computerId : computerIds) {
            HttpResponse<String> answer = session.postJson("/api/v1/exceptions", Map.of("computerId", computerId,
                "bulletinId", bulletinId, "owner", user, "reason", reason, "expiresAt", expiresAt.toString()));
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
        HttpResponse<String> created = DemoWebSession.signIn(server, user, password).postJson("/api/v1/remediations", Map.of(
            "idempotencyKey", idempotencyKey,
            "source", "bulletin",
            "bulletinId", bulletinId,
            "report", "compliance-by-bulletin",
            "name", "Patch Tuesday wave: " + bulletinId,
            "schedule", "now",
            "reboot", "end-of-cycle",
            "noticeMinutes", 15,
            "maxRetries", 3));
        if (created.statusCode() != 201 && created.statusCode() != 200) {
            throw new IllegalStateException("POST /api/v1/remediations for " + bulletinId + " answered "
                + created.statusCode() + ": " + created.body());
        }
        return JSON.readTree(created.body());
    }
}
