package org.patchlake.sample.simulate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.patchlake.core.catalog.GeneratedCatalog;
import org.patchlake.core.protocol.AgentSettings;
import org.patchlake.core.protocol.PolicySet;
import org.patchlake.ingest.IngestConfig;
import org.patchlake.ingest.IngestServer;
import org.patchlake.ingest.IngestService;
import org.patchlake.ingest.http.ProtocolJson;
import org.patchlake.ingest.landing.LandedEnvelopes;
import org.patchlake.ingest.registry.AgentRegistry;
import org.patchlake.sample.fleet.FleetGenerator;
import org.patchlake.sample.fleet.FleetMember;
import org.patchlake.sample.fleet.FleetSpec;
import org.patchlake.sample.fleet.Organisation;
import org.patchlake.sample.fleet.ReportingProfile;

class FleetSimulatorTest {
    @Test
    void agents_of_a_generated_fleet_enroll_scan_and_land_their_inventories_in_simulated_time(@TempDir Path data)
        throws Exception {
        Instant start = Instant.parse("2026-06-01T00:00:00Z");
        Instant end = start.plus(Duration.ofDays(3));
        FleetGenerator generator = new FleetGenerator(GeneratedCatalog.create());
        List<FleetMember> fleet = generator.generate(new FleetSpec(40, 42, start, Duration.ofDays(3), Organisation.contoso()));
        SimulationClock clock = new SimulationClock(start);
        Map<String, String> tokens = tokens(data, clock);
        IngestConfig ingest = IngestConfig.defaults(data).withPort(0);
        IngestServer server = IngestServer.start(IngestService.open(new IngestConfig(data, 0, ingest.node(),
            ingest.maxBodyBytes(), ingest.maxDecompressedBytes(), ingest.clockSkew(), ingest.rollBytes(),
            ingest.rollAge(), ingest.compressionLevel(), ingest.dedupWindow(), new AgentSettings(24 * 60, 8 * 60, 14)),
            (computerId, now, settings) -> new PolicySet(computerId, now, List.of(), settings), clock));
        SimulationSummary summary;
        List<SimulationProgress> progress = new ArrayList<>();
        List<Instant> milestones = new ArrayList<>();
        try {
            SimulationConfig config = new SimulationConfig(URI.create("http://127.0.0.1:" + server.port()), tokens,
                data.resolve("agents"), start, end, Duration.ofHours(8), Duration.ofMinutes(10), 2);
            summary = new FleetSimulator(config, clock, fleet, generator.windowsUpdateOffers()).run(
                List.of(new Milestone(start.plus(Duration.ofHours(30)), "look at the clock", () -> milestones.add(clock.instant()))),
                progress::add);
            server.service().sealLanding();
        } finally {
            server.close();
        }

        assertThat(summary.agentFailures()).as(summary.lastFailure()).isZero();
        assertThat(summary.messagesRejected()).isZero();
        assertThat(milestones).as("the milestone ran once, with the clock at its time")
            .containsExactly(start.plus(Duration.ofHours(30)));
        assertThat(progress).hasSizeGreaterThanOrEqualTo(3);
        Set<String> alwaysOn = fleet.stream()
            .filter(member -> member.reportingProfile() == ReportingProfile.ALWAYS)
            .map(FleetMember::hostname).collect(Collectors.toSet());
        List<JsonNode> enrollments = LandedEnvelopes.read(data, "enrollment");
        Set<String> enrolledHosts = enrollments.stream()
            .map(line -> line.path("payload").path("hostname").asText()).collect(Collectors.toSet());
        assertThat(enrolledHosts).containsAll(alwaysOn);
        assertThat(enrolledHosts).as("contractors' machines report before they leave").containsAll(fleet.stream()
            .filter(member -> member.reportingProfile() == ReportingProfile.GONE).map(FleetMember::hostname).toList());
        assertThat(summary.enrolled()).isEqualTo(enrolledHosts.size());
        assertThat(enrollments).allSatisfy(line -> assertThat(line.path("payload").path("managedLevel").asInt())
            .as("managed level sent at enrollment").isBetween(1, 4));
        assertThat(enrollments).extracting(line -> line.path("payload").path("computerClassHint").asText())
            .as("classes sent at enrollment").contains("WORKSTATION", "NOTEBOOK", "SERVER");

        List<JsonNode> inventories = LandedEnvelopes.read(data, "inventory");
        Set<String> messageIds = new HashSet<>();
        Set<String> reportingComputers = new HashSet<>();
        for (JsonNode inventory : inventories) {
            assertThat(messageIds.add(inventory.path("messageId").asText())).as("message ids are unique").isTrue();
            reportingComputers.add(inventory.path("computerId").asText());
            Instant scannedAt = Instant.parse(inventory.path("payload").path("scannedAt").asText());
            assertThat(scannedAt).isBetween(start, end);
            assertThat(Instant.parse(inventory.path("receivedAt").asText())).as("received in simulated time")
                .isBetween(start, end);
        }
        // every inventory is sent exactly as the Windows backend's identity would give it, with Windows Update's verdict
        assertThat(inventories).allSatisfy(inventory -> {
            JsonNode payload = inventory.path("payload");
            assertThat(payload.path("os").path("version").asText()).matches("\\d+\\.\\d+\\.\\d+");
            assertThat(payload.path("os").path("build").asText()).matches("\\d+\\.\\d+");
            assertThat(payload.path("windowsUpdate").path("source").asText()).isEqualTo("ONLINE");
        });
        assertThat(inventories).anySatisfy(inventory -> assertThat(inventory.path("payload").path("windowsUpdate")
            .path("missing").size()).isPositive());
        assertThat(reportingComputers).as("computers with inventories; simulation: %s", summary)
            .hasSize(enrolledHosts.size());
        // Always-on machines scan and upload a full inventory daily: three simulated days, three each.
        assertThat(inventories.size()).isGreaterThanOrEqualTo(alwaysOn.size() * 3);
        assertThat(summary.requests()).as("only due work: enrollment, 3 check-ins and 1 inventory a day at most")
            .isLessThanOrEqualTo(fleet.size() * (1 + 3 * 4L));
    }

    @Test
    void a_site_without_a_token_is_refused_before_anything_runs(@TempDir Path data) {
        Instant start = Instant.parse("2026-01-01T00:00:00Z");
        List<FleetMember> fleet = new FleetGenerator(GeneratedCatalog.create())
            .generate(new FleetSpec(5, 1, start, Duration.ofDays(1), Organisation.contoso()));
        SimulationConfig config = new SimulationConfig(URI.create("http://127.0.0.1:1"), Map.of("Nowhere", "t"),
            data, start, start.plus(Duration.ofDays(1)), Duration.ofHours(8), Duration.ofMinutes(10), 1);
        assertThatThrownBy(() -> new FleetSimulator(config, new SimulationClock(start), fleet,
            org.patchlake.agent.endpoint.WindowsUpdateOffers.NONE))
            .hasMessageContaining("no enrollment token for site");
    }

    private static Map<String, String> tokens(Path data, Clock clock) {
        AgentRegistry registry = new AgentRegistry(data.resolve("ingest"), new ProtocolJson().mapper(),
            new SecureRandom(), clock);
        Map<String, String> tokens = new TreeMap<>();
        for (Organisation.Region region : Organisation.contoso().regions()) {
            for (Organisation.Site site : region.sites()) {
                tokens.put(site.name(), registry.createToken(site.name(), region.name(), null).clearText());
            }
        }
        return tokens;
    }
}
