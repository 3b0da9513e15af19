package org.patchlake.sample.pipeline;

import org.patchlake.core.testing.SharedData;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.patchlake.agent.SettableClock;
import org.patchlake.agent.endpoint.SimulatedEndpoint;
import org.patchlake.agent.endpoint.SimulatedMachine;
import org.patchlake.agent.endpoint.WindowsUpdateOffers;
import org.patchlake.core.catalog.Catalog;
import org.patchlake.core.protocol.MissingUpdate;
import org.patchlake.reports.query.SnapshotRelations;
import org.patchlake.sample.CatalogSource;
import org.patchlake.sample.fleet.FleetGenerator;
import org.patchlake.sample.fleet.FleetMember;
import org.patchlake.sample.fleet.FleetSpec;
import org.patchlake.sample.fleet.Organisation;
import org.patchlake.sample.remediation.ChildJvm;
import org.patchlake.sample.remediation.WebSession;
import org.patchlake.sample.simulate.FleetSimulator;
import org.patchlake.sample.simulate.SimulationClock;
import org.patchlake.sample.simulate.SimulationConfig;
import org.patchlake.sample.simulate.SimulationSummary;
import org.patchlake.web.ServeCommand;
import org.patchlake.web.WebConfig;
import org.patchlake.web.WebServer;
import org.patchlake.web.auth.PasswordHasher;
import org.patchlake.web.auth.Role;
import org.patchlake.web.auth.Scope;
import org.patchlake.web.jobs.Job;
import org.patchlake.web.users.UserStore;

/**
 * The simulated path end to end on an excerpt of the real Microsoft catalog (Windows 10 22H2, Windows 7 SP1, Server 2019
 * and 2012 R2 with every product the catalog lists on them): a generated fleet's real agents on simulated machines send
 * inventories with Windows Update's verdict to a real server on the simulation's clock, the real catalog import and ETL
 * run in child JVMs, and the reports answer. Three machines differ from the catalog on purpose (an update the catalog
 * lacks, an update declined on the update server, a failed search); nowhere else may Windows Update and Patchlake
 * disagree. An independent recomputation of every state from the landing files and the catalog's Parquet files
 * ({@link IndependentStates}) must agree with the warehouse.
 */
class SimulatedPipelineTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String PASSWORD = "correct horse battery";
    private static final List<String> OPERATING_SYSTEMS = List.of("Windows 10 Version 22H2 for x64-based Systems",
        "Windows 7 for x64-based Systems Service Pack 1", "Windows Server 2019", "Windows Server 2012 R2");
    private static final String NOT_IN_CATALOG = "KB9900001";

    @TempDir
    static Path data;
    static Catalog catalog;
    static FleetGenerator generator;
    static List<FleetMember> fleet;
    static Instant end;
    static SimulationSummary simulated;
    static WebServer server;
    static WebSession security;
    static Map<String, String> differences = new TreeMap<>();

    @BeforeAll
    static void runTheFleetThroughThePipeline() throws Exception {
        Path csv = CatalogExcerpt.write(SharedData.wesngDefinitions(), OPERATING_SYSTEMS, data.resolve("catalog-excerpt.csv"));
        ChildJvm.run(with(ChildJvm.command("org.patchlake.etl.catalog.CatalogCommand"), "import", csv.toString(), "--warehouse",
            data.resolve("warehouse").toString()), data.resolve("catalog.log"));
        catalog = CatalogSource.load(csv.toString());
        LocalDate tuesday = latestPatchTuesday(catalog);
        Instant start = tuesday.minusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
        end = start.plus(Duration.ofDays(3));
        generator = new FleetGenerator(catalog);
        fleet = differOnPurpose(generator.generate(new FleetSpec(48, 20261207L, start, Duration.ofDays(3), Organisation.contoso())),
            start);

        SimulationClock clock = new SimulationClock(start);
        WebConfig config = WebConfig.defaults(data).withHost("127.0.0.1").withPort(0)
            .withEtl(with(ChildJvm.command("org.patchlake.etl.EtlCommand"), "--as-of", end.toString()), Duration.ZERO);
        server = ServeCommand.assemble(config, clock);
        int port = server.start();
        Map<String, String> tokens = new TreeMap<>();
        for (Organisation.Region region : Organisation.contoso().regions()) {
            for (Organisation.Site site : region.sites()) {
                tokens.put(site.name(), server.services().tokens().create(region.name(), site.name(), null, "test").secret());
            }
        }
        server.services().users().create("security", new UserStore.UserDetails("Sam Security", EnumSet.of(Role.SECURITY_ADMIN),
            Scope.everything(), false, ZoneOffset.UTC), new PasswordHasher(4).hash(PASSWORD));
        SimulationConfig simulation = new SimulationConfig(URI.create("http://127.0.0.1:" + port), tokens, data.resolve("agents"),
            start, end, Duration.ofHours(12), Duration.ofMinutes(10), 4);
        simulated = new FleetSimulator(simulation, clock, fleet, generator.windowsUpdateOffers()).run(progress -> { });
        clock.runOnFromHere();
        Job job = server.services().etl().start("test").orElseThrow();
        assertThat(server.services().jobs().await(job, Duration.ofMinutes(25))).as("ETL finished: %s", job.view()).isTrue();
        assertThat(job.state()).as(String.join("\n", job.view().toString())).isEqualTo(Job.State.SUCCEEDED);
        security = new WebSession("http://127.0.0.1:" + port).signIn("security", PASSWORD);
    }

    /**
     * Three machines differ from the catalog on purpose: the first is offered an update the catalog lacks, the second's
     * update server declined an update it needs (the first security update its Windows Update would list at the end),
     * the third's searches fail. Every other machine's Windows Update answers from the catalog.
     */
    private static List<FleetMember> differOnPurpose(List<FleetMember> generated, Instant start) {
        List<FleetMember> members = new ArrayList<>();
        int changed = 0;
        for (FleetMember member : generated) {
            SimulatedMachine.WindowsUpdate setup = member.machine().windowsUpdate();
            SimulatedMachine.WindowsUpdate plain = new SimulatedMachine.WindowsUpdate(setup.products(), setup.extra().stream()
                .filter(offer -> !offer.isSecurityUpdate()).toList(), List.of(), null);
            SimulatedMachine.WindowsUpdate chosen = plain;
            if (member.reportingProfile() == org.patchlake.sample.fleet.ReportingProfile.ALWAYS && changed < 3) {
                String declined = changed == 1 ? firstListedAtTheEnd(member) : null;
                if (changed != 1 || declined != null) {
                    chosen = switch (changed) {
                        case 0 -> new SimulatedMachine.WindowsUpdate(setup.products(), List.of(new WindowsUpdateOffers.Offer(
                            NOT_IN_CATALOG, "Security Update for Microsoft Visual C++ 2015-2022 Redistributable (" + NOT_IN_CATALOG
                                + ")", "Security Updates", "Important", LocalDate.ofInstant(start, ZoneOffset.UTC).minusDays(5),
                            null)), List.of(), null);
                        case 1 -> new SimulatedMachine.WindowsUpdate(setup.products(), List.of(), List.of(declined), null);
                        default -> new SimulatedMachine.WindowsUpdate(setup.products(), List.of(), List.of(), "0x8024402C");
                    };
                    differences.put(member.hostname(), changed == 0 ? NOT_IN_CATALOG : changed == 1 ? declined : "search fails");
                    changed++;
                }
            }
            members.add(new FleetMember(member.hostname(), member.region(), member.site(), member.organisationalUnit(),
                member.computerClass(), member.managedLevel(), member.patchProfile(), member.reportingProfile(), member.goneAt(),
                withWindowsUpdate(member.machine(), chosen)));
        }
        assertThat(differences).hasSize(3);
        return members;
    }

    /** A security update the machine's Windows Update lists a day into the run and still at its end (so never installed). */
    private static String firstListedAtTheEnd(FleetMember member) {
        List<String> early = listed(member, end.minus(Duration.ofDays(2)));
        return listed(member, end).stream().filter(early::contains).findFirst().orElse(null);
    }

    private static List<String> listed(FleetMember member, Instant at) {
        return new SimulatedEndpoint(member.machine(), new SettableClock(at), generator.windowsUpdateOffers())
            .searchWindowsUpdate().orElseThrow().missing().stream().filter(MissingUpdate::securityUpdate).map(MissingUpdate::kb)
            .toList();
    }

    private static SimulatedMachine withWindowsUpdate(SimulatedMachine m, SimulatedMachine.WindowsUpdate windowsUpdate) {
        return new SimulatedMachine(m.hostname(), m.domain(), m.hardwareId(), m.os(), m.lastBootAt(), m.installedUpdates(),
            m.registry(), m.files(), m.installBehaviour(), m.defaultInstall(), m.reimage(), m.runtime(), m.computerClassHint(),
            m.managedLevel(), m.scheduledInstalls(), windowsUpdate);
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void the_agents_ran_without_a_refusal() {
        assertThat(simulated.agentFailures()).as(simulated.lastFailure()).isZero();
        assertThat(simulated.messagesRejected()).isZero();
    }

    @Test
    void the_machines_made_to_differ_show_each_sides_verdict_for_their_kb() throws Exception {
        JsonNode report = detectionReport();
        Map<String, String> disagreeing = disagreeing(report);
        for (Map.Entry<String, String> made : madeToDiffer().entrySet()) {
            assertThat(disagreeing).as("computers in disagreement: %s", report).containsKey(made.getKey());
            JsonNode drill = JSON.readTree(security.getJson("/api/v1/reports/detection-agreement/computers/"
                + disagreeing.get(made.getKey())).body());
            List<String> rows = new ArrayList<>();
            drill.path("tables").get(0).path("rows").forEach(row -> rows.add(row.path("kb").asText() + " "
                + row.path("windows_update").asText() + " / " + row.path("patchlake").asText() + ": " + row.path("agreement").asText()));
            assertThat(rows).as(drill.toString()).contains(made.getValue().equals(NOT_IN_CATALOG)
                ? NOT_IN_CATALOG + " missing / not in the catalog: missing per Windows Update only"
                : made.getValue() + " not listed / required: required per Patchlake only");
        }
        assertThat(figures(report)).containsEntry("Windows Update searches failed", "1")
            .as("Windows Update lists nothing else that Patchlake does not require")
            .containsEntry("Missing per Windows Update only (computer x KB)", "1");
    }

    /**
     * Everywhere else the two verdicts agree. Machines install only the newest package of each cumulative line, and the
     * catalog's published supersedence does not always reach the older ones: Patchlake must apply DESIGN.md's cumulative
     * servicing (core's state rules) for them to count as installed, as Windows Update does.
     */
    @Test
    void nowhere_else_do_windows_update_and_patchlake_disagree() throws Exception {
        JsonNode report = detectionReport();
        Map<String, String> disagreeing = disagreeing(report);
        Map<String, String> unexpected = new TreeMap<>();
        for (String hostname : disagreeing.keySet()) {
            if (!madeToDiffer().containsKey(hostname)) {
                JsonNode drill = JSON.readTree(security.getJson("/api/v1/reports/detection-agreement/computers/"
                    + disagreeing.get(hostname)).body());
                unexpected.put(hostname, drill.path("tables").get(0).path("rows").toString());
            }
        }
        assertThat(unexpected).as("computers in disagreement nobody made to differ (first rows of each)").isEmpty();
    }

    /** A report's headline figures, label -> value as JSON text. */
    private static Map<String, String> figures(JsonNode report) {
        Map<String, String> figures = new TreeMap<>();
        report.path("figures").forEach(figure -> figures.put(figure.path("label").asText(), figure.path("value").toString()));
        return figures;
    }

    private static JsonNode detectionReport() throws Exception {
        return JSON.readTree(security.getJson("/api/v1/reports/detection-agreement?limit=500").body());
    }

    /** Host name -> computer id of every computer the report lists as in disagreement. */
    private static Map<String, String> disagreeing(JsonNode report) {
        Map<String, String> disagreeing = new TreeMap<>();
        for (JsonNode row : report.path("tables").get(1).path("rows")) {
            disagreeing.put(row.path("hostname").asText(), row.path("computer_id").asText());
        }
        return disagreeing;
    }

    /** Host name -> KB of the machines made to differ whose search completes (the failed search lists nothing). */
    private static Map<String, String> madeToDiffer() {
        Map<String, String> made = new TreeMap<>(differences);
        made.values().remove("search fails");
        return made;
    }

    @Test
    void every_computer_has_states_for_its_os_and_in_box_products_and_none_is_unresolved() throws Exception {
        var check = new org.patchlake.sample.DemoSelfCheck(catalog, generator).check(data.resolve("warehouse"), fleet,
            LocalDate.ofInstant(end, ZoneOffset.UTC));
        assertThat(check.problems()).as(check.describe()).isEmpty();
        assertThat(check.checked()).isGreaterThan(40);
        JsonNode health = JSON.readTree(security.getJson("/api/v1/reports/agent-health").body());
        assertThat(figures(health)).containsEntry("OS not resolved to catalog products", "0");
    }

    @Test
    void an_independent_recomputation_of_every_state_agrees_with_the_warehouse() throws Exception {
        Path warehouse = data.resolve("warehouse");
        Path catalogVersion = warehouse.resolve("catalog").resolve(Files.readString(warehouse.resolve("catalog/CURRENT")).trim());
        Map<String, Map<String, String>> expected = new IndependentStates(catalogVersion)
            .states(LandingInventories.latest(data.resolve("landing")), end, Duration.ofDays(14));
        Map<String, Map<String, String>> actual = warehouseStates(SnapshotRelations.current(warehouse));
        Agreement agreement = Agreement.of(expected, actual);
        System.out.println("independent recomputation: " + agreement.describe());
        assertThat(agreement.compared()).isGreaterThan(1000);
        assertThat(agreement.share()).as(agreement.describe()).isGreaterThanOrEqualTo(0.999);
    }

    private static Map<String, Map<String, String>> warehouseStates(Path snapshot) throws Exception {
        Map<String, Map<String, String>> states = new HashMap<>();
        try (Connection duckdb = DriverManager.getConnection("jdbc:duckdb:"); Statement statement = duckdb.createStatement();
             ResultSet rows = statement.executeQuery("SELECT computer_id, update_id, state FROM "
                 + SnapshotRelations.of(snapshot, "update_state").orElseThrow())) {
            while (rows.next()) {
                states.computeIfAbsent(rows.getString(1), k -> new HashMap<>()).put(rows.getString(2), rows.getString(3));
            }
        }
        return states;
    }

    /** How many computer x update states the two sides share, and the first differences. */
    record Agreement(long compared, long agreeing, List<String> differences) {
        static Agreement of(Map<String, Map<String, String>> expected, Map<String, Map<String, String>> actual) {
            long compared = 0;
            long agreeing = 0;
            List<String> differences = new ArrayList<>();
            Set<String> computers = new TreeSet<>(expected.keySet());
            computers.addAll(actual.keySet());
            for (String computer : computers) {
                Map<String, String> mine = expected.getOrDefault(computer, Map.of());
                Map<String, String> theirs = actual.getOrDefault(computer, Map.of());
                Set<String> updates = new TreeSet<>(mine.keySet());
                updates.addAll(theirs.keySet());
                for (String update : updates) {
                    compared++;
                    String a = mine.get(update);
                    String b = theirs.get(update);
                    if (a != null && a.equals(b)) {
                        agreeing++;
                    } else {
                        differences.add(computer + " " + update + ": recomputed " + a + ", warehouse " + b);
                    }
                }
            }
            return new Agreement(compared, agreeing, differences);
        }

        double share() {
            return compared == 0 ? 0 : (double) agreeing / compared;
        }

        String describe() {
            StringBuilder text = new StringBuilder(String.format("%,d of %,d computer x update states agree (%.3f %%)", agreeing,
                compared, 100 * share()));
            Map<String, Long> kinds = new TreeMap<>();
            differences.forEach(difference -> kinds.merge(difference.substring(difference.indexOf(": ") + 2), 1L, Long::sum));
            if (!kinds.isEmpty()) {
                text.append("; differences by kind ").append(kinds).append("; the first 20:");
            }
            differences.stream().limit(20).forEach(difference -> text.append("\n  ").append(difference));
            return text.toString();
        }
    }

    private static LocalDate latestPatchTuesday(Catalog catalog) {
        LocalDate newest = catalog.updates().stream().map(update -> update.released()).max(LocalDate::compareTo).orElseThrow();
        for (LocalDate month = newest.withDayOfMonth(1); ; month = month.minusMonths(1)) {
            LocalDate tuesday = month.with(java.time.temporal.TemporalAdjusters.dayOfWeekInMonth(2, java.time.DayOfWeek.TUESDAY));
            LocalDate day = tuesday;
            if (!tuesday.isAfter(newest) && catalog.updates().stream().anyMatch(update -> day.equals(update.released()))) {
                return tuesday;
            }
        }
    }

    private static List<String> with(List<String> command, String... arguments) {
        List<String> full = new ArrayList<>(command);
        full.addAll(List.of(arguments));
        return full;
    }
}
