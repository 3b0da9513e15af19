package org.patchlake.web.remediation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.patchlake.core.protocol.AgentSettings;
import org.patchlake.core.protocol.ComputerAction;
import org.patchlake.core.protocol.Policy;
import org.patchlake.core.protocol.PolicySet;
import org.patchlake.core.protocol.PolicyState;
import org.patchlake.reports.query.FixtureWarehouse;
import org.patchlake.reports.query.QueryLayer;
import org.patchlake.reports.sla.BusinessCalendar;
import org.patchlake.web.auth.PasswordHasher;
import org.patchlake.web.auth.Role;
import org.patchlake.web.auth.Scope;
import org.patchlake.web.auth.SignInLimiter;
import org.patchlake.web.report.CsvExportService;
import org.patchlake.web.users.UserStore;
import org.patchlake.web.support.TestClient;
import org.patchlake.web.support.TestServer;
import org.patchlake.web.warehouse.WarehouseReportService;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Remediation's routes on a real server over the fixture warehouse (reports module): c3 (EU) REQUIRED and c5 (US)
 * FAILED for KB5000001; c1 (EU) REQUIRED for KB5000002; added here: c5 REQUIRED for KB958644 (MS08-067), which
 * KB5000001 supersedes for Windows Server 2022 (c5's install plan installs KB5000001 for it).
 */
class RemediationRoutesTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern POLICY_URL = Pattern.compile("/remediation/policies/([0-9]+)");

    @TempDir
    static Path data;
    static TestServer server;
    static QueryLayer queries;

    @BeforeAll
    static void start() throws Exception {
        Path warehouse = data.resolve("warehouse");
        FixtureWarehouse.publish(warehouse, "s-20261120123000000", "INSERT INTO update_state VALUES ('c5','KB958644|Windows Server 2022',"
                + "'KB958644','MS08-067','Windows Server 2022','REQUIRED','2026-11-01 00:00','2026-11-01 00:00',NULL,NULL,0,'US','us-nyc',"
                + "'business_critical_server',1,'KB5000001')", FixtureWarehouse.PUBLISHED_AT);
        queries = new QueryLayer(FixtureWarehouse.open(warehouse), BusinessCalendar.saturdaySunday(Set.of()));
        server = new TestServer(data, SignInLimiter.Limits.defaults(), List.of(), store -> WarehouseReportService.over(queries, store),
                reports -> new CsvExportService(reports, Clock.systemUTC()), new QueryLayerRemediationWarehouse(queries));
        UserStore users = server.server().services().users();
        String hash = new PasswordHasher(4).hash(TestServer.PASSWORD);
        users.create("it-all", new UserStore.UserDetails("Ada All", EnumSet.of(Role.IT_ADMIN), Scope.everything(), false, ZoneId.of("UTC")), hash);
        users.create("it-us", new UserStore.UserDetails("Uma US", EnumSet.of(Role.IT_ADMIN), Scope.of(Set.of("US"), Set.of()), false,
                ZoneId.of("UTC")), hash);
    }

    @AfterAll
    static void stop() {
        server.close();
        queries.close();
    }

    private static Map<String, String> bulletinForm(String bulletin, String key, String expected) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("idempotencyKey", key);
        form.put("source", "bulletin");
        form.put("bulletinId", bulletin);
        form.put("report", "compliance-by-bulletin");
        form.put("schedule", "now");
        form.put("reboot", "end-of-cycle");
        form.put("maxRetries", "3");
        form.put("expectedTargets", expected);
        return form;
    }

    private static long policyId(HttpResponse<String> response) {
        String location = response.headers().firstValue("Location").orElseThrow(() -> new AssertionError("no redirect: "
                + response.statusCode() + " " + response.body()));
        Matcher m = POLICY_URL.matcher(location);
        assertThat(m.find()).as(location).isTrue();
        return Long.parseLong(m.group(1));
    }

    private static RemediationService service() {
        return server.server().remediation().service();
    }

    @Test
    void an_it_administrator_confirms_the_frozen_targets_of_a_bulletin_row_and_sees_the_policy_page() {
        TestClient admin = server.signedIn("it-all");
        String form = admin.getHtml("/remediation/new?source=bulletin&bulletinId=KB5000001&report=compliance-by-bulletin").body();
        assertThat(form).contains("This policy will target <strong>2</strong> computers", "c3", "c5",
                "name=\"expectedTargets\" value=\"2\"", "name=\"idempotencyKey\"");

        HttpResponse<String> created = admin.post("/remediation", bulletinForm("KB5000001", "form-" + UUID.randomUUID(), "2"));
        assertThat(created.statusCode()).isEqualTo(302);
        long id = policyId(created);
        RemediationPolicy policy = service().store().policy(id).orElseThrow();
        assertThat(policy.targetCount()).isEqualTo(2);
        assertThat(policy.definition().kbs()).containsExactly("KB5000001");
        assertThat(service().store().targets(id)).extracting(RemediationTarget::computerId).containsExactlyInAnyOrder("c3", "c5");

        String page = admin.getHtml("/remediation/policies/" + id).body();
        assertThat(page).contains("id=\"figure-targeted\"", "Not yet reported", "rem-" + id, "active");
    }

    @Test
    void a_double_click_with_the_same_idempotency_key_makes_one_policy() throws Exception {
        TestClient admin = server.signedIn("it-all");
        String key = "double-" + UUID.randomUUID();
        long first = policyId(admin.post("/remediation", bulletinForm("KB5000001", key, "2")));
        long second = policyId(admin.post("/remediation", bulletinForm("KB5000001", key, "2")));
        assertThat(second).isEqualTo(first);
        assertThat(service().store().policies(1000).stream().filter(p -> p.idempotencyKey().equals(key))).hasSize(1);

        String apiKey = "api-" + UUID.randomUUID();
        String body = "{\"idempotencyKey\":\"" + apiKey + "\",\"source\":\"bulletin\",\"bulletinId\":\"KB5000001\",\"region\":\"US\"}";
        HttpResponse<String> created = admin.postJson("/api/v1/remediations", body, true);
        HttpResponse<String> again = admin.postJson("/api/v1/remediations", body, true);
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        assertThat(again.statusCode()).isEqualTo(200);
        JsonNode one = JSON.readTree(created.body());
        JsonNode two = JSON.readTree(again.body());
        assertThat(two.get("policyId")).isEqualTo(one.get("policyId"));
        assertThat(one.get("targets").asInt()).isEqualTo(1);
        assertThat(two.get("created").asBoolean()).isFalse();
    }

    @Test
    void rows_outside_the_actors_scope_are_refused_and_nothing_is_stored() {
        TestClient us = server.signedIn("it-us");
        int before = service().store().policies(1000).size();
        assertThat(us.getHtml("/remediation/new?source=computer&computerId=c3").statusCode()).isEqualTo(409);
        HttpResponse<String> computer = us.postJson("/api/v1/remediations",
                "{\"idempotencyKey\":\"scope-" + UUID.randomUUID() + "\",\"source\":\"computer\",\"computerId\":\"c3\"}", true);
        HttpResponse<String> unknown = us.postJson("/api/v1/remediations",
                "{\"idempotencyKey\":\"scope-" + UUID.randomUUID() + "\",\"source\":\"computer\",\"computerId\":\"c99\"}", true);
        assertThat(computer.statusCode()).as("out of scope, answered as an unknown computer").isEqualTo(unknown.statusCode()).isEqualTo(409);
        assertThat(computer.body().replace("c3", "ID")).isEqualTo(unknown.body().replace("c99", "ID"));
        HttpResponse<String> euRow = us.post("/remediation", withRegion(bulletinForm("KB5000002", "scope-" + UUID.randomUUID(), "1"), "EU"));
        assertThat(euRow.statusCode()).isEqualTo(403);
        assertThat(service().store().policies(1000)).hasSize(before);

        // the same bulletin row, as this administrator sees it: only the US computer
        String form = us.getHtml("/remediation/new?source=bulletin&bulletinId=KB5000001").body();
        assertThat(form).contains("<strong>1</strong> computer ").contains("c5").doesNotContain(">c3<");

        TestClient manager = server.signedIn("rm-eu");
        assertThat(manager.post("/remediation", bulletinForm("KB5000001", "role-" + UUID.randomUUID(), "2")).statusCode()).isEqualTo(403);
    }

    private static Map<String, String> withRegion(Map<String, String> form, String region) {
        form.put("region", region);
        return form;
    }

    @Test
    void a_post_without_the_csrf_token_is_refused() {
        TestClient admin = server.signedIn("it-all");
        int before = service().store().policies(1000).size();
        HttpResponse<String> form = admin.postRaw("/remediation", bulletinForm("KB5000001", "csrf-" + UUID.randomUUID(), "2"));
        assertThat(form.statusCode()).isEqualTo(403);
        HttpResponse<String> api = admin.postJson("/api/v1/remediations",
                "{\"idempotencyKey\":\"csrf-" + UUID.randomUUID() + "\",\"source\":\"bulletin\",\"bulletinId\":\"KB5000001\"}", false);
        assertThat(api.statusCode()).isEqualTo(403);
        assertThat(api.body()).contains("csrf");
        assertThat(service().store().policies(1000)).hasSize(before);
    }

    @Test
    void bad_parameters_answer_400_naming_the_parameter() throws Exception {
        TestClient admin = server.signedIn("it-all");
        Map<String, String> cases = new LinkedHashMap<>();
        cases.put("schedule", "\"schedule\":\"sometimes\"");
        cases.put("maxRetries", "\"maxRetries\":0");
        cases.put("windowDays", "\"schedule\":\"window\",\"windowStart\":\"22:00\"");
        cases.put("startAt", "\"schedule\":\"at\",\"startAt\":\"next tuesday\"");
        cases.put("rebootAt", "\"reboot\":\"scheduled\"");
        cases.put("pilotPercent", "\"pilotPercent\":150");
        cases.put("bulletinId", "\"bulletinId\":\"KB1<script>\"");
        cases.put("deadline", "\"schedule\":\"at\",\"startAt\":\"2026-12-01T00:00:00Z\",\"deadline\":\"2026-11-01T00:00:00Z\"");
        for (Map.Entry<String, String> c : cases.entrySet()) {
            String body = "{\"idempotencyKey\":\"bad-" + UUID.randomUUID() + "\",\"source\":\"bulletin\",\"bulletinId\":\"KB5000001\","
                    + c.getValue() + "}";
            HttpResponse<String> response = admin.postJson("/api/v1/remediations", body, true);
            assertThat(response.statusCode()).as(c.getKey() + ": " + response.body()).isEqualTo(400);
            assertThat(JSON.readTree(response.body()).path("parameter").asText()).as(response.body()).isEqualTo(c.getKey());
        }
        Map<String, String> farAhead = new LinkedHashMap<>();
        farAhead.put("\"schedule\":\"at\",\"startAt\":\"+999999999-12-31T00:00:00Z\"", "startAt");
        farAhead.put("\"schedule\":\"at\",\"startAt\":\"9999-01-01T00:00\"", "startAt");
        farAhead.put("\"schedule\":\"window\",\"windowDays\":\"SAT\",\"windowStart\":\"22:00\",\"startAt\":\"+999999999-01-01T00:00:00Z\"",
                "startAt");
        farAhead.put("\"deadline\":\"+999999999-12-31T00:00:00Z\"", "deadline");
        farAhead.put("\"deadline\":\"2000-01-01T00:00:00Z\"", "deadline");
        for (Map.Entry<String, String> c : farAhead.entrySet()) {
            HttpResponse<String> response = admin.postJson("/api/v1/remediations", "{\"idempotencyKey\":\"far-" + UUID.randomUUID()
                    + "\",\"source\":\"bulletin\",\"bulletinId\":\"KB5000001\"," + c.getKey() + "}", true);
            assertThat(response.statusCode()).as(c.getKey() + ": " + response.body()).isEqualTo(400);
            assertThat(JSON.readTree(response.body()).path("parameter").asText()).as(response.body()).isEqualTo(c.getValue());
        }
        HttpResponse<String> noKey = admin.postJson("/api/v1/remediations", "{\"source\":\"bulletin\",\"bulletinId\":\"KB5000001\"}", true);
        assertThat(JSON.readTree(noKey.body()).path("parameter").asText()).isEqualTo("idempotencyKey");
        HttpResponse<String> noSource = admin.postJson("/api/v1/remediations", "{\"idempotencyKey\":\"nosource-1\"}", true);
        assertThat(JSON.readTree(noSource.body()).path("parameter").asText()).isEqualTo("source");
        HttpResponse<String> formWithoutCount = admin.post("/remediation", bulletinForm("KB5000001", "count-" + UUID.randomUUID(), ""));
        assertThat(formWithoutCount.statusCode()).isEqualTo(400);
        assertThat(formWithoutCount.body()).contains("expectedTargets");
        HttpResponse<String> changedCount = admin.post("/remediation", bulletinForm("KB5000001", "count-" + UUID.randomUUID(), "7"));
        assertThat(changedCount.statusCode()).isEqualTo(409);
        assertThat(changedCount.body()).contains("now has 2 target computers");
    }

    @Test
    void a_superseded_update_is_replaced_by_the_update_the_install_plan_names() throws Exception {
        TestClient admin = server.signedIn("it-all");
        HttpResponse<String> created = admin.postJson("/api/v1/remediations", "{\"idempotencyKey\":\"super-" + UUID.randomUUID()
                + "\",\"source\":\"bulletin\",\"bulletinId\":\"MS08-067\"}", true);
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        long id = JSON.readTree(created.body()).get("id").asLong();
        List<RemediationTarget> targets = service().store().targets(id);
        assertThat(targets).hasSize(1);
        RemediationTarget.Update update = targets.get(0).updates().get(0);
        assertThat(update.kb()).isEqualTo("KB5000001");
        assertThat(update.requiredKb()).isEqualTo("KB958644");
        assertThat(created.body()).contains("\"installKb\":\"KB5000001\"");
    }

    @Test
    void agents_receive_a_policy_only_when_targeted_and_live_with_their_own_updates_and_ring() throws Exception {
        TestClient admin = server.signedIn("it-all");
        HttpResponse<String> created = admin.postJson("/api/v1/remediations", "{\"idempotencyKey\":\"agents-" + UUID.randomUUID()
                + "\",\"source\":\"bulletin\",\"bulletinId\":\"KB5000001\",\"pilotPercent\":50,\"pilotPauseHours\":48,"
                + "\"schedule\":\"window\",\"windowDays\":[\"SAT\",\"SUN\"],\"windowStart\":\"22:00\",\"windowMinutes\":180,"
                + "\"windowZone\":\"Europe/Berlin\",\"reboot\":\"never\"}", true);
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        String wireId = JSON.readTree(created.body()).get("policyId").asText();
        long id = RemediationPolicy.idOf(wireId);
        org.patchlake.ingest.policy.PolicySource source = server.server().remediation().policySource(() -> "http://patchlake.test:7070");
        Instant now = Instant.now();

        Policy forC5 = policy(source.policiesFor("c5", now, AgentSettings.DEFAULTS), wireId);
        Policy forC3 = policy(source.policiesFor("c3", now, AgentSettings.DEFAULTS), wireId);
        assertThat(forC5.updates()).singleElement().satisfies(u -> {
            assertThat(u.kb()).isEqualTo("KB5000001");
            assertThat(u.product()).isEqualTo("Windows Server 2022");
            assertThat(u.downloadUrl()).isEqualTo("http://patchlake.test:7070/packages/KB5000001.msu");
        });
        assertThat(forC3.updates()).singleElement().satisfies(u -> assertThat(u.product()).startsWith("Windows 11"));
        assertThat(forC5.maintenanceWindow().timeZone()).isEqualTo("Europe/Berlin");
        assertThat(java.time.Duration.between(forC5.scheduleStart(), forC3.scheduleStart()).abs())
                .as("one pilot, the other 48 h later").isEqualTo(java.time.Duration.ofHours(48));
        assertThat(source.policiesFor("c1", now, AgentSettings.DEFAULTS).policies()).extracting(Policy::policyId).doesNotContain(wireId);

        assertThat(admin.postJson("/api/v1/remediations/" + id + "/pause", "{}", true).statusCode()).isEqualTo(200);
        Policy paused = policy(source.policiesFor("c5", now, AgentSettings.DEFAULTS), wireId);
        assertThat(paused.state()).isEqualTo(PolicyState.PAUSED);
        assertThat(paused.revision()).isEqualTo(forC5.revision() + 1);
        assertThat(admin.postJson("/api/v1/remediations/" + id + "/pause", "{}", true).statusCode()).isEqualTo(409);
        assertThat(admin.post("/remediation/policies/" + id + "/cancel", Map.of()).statusCode()).isEqualTo(302);
        assertThat(source.policiesFor("c5", now, AgentSettings.DEFAULTS).policies()).extracting(Policy::policyId).doesNotContain(wireId);

        HttpResponse<byte[]> download = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(server.url("/packages/KB5000001.msu")))
                .build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(download.statusCode()).as("packages download without a session").isEqualTo(200);
        assertThat(RemediationPackages.sha256(download.body())).isEqualTo(forC5.updates().get(0).sha256());
    }

    private static Policy policy(PolicySet set, String wireId) {
        return set.policies().stream().filter(p -> p.policyId().equals(wireId)).findFirst()
                .orElseThrow(() -> new AssertionError(set.computerId() + " did not receive " + wireId + ": " + set.policies()));
    }

    @Test
    void a_bulletin_row_wholly_outside_the_scope_answers_as_a_row_without_computers_and_says_no_counts() throws Exception {
        TestClient us = server.signedIn("it-us");
        HttpResponse<String> outside = us.postJson("/api/v1/remediations", "{\"idempotencyKey\":\"row-" + UUID.randomUUID()
                + "\",\"source\":\"bulletin\",\"bulletinId\":\"KB5000002\",\"site\":\"Berlin\"}", true);
        HttpResponse<String> unknown = us.postJson("/api/v1/remediations", "{\"idempotencyKey\":\"row-" + UUID.randomUUID()
                + "\",\"source\":\"bulletin\",\"bulletinId\":\"KB9999999\",\"site\":\"Berlin\"}", true);
        assertThat(outside.statusCode()).isEqualTo(unknown.statusCode()).isEqualTo(409);
        assertThat(outside.body().replace("KB5000002", "ID")).isEqualTo(unknown.body().replace("KB9999999", "ID"));
        assertThat(outside.body()).doesNotContainPattern("[0-9]+ computer\\(s\\)");
        HttpResponse<String> region = us.postJson("/api/v1/remediations", "{\"idempotencyKey\":\"row-" + UUID.randomUUID()
                + "\",\"source\":\"bulletin\",\"bulletinId\":\"KB5000002\",\"region\":\"EU\"}", true);
        assertThat(region.statusCode()).isEqualTo(403);
        assertThat(region.body()).contains("region 'EU' is outside your scope").doesNotContainPattern("[0-9]+ computer");
    }

    @Test
    void a_policy_wholly_outside_the_scope_answers_as_one_that_does_not_exist() throws Exception {
        TestClient admin = server.signedIn("it-all");
        HttpResponse<String> created = admin.postJson("/api/v1/remediations", "{\"idempotencyKey\":\"eu-" + UUID.randomUUID()
                + "\",\"source\":\"bulletin\",\"bulletinId\":\"KB5000001\",\"region\":\"EU\"}", true);
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        long id = JSON.readTree(created.body()).get("id").asLong();
        long missing = id + 100_000;
        TestClient us = server.signedIn("it-us");
        for (String path : List.of("/api/v1/remediations/%d", "/remediation/policies/%d")) {
            HttpResponse<String> outside = us.get(path.formatted(id));
            HttpResponse<String> unknown = us.get(path.formatted(missing));
            assertThat(outside.statusCode()).as(path).isEqualTo(unknown.statusCode()).isEqualTo(404);
            assertThat(outside.body().replace(Long.toString(id), "ID")).isEqualTo(unknown.body().replace(Long.toString(missing), "ID"));
        }
        HttpResponse<String> retry = us.postJson("/api/v1/remediations", "{\"idempotencyKey\":\"retry-" + UUID.randomUUID()
                + "\",\"source\":\"failed-delivery\",\"policyId\":\"rem-" + id + "\"}", true);
        HttpResponse<String> retryUnknown = us.postJson("/api/v1/remediations", "{\"idempotencyKey\":\"retry-" + UUID.randomUUID()
                + "\",\"source\":\"failed-delivery\",\"policyId\":\"rem-" + missing + "\"}", true);
        assertThat(retry.statusCode()).isEqualTo(retryUnknown.statusCode()).isEqualTo(404);
        assertThat(retry.body().replace(Long.toString(id), "ID")).isEqualTo(retryUnknown.body().replace(Long.toString(missing), "ID"));
    }

    @Test
    void a_scoped_administrator_cannot_pause_a_policy_that_reaches_beyond_their_scope() throws Exception {
        TestClient admin = server.signedIn("it-all");
        HttpResponse<String> created = admin.postJson("/api/v1/remediations", "{\"idempotencyKey\":\"wide-" + UUID.randomUUID()
                + "\",\"source\":\"bulletin\",\"bulletinId\":\"KB5000001\"}", true);
        long id = JSON.readTree(created.body()).get("id").asLong();
        TestClient us = server.signedIn("it-us");
        assertThat(us.postJson("/api/v1/remediations/" + id + "/cancel", "{}", true).statusCode()).isEqualTo(403);
        assertThat(service().store().policy(id).orElseThrow().status()).isEqualTo(RemediationPolicy.Status.ACTIVE);
        String page = us.getHtml("/remediation/policies/" + id).body();
        assertThat(page).as("the US administrator sees the US target only").contains("c5").doesNotContain(">c3<");
    }

    @Test
    void rescan_and_restart_reach_only_the_computer_at_check_in_and_are_audited_in_the_csv_export() throws Exception {
        TestClient us = server.signedIn("it-us");
        HttpResponse<String> refused = us.postJson("/api/v1/remediation-actions", "{\"idempotencyKey\":\"act-" + UUID.randomUUID()
                + "\",\"kind\":\"restart\",\"computerId\":\"c1\"}", true);
        HttpResponse<String> unknownComputer = us.postJson("/api/v1/remediation-actions", "{\"idempotencyKey\":\"act-" + UUID.randomUUID()
                + "\",\"kind\":\"restart\",\"computerId\":\"c99\"}", true);
        assertThat(refused.statusCode()).as("out of scope, answered as an unknown computer").isEqualTo(404);
        assertThat(refused.body().replace("c1", "ID")).isEqualTo(unknownComputer.body().replace("c99", "ID"));
        Map<String, String> form = new LinkedHashMap<>();
        form.put("idempotencyKey", "restart-" + UUID.randomUUID());
        form.put("kind", "restart");
        form.put("computerId", "c4");
        form.put("noticeMinutes", "30");
        form.put("noticeMessage", "Restarting for KB5000001");
        form.put("report", "reboot-status");
        assertThat(us.post("/remediation/actions", form).statusCode()).isEqualTo(302);
        assertThat(us.post("/remediation/actions", form).statusCode()).as("double click").isEqualTo(302);
        HttpResponse<String> rescan = us.postJson("/api/v1/remediation-actions", "{\"idempotencyKey\":\"rescan-" + UUID.randomUUID()
                + "\",\"kind\":\"rescan\",\"computerId\":\"c4\"}", true);
        assertThat(rescan.statusCode()).isEqualTo(201);

        PolicySet set = server.server().remediation().policySource(() -> "http://x").policiesFor("c4", Instant.now(), AgentSettings.DEFAULTS);
        assertThat(set.actions()).extracting(ComputerAction::kind).containsExactly(ComputerAction.Kind.RESTART, ComputerAction.Kind.RESCAN);
        assertThat(set.actions().get(0).noticeMinutes()).isEqualTo(30);
        assertThat(server.server().remediation().policySource(() -> "http://x").policiesFor("c5", Instant.now(), AgentSettings.DEFAULTS)
                .actions()).isEmpty();

        HttpResponse<String> csv = us.get("/remediation/audit?format=csv");
        assertThat(csv.statusCode()).isEqualTo(200);
        assertThat(csv.headers().firstValue("Content-Type").orElse("")).startsWith("text/csv");
        List<String> lines = csv.body().lines().toList();
        assertThat(lines.get(0)).isEqualTo("id,at_utc,actor,action,target,client_address,before,details");
        assertThat(lines).filteredOn(l -> l.contains("remediation_restart_requested")).singleElement()
                .satisfies(l -> assertThat(l).contains("it-us", "c4", "reboot-status", "Restarting for KB5000001"));
        assertThat(lines).filteredOn(l -> l.contains("remediation_rescan_requested")).hasSize(1);
        assertThat(lines).as("an IT administrator sees only their own entries").allSatisfy(l -> assertThat(l).doesNotContain(",it-all,"));
    }

    @Test
    void policy_creation_is_audited_with_the_row_the_parameters_and_the_computers() {
        TestClient admin = server.signedIn("it-all");
        Map<String, String> form = bulletinForm("KB5000001", "audit-" + UUID.randomUUID(), "2");
        form.put("reboot", "scheduled");
        form.put("rebootAt", "03:30");
        long id = policyId(admin.post("/remediation", form));
        TestClient security = server.signedIn("sec");
        String page = security.getHtml("/remediation/audit").body();
        assertThat(page).contains("remediation_policy_created", "policy:rem-" + id);
        String csv = security.get("/remediation/audit?format=csv").body();
        String line = csv.lines().filter(l -> l.contains("policy:rem-" + id + ",")).findFirst().orElseThrow();
        assertThat(line).contains("it-all", "compliance-by-bulletin", "KB5000001", "03:30", "c3", "c5");
    }

    @Test
    void report_rows_carry_remediation_links_for_it_administrators_only() {
        String byBulletin = server.signedIn("it-all").getHtml("/reports/compliance-by-bulletin").body();
        assertThat(byBulletin).contains("<th class=\"row-actions\">Actions</th>", "/remediation/new?source=bulletin&amp;bulletinId=KB5000001");
        String regional = server.signedIn("it-all").getHtml("/reports/compliance-by-bulletin?region=US").body();
        assertThat(regional).contains("bulletinId=KB5000001&amp;region=US");
        String computers = server.signedIn("it-all").getHtml("/reports/compliance-by-computer").body();
        assertThat(computers).contains("source=computer&amp;computerId=c5", "kind=restart&amp;computerId=c5");
        String computerPage = server.signedIn("it-all").getHtml("/computers/c5").body();
        assertThat(computerPage).contains("source=computer&amp;computerId=c5&amp;bulletinId=KB5000001");
        String manager = server.signedIn("rm-eu").getHtml("/reports/compliance-by-bulletin").body();
        assertThat(manager).doesNotContain("/remediation/new");
    }
}
