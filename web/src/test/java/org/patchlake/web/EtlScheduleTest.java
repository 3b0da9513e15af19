package org.patchlake.web;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.patchlake.web.auth.SignInLimiter;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The serve ETL schedule over the production wiring (real Javalin on port 0, real ingest): the "ETL" is a shell
 * script that appends its start and end times (monotonic nanoseconds from {@code date}) to a file.
 */
class EtlScheduleTest {
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    @TempDir
    Path data;

    private record Run(long start, long end) {
    }

    @Test
    void uploads_start_a_run_after_the_minimum_gap_not_the_interval_and_runs_never_overlap() throws Exception {
        Path log = data.resolve("etl-runs.txt");
        Duration gap = Duration.ofMillis(800);
        WebConfig config = config(fakeEtl(log, "sleep 1", 0), Duration.ofHours(1)).withEtlMinimumGap(gap);
        try (WebServer server = ServeCommand.assemble(config, Clock.systemUTC())) {
            int port = server.start();
            String token = server.services().tokens().create("EU", "Berlin", null, "test").secret();
            Thread.sleep(1_500);
            assertThat(runs(log)).as("no upload and a 1 h interval: no run").isEmpty();
            assertThat(server.services().metrics().gaugeValue("patchlake_etl_oldest_unprocessed_upload_seconds")).isZero();

            enroll(port, token, 1);
            // the upload waits until a run has folded it in (on a loaded machine that run may have started already)
            assertThat(server.services().etl().backlog().oldestUnprocessedAge().isPresent() || !runs(log).isEmpty())
                    .as("an upload is waiting, or a run for it started").isTrue();
            awaitUntil(() -> runs(log).size() == 1, "first run started by the upload");
            // two more uploads while run 1 runs: they arrived after its seal, so exactly one more run folds them in
            enroll(port, token, 2);
            enroll(port, token, 3);
            awaitUntil(() -> finished(log).size() == 2, "second run for the uploads acknowledged during the first");
            Thread.sleep(2_500);

            List<Run> runs = finished(log);
            assertThat(runs).as("no uploads after run 2 started: no third run within the hour").hasSize(2);
            assertThat(runs.get(1).start()).as("run 2 starts after run 1 ended").isGreaterThan(runs.get(0).end());
            assertThat(Duration.ofNanos(runs.get(1).start() - runs.get(0).end())).as("gap between run 1's end and run 2's start")
                    .isGreaterThanOrEqualTo(gap);
            assertThat(server.services().etl().backlog().oldestUnprocessedAge()).isEmpty();
            assertThat(server.services().metrics().render()).contains("patchlake_etl_oldest_unprocessed_upload_seconds 0.0");
        }
    }

    @Test
    void a_failing_run_does_not_stop_the_schedule_and_the_next_waits_for_the_interval() throws Exception {
        Path log = data.resolve("etl-runs.txt");
        Duration interval = Duration.ofSeconds(2);
        WebConfig config = config(fakeEtl(log, "true", 3), interval).withEtlMinimumGap(Duration.ofMillis(300));
        try (WebServer server = ServeCommand.assemble(config, Clock.systemUTC())) {
            int port = server.start();
            String token = server.services().tokens().create("EU", "Berlin", null, "test").secret();
            enroll(port, token, 1);
            awaitUntil(() -> finished(log).size() >= 3, "three failing runs");
            // the script logs its end before it exits; the schedule counts the run once it has seen the exit code
            awaitUntil(() -> server.services().metrics().counterValue("patchlake_etl_runs_total", "outcome", "failed") >= 3,
                    "three failed runs counted");

            List<Run> runs = finished(log);
            for (int i = 1; i < runs.size(); i++) {
                // the script stamps its own start, after a process start-up whose time varies with the machine's load;
                // 1.5 s still tells the 2 s interval from the 0.3 s gap
                assertThat(Duration.ofNanos(runs.get(i).start() - runs.get(i - 1).start()))
                        .as("after a failed run the next waits for the interval, not the gap")
                        .isGreaterThanOrEqualTo(interval.minusMillis(500));
            }
            assertThat(server.services().metrics().counterValue("patchlake_etl_runs_total", "outcome", "failed")).isGreaterThanOrEqualTo(3);
            assertThat(server.services().etl().backlog().oldestUnprocessedAge()).as("the upload is still unprocessed").isPresent();
            assertThat(server.services().metrics().gaugeValue("patchlake_etl_oldest_unprocessed_upload_seconds")).isGreaterThan(1.0);
        }
    }

