package org.patchlake.web;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.patchlake.web.auth.SignInLimiter;
import org.patchlake.web.support.InMemoryReportService;
import org.patchlake.web.support.TestClient;
import org.patchlake.web.support.TestServer;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

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
    void unknown_users_and_wrong_passwords_get_the_same_answer() {
        server = new TestServer(data);
        assertThat(server.client().signIn("no-such-user", "whatever")).isEqualTo(401);
        assertThat(server.client().signIn("sec", "whatever")).isEqualTo(401);
    }
}
