package org.patchlake.web;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.patchlake.web.auth.PasswordHasher;
import org.patchlake.web.auth.Role;
import org.patchlake.web.auth.Scope;
import org.patchlake.web.auth.SignInLimiter;
import org.patchlake.web.users.UserStore;
import org.patchlake.web.support.InMemoryReportService;
import org.patchlake.web.support.TestClient;
import org.patchlake.web.support.TestServer;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.IntFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

class SignInRateLimitTest {
    @TempDir
    Path data;
    TestServer server;

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void repeated_wrong_passwords_lock_the_user_out_even_with_the_right_password() {
        server = new TestServer(data, new SignInLimiter.Limits(3, 100, Duration.ofMinutes(15), Duration.ofMinutes(15)),
                List.of(), new InMemoryReportService());
        TestClient client = server.client();
        for (int i = 0; i < 3; i++) {
            assertThat(client.signIn("rm-eu", "wrong password " + i)).isEqualTo(401);
        }
        assertThat(client.signIn("rm-eu", TestServer.PASSWORD)).isEqualTo(429);
        // another user from the same address is not locked by rm-eu's failures
        assertThat(server.client().signIn("sec", TestServer.PASSWORD)).isEqualTo(302);
        assertThat(server.server().services().metrics().render()).isNotEmpty();
    }

    @Test
    void many_failures_from_one_address_lock_that_address_out() {
        server = new TestServer(data, new SignInLimiter.Limits(100, 4, Duration.ofMinutes(15), Duration.ofMinutes(15)),
                List.of(), new InMemoryReportService());
        TestClient client = server.client();
        for (String name : List.of("nobody1", "nobody2", "nobody3", "nobody4")) {
            assertThat(client.signIn(name, "guess")).isEqualTo(401);
        }
        assertThat(server.client().signIn("sec", TestServer.PASSWORD)).isEqualTo(429);
    }

    @Test
    void parallel_guesses_for_one_user_are_checked_at_most_five_times() throws Exception {
        server = new TestServer(data);
        // a realistic hash cost, so the guesses overlap while their hashes run (as against the demo's server)
        server.server().services().users().create("victim", new UserStore.UserDetails("Vic Tim", EnumSet.of(Role.EXECUTIVE),
                Scope.everything(), false, ZoneOffset.UTC), new PasswordHasher(8).hash(TestServer.PASSWORD));
        TestClient client = server.client();

        Map<Integer, Long> statuses = parallelSignIns(client, 60, i -> "victim", i -> "guess number " + i);

        assertThat(statuses).containsOnlyKeys(401, 429);
        assertThat(statuses.get(401)).as("guesses whose password was checked").isEqualTo(5);
        assertThat(statuses.get(429)).isEqualTo(55);
        assertThat(client.signIn("victim", TestServer.PASSWORD)).as("the right password while locked out").isEqualTo(429);
    }

    @Test
    void parallel_guesses_from_one_address_are_checked_at_most_twenty_times() throws Exception {
        server = new TestServer(data);
        TestClient client = server.client();

        Map<Integer, Long> statuses = parallelSignIns(client, 60, i -> "nobody" + i, i -> "guess number " + i);

        assertThat(statuses.get(401)).as("guesses whose password was checked").isEqualTo(20);
        assertThat(statuses.get(429)).isEqualTo(40);
        assertThat(server.client().signIn("sec", TestServer.PASSWORD)).isEqualTo(429);
    }

    @Test
    void a_successful_sign_in_does_not_count_against_the_address() {
        server = new TestServer(data, new SignInLimiter.Limits(100, 3, Duration.ofMinutes(15), Duration.ofMinutes(15)),
                List.of(), new InMemoryReportService());
        for (int i = 0; i < 5; i++) {
            assertThat(server.client().signIn("sec", TestServer.PASSWORD)).isEqualTo(302);
        }
        assertThat(server.client().signIn("sec", "wrong password")).isEqualTo(401);
        assertThat(server.client().signIn("sec", TestServer.PASSWORD)).isEqualTo(302);
    }

    @Test
    void unknown_users_and_wrong_passwords_get_the_same_answer() {
        server = new TestServer(data);
        assertThat(server.client().signIn("no-such-user", "whatever")).isEqualTo(401);
        assertThat(server.client().signIn("sec", "whatever")).isEqualTo(401);
    }

    /** Posts {@code count} sign-in forms at once (one connection each) and counts the answers by status. */
    private Map<Integer, Long> parallelSignIns(TestClient client, int count, IntFunction<String> name, IntFunction<String> password)
            throws Exception {
        HttpResponse<String> form = client.get("/sign-in");
        Matcher csrf = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(form.body());
        assertThat(csrf.find()).isTrue();
        HttpClient http = client.http();
        List<CompletableFuture<HttpResponse<Void>>> answers = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String body = "_csrf=" + enc(csrf.group(1)) + "&name=" + enc(name.apply(i)) + "&password=" + enc(password.apply(i));
            answers.add(http.sendAsync(HttpRequest.newBuilder(URI.create(server.url("/sign-in")))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.discarding()));
        }
        Map<Integer, Long> statuses = new TreeMap<>();
        for (CompletableFuture<HttpResponse<Void>> answer : answers) {
            statuses.merge(answer.get(60, TimeUnit.SECONDS).statusCode(), 1L, Long::sum);
        }
        return statuses;
    }

    private static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
