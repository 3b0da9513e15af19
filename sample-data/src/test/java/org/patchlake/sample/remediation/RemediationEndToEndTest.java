package org.patchlake.sample.remediation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.patchlake.agent.Agent;
import org.patchlake.agent.AgentConfig;
import org.patchlake.agent.AgentFactory;
import org.patchlake.agent.SettableClock;
import org.patchlake.agent.endpoint.SimulatedEndpoint;
import org.patchlake.agent.endpoint.SimulatedMachine;
import org.patchlake.agent.policy.HttpPackageSource;
import org.patchlake.agent.upload.Backoff;
import org.patchlake.agent.upload.IngestClient;
import org.patchlake.core.catalog.GeneratedCatalog;
import org.patchlake.web.ServeCommand;
import org.patchlake.web.WebConfig;
import org.patchlake.web.WebServer;
import org.patchlake.web.enrollment.EnrollmentTokens;
import org.patchlake.web.auth.PasswordHasher;
import org.patchlake.web.auth.Role;
import org.patchlake.web.auth.Scope;
import org.patchlake.web.auth.SignInLimiter;
import org.patchlake.web.jobs.Job;
import org.patchlake.web.users.UserStore;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The remediation loop on one machine: a real server (web + agent API), real agents on simulated Windows 10
 * machines, the real catalog import and ETL (Spark, in child JVMs). Five computers in region North and one in
 * South all need a bulletin; the North IT administrator remediates the bulletin x North row from the report;
 * two computers install cleanly, one fails with 1603 three times, two need a restart (one gets "restart now").
 * After ETL the bulletin's row, the policy's page and the Delivery Summary show exactly that.
 */
class RemediationEndToEndTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String PASSWORD = "correct horse battery";
    private static final String PRODUCT = GeneratedCatalog.WINDOWS_10_22H2_X64;

    private record Member(String hostname, String region, String site, SimulatedMachine.InstallBehaviour install) {
    }

    @Test
    void a_report_row_becomes_a_policy_agents_install_it_and_the_reports_show_the_new_numbers(@TempDir Path data) throws Exception {
        ChildJvm.run(with(ChildJvm.command("org.patchlake.etl.catalog.CatalogCommand"), "import", "generated", "--warehouse",
                data.resolve("warehouse").toString()), data.resolve("catalog.log"));
        WebConfig config = WebConfig.defaults(data).withHost("127.0.0.1").withPort(0)
                .withEtl(ChildJvm.command("org.patchlake.etl.EtlCommand"), Duration.ZERO)
                .withSecurity(4, SignInLimiter.Limits.defaults(), null);
        try (WebServer server = ServeCommand.assemble(config, Clock.systemUTC())) {
            int port = server.start();
            String base = "http://127.0.0.1:" + port;
            UserStore users = server.services().users();
            String hash = new PasswordHasher(4).hash(PASSWORD);
            users.create("it-north", new UserStore.UserDetails("Nora North", EnumSet.of(Role.IT_ADMIN),
                    Scope.of(Set.of("North"), Set.of()), false, ZoneOffset.UTC), hash);
            EnrollmentTokens tokens = server.services().tokens();
            Instant expires = Instant.now().plus(Duration.ofDays(1));
            Map<String, String> tokenBySite = Map.of("n1", tokens.create("North", "n1", expires, "test").secret(),
                    "s1", tokens.create("South", "s1", expires, "test").secret());

            SimulatedMachine.InstallBehaviour clean = new SimulatedMachine.InstallBehaviour(List.of(0L), 60L, false, null, null);
            SimulatedMachine.InstallBehaviour broken = new SimulatedMachine.InstallBehaviour(List.of(1603L), 60L, false, null, null);
            SimulatedMachine.InstallBehaviour restart = new SimulatedMachine.InstallBehaviour(List.of(3010L), 60L, true, null, null);
            List<Member> members = List.of(new Member("north-ok-1", "North", "n1", clean), new Member("north-ok-2", "North", "n1", clean),
                    new Member("north-broken", "North", "n1", broken), new Member("north-waits", "North", "n1", restart),
                    new Member("north-restarted", "North", "n1", restart), new Member("south-1", "South", "s1", clean));
            Instant t0 = Instant.now().minus(Duration.ofHours(5)).truncatedTo(ChronoUnit.MINUTES);
            SettableClock clock = new SettableClock(t0);
            HttpClient http = IngestClient.defaultHttpClient();
            Map<String, Agent> agents = new LinkedHashMap<>();
            for (Member member : members) {
                SimulatedMachine machine = new SimulatedMachine(member.hostname(), "CONTOSO", null,
                        new SimulatedMachine.Os(PRODUCT, "Windows 10 Pro", "22H2", "10.0.19045.3930", "x64"), t0.minus(Duration.ofDays(2)),
                        List.of(), Map.of(), Map.of(), Map.of(), member.install(), null, null);
                Path state = data.resolve("agents").resolve(member.hostname());
                agents.put(member.hostname(), AgentFactory.create(AgentConfig.defaults(URI.create(base), tokenBySite.get(member.site()), state)
                                .withoutFsync(), new SimulatedEndpoint(machine, clock), clock, Clock.systemUTC(),
                        new Backoff(2, Duration.ofMillis(20), Duration.ofMillis(100), Backoff.REAL_SLEEP), http,
                        new HttpPackageSource(http, state.resolve("packages"), Duration.ofMinutes(1))));
            }
            tick(agents, clock, t0);
            etl(server);

            // the report row: a bulletin every North computer needs, as the North administrator sees it
            WebSession admin = new WebSession(base).signIn("it-north", PASSWORD);
            JsonNode before = JSON.readTree(admin.getJson("/api/v1/reports/compliance-by-bulletin?region=North&limit=500").body());
            JsonNode row = null;
            for (JsonNode candidate : before.path("tables").get(0).path("rows")) {
                if (candidate.path("required").asInt() == 5) {
                    row = candidate;
                    break;
                }
            }
            assertThat(row).as("a bulletin all five North computers need: %s", before).isNotNull();
            String bulletin = row.path("bulletin_id").asText();
            String reportPage = admin.get("/reports/compliance-by-bulletin?region=North&limit=500").body();
            Matcher link = Pattern.compile("href=\"(/remediation/new\\?source=bulletin&amp;bulletinId=" + Pattern.quote(bulletin)
                    + "&amp;region=North[^\"]*)\"").matcher(reportPage);
            assertThat(link.find()).as("Remediate link on the row of " + bulletin).isTrue();
            String form = admin.get(link.group(1).replace("&amp;", "&")).body();
            assertThat(form).contains("This policy will target <strong>5</strong> computers").doesNotContain("south-1");

            Map<String, String> confirm = new LinkedHashMap<>();
            for (String hidden : List.of("idempotencyKey", "expectedTargets", "source", "bulletinId", "region", "report")) {
                Matcher value = Pattern.compile("name=\"" + hidden + "\" value=\"([^\"]*)\"").matcher(form);
                assertThat(value.find()).as(hidden).isTrue();
                confirm.put(hidden, value.group(1));
            }
            confirm.put("name", "Patch " + bulletin + " in North");
            confirm.put("schedule", "at");
            confirm.put("startAt", t0.plus(Duration.ofHours(1)).toString());
            confirm.put("reboot", "never");
            confirm.put("maxRetries", "3");
            HttpResponse<String> created = admin.post("/remediation", confirm);
            HttpResponse<String> doubleClick = admin.post("/remediation", confirm);
            assertThat(created.statusCode()).as(created.body()).isEqualTo(302);
            String policyUrl = created.headers().firstValue("Location").orElseThrow().replaceAll("\\?.*", "");
            assertThat(doubleClick.headers().firstValue("Location").orElseThrow()).startsWith(policyUrl + "?");
            long policyId = Long.parseLong(policyUrl.substring(policyUrl.lastIndexOf('/') + 1));
            assertThat(server.remediation().service().store().policies(10)).hasSize(1);

            // agents check in (policy), install; restart now for one; the broken one retries until it gives up
            tick(agents, clock, t0.plus(Duration.ofMinutes(90)));
            HttpResponse<String> restartNow = admin.postJson("/api/v1/remediation-actions", "{\"idempotencyKey\":\"restart-north-restarted\","
                    + "\"kind\":\"restart\",\"computerId\":\"" + computerId(server, admin, "north-restarted") + "\",\"noticeMinutes\":0}");
            assertThat(restartNow.statusCode()).as(restartNow.body()).isEqualTo(201);
            tick(agents, clock, t0.plus(Duration.ofMinutes(150)));
            tick(agents, clock, t0.plus(Duration.ofMinutes(210)));
            etl(server);

            JsonNode after = servedAfter(admin, "/api/v1/reports/compliance-by-bulletin?region=North&limit=500",
                    before.path("snapshot").path("id").asText());
            JsonNode counts = rowOf(after, bulletin);
            assertThat(counts.path("applicable").asInt()).as(counts.toString()).isEqualTo(5);
            assertThat(counts.path("installed").asInt()).as(counts.toString()).isEqualTo(3);
            // the one left waiting for its restart (reboot "never") and the one whose three attempts failed: the update
            // installed is the bulletin's superseding update, and the restart-waiting one is not listed by Windows yet
            assertThat(counts.path("pending_reboot").asInt()).as(counts.toString()).isEqualTo(1);
            assertThat(counts.path("failed").asInt()).as(counts.toString()).isEqualTo(1);
            assertThat(counts.path("required").asInt()).as(counts.toString()).isZero();

            JsonNode progress = JSON.readTree(admin.getJson("/api/v1/remediations/" + policyId).body()).path("progress");
            assertThat(progress.path("targeted").asInt()).isEqualTo(5);
            assertThat(progress.path("succeeded").asInt()).as(progress.toString()).isEqualTo(3);
            assertThat(progress.path("pendingReboot").asInt()).as(progress.toString()).isEqualTo(1);
            assertThat(progress.path("failed").asInt()).as(progress.toString()).isEqualTo(1);
            assertThat(progress.path("notReported").asInt()).as(progress.toString()).isZero();
            assertThat(progress.path("failuresByCode").get(0).path("returnCode").asLong()).isEqualTo(1603L);
            String page = admin.get("/remediation/policies/" + policyId).body();
            assertThat(page).contains("Patch " + bulletin + " in North", "0x00000643");

            JsonNode delivery = JSON.readTree(admin.getJson("/api/v1/reports/delivery-summary").body());
            JsonNode policyRow = null;
            for (JsonNode candidate : delivery.path("tables").get(0).path("rows")) {
                if (candidate.path("policy_id").asText().equals("rem-" + policyId)) {
                    policyRow = candidate;
                }
            }
            assertThat(policyRow).as("rem-%s in the Delivery Summary: %s", policyId, delivery).isNotNull();
            assertThat(policyRow.path("policy_name").asText()).isEqualTo("Patch " + bulletin + " in North");
            assertThat(policyRow.path("targets").asInt()).as(policyRow.toString()).isEqualTo(5);
            assertThat(policyRow.path("succeeded").asInt()).as(policyRow.toString()).isEqualTo(4);
            assertThat(policyRow.path("succeeded_reboot_required").asInt()).as(policyRow.toString()).isEqualTo(2);
            assertThat(policyRow.path("failed").asInt()).as(policyRow.toString()).isEqualTo(1);

            JsonNode south = JSON.readTree(new WebSession(base).signIn("it-north", PASSWORD)
                    .getJson("/api/v1/reports/compliance-by-bulletin?region=South").body());
            assertThat(south.path("error").asText("")).as("South is outside the North administrator's scope").isNotEmpty();
        }
    }

    private static JsonNode rowOf(JsonNode report, String bulletin) {
        for (JsonNode candidate : report.path("tables").get(0).path("rows")) {
            if (candidate.path("bulletin_id").asText().equals(bulletin)) {
                return candidate;
            }
        }
        throw new AssertionError("no row for " + bulletin + " in " + report);
    }

    private static String computerId(WebServer server, WebSession admin, String hostname) throws Exception {
        JsonNode computers = JSON.readTree(admin.getJson("/api/v1/reports/compliance-by-computer?limit=100").body());
        for (JsonNode candidate : computers.path("tables").get(0).path("rows")) {
            if (candidate.path("hostname").asText().equals(hostname)) {
                return candidate.path("computer_id").asText();
            }
        }
        throw new AssertionError("no computer " + hostname + " in " + computers);
    }

    private static void tick(Map<String, Agent> agents, SettableClock clock, Instant at) {
        clock.set(at);
        for (Map.Entry<String, Agent> agent : agents.entrySet()) {
            Agent.TickReport report = agent.getValue().tick(at);
            assertThat(report.rejected()).as(agent.getKey() + " at " + at).isZero();
            assertThat(report.notDeliveredReason()).as(agent.getKey() + " at " + at).isNull();
        }
    }

    /**
     * The report once the server answers from a snapshot newer than {@code previousSnapshot}: the query layer loads
     * a newly published snapshot in the background and answers from the previous one meanwhile.
     */
    private static JsonNode servedAfter(WebSession session, String path, String previousSnapshot) throws Exception {
        long deadline = System.nanoTime() + Duration.ofMinutes(5).toNanos();
        while (true) {
            JsonNode report = JSON.readTree(session.getJson(path).body());
            if (!report.path("snapshot").path("id").asText().equals(previousSnapshot) || System.nanoTime() > deadline) {
                return report;
            }
            Thread.sleep(200);
        }
    }

    private static void etl(WebServer server) throws Exception {
        Job job = server.services().etl().start("test").orElseThrow();
        // minutes on a quiet machine; far longer when the machine is shared (load 30 on 2 cores seen)
        assertThat(server.services().jobs().await(job, Duration.ofMinutes(25))).as("ETL finished: %s", job.view()).isTrue();
        assertThat(job.state()).as(String.join("\n", job.view().toString())).isEqualTo(Job.State.SUCCEEDED);
    }

    private static List<String> with(List<String> command, String... arguments) {
        List<String> full = new ArrayList<>(command);
        full.addAll(List.of(arguments));
        return full;
    }
}