    @Test
    void etl_schedule_flags_are_checked_with_errors_that_name_them() {
        ServeCommand.ServeArguments defaults = parse();
        assertThat(defaults.config().etlInterval()).isEqualTo(Duration.ofMinutes(5));
        assertThat(defaults.config().etlMinimumGap()).isEqualTo(Duration.ofSeconds(30));
        assertThat(parse("--etl-min-gap", "2m").config().etlMinimumGap()).isEqualTo(Duration.ofMinutes(2));
        assertThat(parse("--etl-interval", "10s").config().etlMinimumGap()).as("gap shortened to a shorter interval")
                .isEqualTo(Duration.ofSeconds(10));

        assertThatThrownBy(() -> parse("--etl-min-gap", "soon")).hasMessage("--etl-min-gap must look like 30s, 5m, 1h or 0, was 'soon'");
        assertThatThrownBy(() -> parse("--etl-interval", "5m", "--etl-min-gap", "10m"))
                .hasMessage("--etl-min-gap (PT10M) must not be longer than --etl-interval (PT5M)");
        assertThatThrownBy(() -> parse("--etl-interval", "0", "--etl-min-gap", "30s"))
                .hasMessageContaining("--etl-min-gap needs a schedule: --etl-interval is 0");
        assertThatThrownBy(() -> parse("--etl-min-gap", "0")).hasMessageContaining("--etl-min-gap must be at least 1s");
    }

    private static ServeCommand.ServeArguments parse(String... args) {
        return ServeCommand.ServeArguments.parse(args, Map.of(), null);
    }

    private WebConfig config(List<String> etl, Duration interval) {
        return WebConfig.defaults(data).withHost("127.0.0.1").withPort(0).withSecurity(4, SignInLimiter.Limits.defaults(), null)
                .withEtl(etl, interval);
    }

    /** A shell "ETL" that logs {@code start NANOS} and {@code end NANOS}, runs {@code body} and exits with {@code exit}. */
    private static List<String> fakeEtl(Path log, String body, int exit) {
        String script = "echo \"start $(date +%s%N)\" >> '" + log + "'; " + body + "; echo \"end $(date +%s%N)\" >> '" + log
                + "'; exit " + exit;
        return List.of("sh", "-c", script, "etl");
    }

    private static List<String> runs(Path log) {
        try {
            return Files.exists(log) ? Files.readAllLines(log).stream().filter(l -> l.startsWith("start ")).toList() : List.of();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<Run> finished(Path log) {
        try {
            if (!Files.exists(log)) {
                return List.of();
            }
            List<String> lines = Files.readAllLines(log);
            List<Run> runs = new ArrayList<>();
            for (int i = 0; i + 1 < lines.size(); i += 2) {
                assertThat(lines.get(i)).as("runs never overlap: a start is followed by its end").startsWith("start ");
                assertThat(lines.get(i + 1)).startsWith("end ");
                runs.add(new Run(Long.parseLong(lines.get(i).substring(6)), Long.parseLong(lines.get(i + 1).substring(4))));
            }
            return runs;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void awaitUntil(BooleanSupplier condition, String what) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() - deadline > 0) {
                throw new AssertionError("timed out waiting for: " + what);
            }
            Thread.sleep(50);
        }
    }

    private static void enroll(int port, String token, int n) throws Exception {
        String enrollment = """
                {"enrollmentToken":"%s","hostname":"ber-ws-%03d","domain":"corp",
                 "os":{"name":"Windows 11","version":"23H2","build":"22631","servicePack":null,"architecture":"x64",
                       "product":"Windows 11 Version 23H2 for x64-based Systems"},
                 "hardwareId":"hw-%04d","agentVersion":"1.0.0","computerClassHint":"WORKSTATION","managedLevel":3}
                """.formatted(token, n, n);
        HttpResponse<String> enrolled = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/agent/v1/enroll"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(enrollment)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(enrolled.statusCode()).as(enrolled.body()).isEqualTo(200);
    }
}
