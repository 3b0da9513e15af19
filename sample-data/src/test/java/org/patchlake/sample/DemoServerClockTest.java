package org.patchlake.sample;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.patchlake.sample.simulate.SimulationClock;
import org.patchlake.web.ServeCommand;
import org.patchlake.web.WebConfig;
import org.patchlake.web.WebServer;

class DemoServerClockTest {

    @Test
    void a_server_on_the_demos_clock_months_behind_the_wall_clock_keeps_its_sign_in_sessions(@TempDir Path data)
        throws Exception {
        SimulationClock clock = new SimulationClock(Instant.parse("2026-06-11T09:00:00Z"));
        WebServer server = ServeCommand.assemble(WebConfig.defaults(data).withHost("127.0.0.1").withPort(0), clock);
        try {
            int port = server.start();
            clock.runOnFromHere();
            List<DemoUsers.Created> users = DemoUsers.create(server.services(), new SecureRandom());
            DemoUsers.Created admin = users.stream().filter(user -> user.name().equals(DemoUsers.WAVE_USER))
                .findFirst().orElseThrow();
            HttpClient http = HttpClient.newHttpClient();
            URI base = URI.create("http://127.0.0.1:" + port);
            HttpResponse<String> form = http.send(HttpRequest.newBuilder(base.resolve("/sign-in")).GET().build(),
                HttpResponse.BodyHandlers.ofString());
            Matcher csrf = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(form.body());
            assertThat(csrf.find()).isTrue();
            String cookies = String.join("; ", form.headers().allValues("set-cookie").stream()
                .map(cookie -> cookie.split(";")[0]).toList());
            HttpResponse<String> signedIn = http.send(HttpRequest.newBuilder(base.resolve("/sign-in"))
                .header("Content-Type", "application/x-www-form-urlencoded").header("Cookie", cookies)
                .POST(HttpRequest.BodyPublishers.ofString("_csrf=" + csrf.group(1) + "&name=" + admin.name()
                    + "&password=" + admin.password())).build(), HttpResponse.BodyHandlers.ofString());

            assertThat(signedIn.statusCode()).isEqualTo(302);
            String session = signedIn.headers().allValues("set-cookie").stream()
                .filter(cookie -> cookie.startsWith("patchlake_session=")).findFirst().orElseThrow();
            Matcher maxAge = Pattern.compile("Max-Age=(\\d+)").matcher(session);
            assertThat(maxAge.find()).as(session).isTrue();
            assertThat(Long.parseLong(maxAge.group(1))).as("the session lives hours on the server's clock: " + session)
                .isGreaterThan(3600);
        } finally {
            server.close();
        }
    }
}
