package org.patchlake.sample;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.patchlake.core.catalog.Catalog;
import org.patchlake.core.catalog.GeneratedCatalog;
import org.patchlake.sample.fleet.FleetGenerator;
import org.patchlake.sample.fleet.FleetMember;
import org.patchlake.sample.fleet.FleetSpec;
import org.patchlake.sample.fleet.Organisation;
import org.patchlake.sample.remediation.ChildJvm;
import org.patchlake.sample.simulate.FleetSimulator;
import org.patchlake.sample.simulate.SimulationClock;
import org.patchlake.sample.simulate.SimulationConfig;
import org.patchlake.sample.simulate.SimulationSummary;
import org.patchlake.web.ServeCommand;
import org.patchlake.web.WebConfig;
import org.patchlake.web.WebServer;
import org.patchlake.web.auth.SignInLimiter;
import org.patchlake.web.jobs.Job;

/**
 * After the demo's scripted days its agents run on in accelerated time: a policy created through the API after them is
 * picked up at the agents' next check-ins, installed (restarts and failures included), and the next scheduled-style ETL
 * run, evaluating as of the server's clock, shows the installs on the policy and in the Delivery Summary's default
 * window. A small fleet on the generated catalog; the real catalog import and ETL in child JVMs.
 */
class DemoRunOnTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    /** One simulated hour per real second: the run-on part of the test takes seconds. */
    private static final long FACTOR = 3600;

    @Test
    void a_policy_created_after_the_scripted_days_reaches_installs_in_the_next_etl_run(@TempDir Path data) throws Exception {
        ChildJvm.run(with(ChildJvm.command("org.patchlake.etl.catalog.CatalogCommand"), "import", "generated", "--warehouse",
            data.resolve("warehouse").toString()), data.resolve("catalog.log"));
        Catalog catalog = GeneratedCatalog.create();
        DemoScenario scenario = DemoScenario.around(catalog, null, Duration.ofDays(3));
        FleetGenerator generator = new FleetGenerator(catalog);
        List<FleetMember> fleet = generator.generate(new FleetSpec(16, 7, scenario.start(), scenario.span(), Organisation.contoso()));
        SimulationClock clock = new SimulationClock(scenario.start());
        WebConfig config = WebConfig.defaults(data).withHost("127.0.0.1").withPort(0)
            .withEtl(with(ChildJvm.command("org.patchlake.etl.EtlCommand"), "--daily-backfill-days", "10"), Duration.ZERO)
            .withEtlAtServerTime(true).withSessionLifetime(Duration.ofDays(3650))
            .withSecurity(4, SignInLimiter.Limits.defaults(), null);
        try (WebServer server = ServeCommand.assemble(config, clock, null, UnaryOperator.identity())) {
            URI base = URI.create("http://127.0.0.1:" + server.start());
            Map<String, String> passwords = new TreeMap<>();
            DemoUsers.create(server.services(), new SecureRandom()).forEach(user -> passwords.put(user.name(), user.password()));
            Map<String, String> tokens = new TreeMap<>();
            for (Organisation.Region region : Organisation.contoso().regions()) {
                for (Organisation.Site site : region.sites()) {
                    tokens.put(site.name(), server.services().tokens().create(region.name(), site.name(), null, "test").secret());
                }
            }
            FleetSimulator simulator = new FleetSimulator(new SimulationConfig(base, tokens, data.resolve("agents"), scenario.start(),
                scenario.end(), Duration.ofHours(12), Duration.ofMinutes(10), 4), clock, fleet, generator.windowsUpdateOffers());
            SimulationSummary scripted = simulator.run(List.of(), progress -> { });
            assertThat(scripted.agentFailures()).as(scripted.lastFailure()).isZero();
            String before = etl(server, base, passwords, null);

            // after the scripted days: the clock runs on, the agents with it, and an IT administrator remediates
            clock.runOnFromHere(FACTOR);
            DemoWebSession admin = DemoWebSession.signIn(base, DemoUsers.WAVE_USER, passwords.get(DemoUsers.WAVE_USER));
            String bulletin = mostRequired(JSON.readTree(admin.get("/api/v1/reports/compliance-by-bulletin?limit=500").body()));
            JsonNode created = new RemediationWave(base, DemoUsers.WAVE_USER, passwords.get(DemoUsers.WAVE_USER))
                .remediate(bulletin, "after-the-scripted-days");
            long policy = created.path("id").asLong();
            assertThat(created.path("targets").asInt()).as(created.toString()).isPositive();
            JsonNode untouched = JSON.readTree(admin.get("/api/v1/remediations/" + policy).body()).path("progress");
            assertThat(untouched.path("notReported").asInt()).as(untouched.toString()).isEqualTo(untouched.path("targeted").asInt());

            List<String> lines = new java.util.concurrent.CopyOnWriteArrayList<>();
            Thread agents = new Thread(() -> {
                try {
                    simulator.runOn(Duration.ofHours(1), Duration.ofSeconds(5), lines::add);
                } catch (InterruptedException e) {
                    lines.add("stopped");
                }
            }, "agents-running-on");
            agents.start();
            Thread.sleep(Duration.ofSeconds(30).toMillis()); // 30 simulated hours: check-ins, installs, a restart cycle
            agents.interrupt();
            agents.join(Duration.ofSeconds(30).toMillis());
            assertThat(agents.isAlive()).as("the agents stop when told to (Ctrl-C)").isFalse();
            assertThat(lines).as("progress lines while the agents run on").hasSizeGreaterThan(2).endsWith("stopped");
            assertThat(lines.get(lines.size() - 2)).contains("install attempts");

            etl(server, base, passwords, before);
            JsonNode progress = JSON.readTree(admin.get("/api/v1/remediations/" + policy).body()).path("progress");
            int reported = progress.path("succeeded").asInt() + progress.path("pendingReboot").asInt() + progress.path("failed").asInt();
            System.err.println("run on: " + lines.get(lines.size() - 2) + "; policy rem-" + policy + " after ETL: " + progress);
            assertThat(reported).as("installs (or failures) reported for the new policy: %s; agents: %s", progress, lines)
                .isPositive();
            assertThat(admin.get("/api/v1/reports/delivery-summary").body()).as("in the Delivery Summary's default window")
                .contains("\"policy_id\":\"rem-" + policy + "\"");
        }
    }

    /** The bulletin most computers still need, from Compliance by Bulletin. */
    private static String mostRequired(JsonNode report) {
        JsonNode best = null;
        for (JsonNode row : report.path("tables").get(0).path("rows")) {
            if (best == null || row.path("required").asInt() > best.path("required").asInt()) {
                best = row;
            }
        }
        assertThat(best).as("a bulletin some computers need: %s", report).isNotNull();
        assertThat(best.path("required").asInt()).as(best.toString()).isPositive();
        return best.path("bulletin_id").asText();
    }

    /** Runs ETL as the server's schedule does; waits until the server answers from the new snapshot; returns its id. */
    private static String etl(WebServer server, URI base, Map<String, String> passwords, String previous) throws Exception {
        Job job = server.services().etl().start("test").orElseThrow();
        assertThat(server.services().jobs().await(job, Duration.ofMinutes(25))).as("ETL finished: %s", job.view()).isTrue();
        assertThat(job.state()).as(String.join("\n", job.view().outputTail())).isEqualTo(Job.State.SUCCEEDED);
        DemoWebSession security = DemoWebSession.signIn(base, DemoUsers.EXCEPTION_USER, passwords.get(DemoUsers.EXCEPTION_USER));
        long deadline = System.nanoTime() + Duration.ofMinutes(5).toNanos();
        while (true) {
            JsonNode health = JSON.readTree(security.get("/health").body());
            String snapshot = health.path("snapshot").asText("");
            if ((!snapshot.isEmpty() && !snapshot.equals(previous)) || System.nanoTime() > deadline) {
                return snapshot;
            }
            Thread.sleep(200);
        }
    }

    private static List<String> with(List<String> command, String... arguments) {
        List<String> full = new ArrayList<>(command);
        full.addAll(List.of(arguments));
        return full;
    }
}
