package org.patchlake.web;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.patchlake.web.support.TestClient;
import org.patchlake.web.support.TestServer;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every date and time parameter is bounded where it is read: a far-future or pre-2000 date is a 400 naming the
 * parameter (it was a 500 from an overflow), and a time that must lie ahead cannot already be past.
 */
class DateParametersTest {
    @TempDir
    static Path data;
    static TestServer server;
    static TestClient security;

    @BeforeAll
    static void start() {
        server = new TestServer(data);
        security = server.signedIn("sec");
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void report_and_audit_dates_outside_2000_to_tomorrow_are_refused_naming_the_parameter() {
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        Map<String, String> refused = new LinkedHashMap<>();
        refused.put("/api/v1/reports/delivery-summary?from=" + today.plusDays(30), "from");
        refused.put("/api/v1/reports/delivery-summary?from=" + today.minusDays(7) + "&to=" + today.plusYears(300), "to");
        refused.put("/api/v1/reports/sla-attainment?asOf=2299-12-31", "asOf");
        refused.put("/api/v1/reports/sla-attainment?asOf=1999-12-31", "asOf");
        refused.put("/api/v1/reports/sla-attainment?asOf=" + enc("+999999999-12-31"), "asOf");
        refused.put("/remediation/audit?to=" + enc("+999999999-12-31"), "to");
        refused.put("/remediation/audit?from=" + enc("-999999999-01-01"), "from");
        refused.put("/reports/delivery-summary?from=" + today.plusDays(2), "from");
        for (Map.Entry<String, String> request : refused.entrySet()) {
            HttpResponse<String> response = security.get(request.getKey());
            assertThat(response.statusCode()).as(request.getKey() + ": " + response.body()).isEqualTo(400);
            assertThat(response.body()).as(request.getKey()).contains("\"parameter\":\"" + request.getValue() + "\"");
        }
        assertThat(security.get("/api/v1/reports/sla-attainment?asOf=2299-12-31").body())
                .contains("asOf 2299-12-31 is outside 2000-01-01 .. " + today.plusDays(1) + " (it lies in the future)");
        assertThat(security.get("/api/v1/reports/sla-attainment?asOf=" + today).statusCode()).isEqualTo(200);
        assertThat(security.get("/api/v1/reports/delivery-summary?from=2000-01-01&to=" + today.plusDays(1)).statusCode()).isEqualTo(200);
        assertThat(security.get("/remediation/audit?from=" + today.minusDays(30) + "&to=" + today).statusCode()).isEqualTo(200);
    }

    @Test
    void a_schedule_with_a_far_future_date_is_refused() {
        HttpResponse<String> response = security.postJson("/api/v1/schedules", "{\"report\":\"sla-attainment\",\"parameters\":"
                + "{\"asOf\":\"2299-12-31\"},\"recipients\":\"a@example.org\",\"cron\":\"0 7 * * MON\",\"timeZone\":\"UTC\"}", true);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
        assertThat(response.body()).contains("\"parameter\":\"parameters\"", "asOf 2299-12-31 is outside 2000-01-01");
    }

    @Test
    void an_enrollment_token_cannot_be_created_already_expired_or_for_a_century() {
        TestClient platform = server.signedIn("plat");
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        for (String expiry : new String[] {today.minusDays(1).toString(), "2000-01-01T00:00:00Z", "2999-01-01", "+999999999-12-31T00:00:00Z"}) {
            HttpResponse<String> response = platform.post("/admin/tokens", Map.of("region", "EU", "site", "Berlin", "expiresAt", expiry));
            assertThat(response.statusCode()).as(expiry + ": " + response.body()).isEqualTo(400);
            assertThat(response.body()).contains("\"parameter\":\"expiresAt\"");
        }
    }

    @Test
    void an_exception_cannot_expire_in_the_past_or_centuries_ahead() {
        for (String expiry : new String[] {"2001-01-01", "2999-12-31", "+999999999-12-31T00:00:00Z"}) {
            HttpResponse<String> response = security.postJson("/api/v1/exceptions", "{\"computerId\":\"c-eu-2\",\"bulletinId\":\"KB5034441\","
                    + "\"owner\":\"o\",\"reason\":\"r\",\"expiresAt\":\"" + expiry + "\"}", true);
            assertThat(response.statusCode()).as(expiry + ": " + response.body()).isEqualTo(400);
            assertThat(response.body()).contains("\"parameter\":\"expiresAt\"");
        }
    }

    private static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
