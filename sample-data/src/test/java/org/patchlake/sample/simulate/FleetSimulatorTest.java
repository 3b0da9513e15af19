package org.patchlake.sample.simulate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.patchlake.core.catalog.GeneratedCatalog;
import org.patchlake.core.protocol.PolicySet;
import org.patchlake.ingest.IngestConfig;
import org.patchlake.ingest.IngestServer;
import org.patchlake.ingest.IngestService;
import org.patchlake.ingest.http.ProtocolJson;
import org.patchlake.ingest.registry.AgentRegistry;
import org.patchlake.sample.fleet.FleetGenerator;
import org.patchlake.sample.fleet.FleetMember;
import org.patchlake.sample.fleet.FleetSpec;
import org.patchlake.sample.fleet.Organisation;
import org.patchlake.sample.fleet.ReportingProfile;

class FleetSimulatorTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void agents_of_a_generated_fleet_enroll_scan_and_land_their_inventories_in_simulated_time(@TempDir Path data)
        throws Exception {
        Instant start = Instant.now().minus(Duration.ofDays(3)).truncatedTo(ChronoUnit.HOURS);
        List<FleetMember> fleet = new FleetGenerator(GeneratedCatalog.create())
            .generate(new FleetSpec(40, 42, start, Duration.ofDays(3), Organisation.contoso()));
        AgentRegistry registry = new AgentRegistry(data.resolve("ingest"), new ProtocolJson().mapper(),
            new SecureRandom(), Clock.systemUTC());
        Map<String, String> tokens = new TreeMap<>();
        for (Organisation.Region region : Organisation.contoso().regions()) {
            for (Organisation.Site site : region.sites()) {
                tokens.put(site.name(), registry.createToken(site.name(), region.name(), null).clearText());
            }
        }
        IngestServer server = IngestServer.start(IngestService.open(IngestConfig.defaults(data).withPort(0),
            (computerId, now, settings) -> new PolicySet(computerId, now, List.of(), settings), Clock.systemUTC()));
        SimulationSummary summary;
        List<SimulationProgress> progress = new ArrayList<>();
        try {
            SimulationConfig config = new SimulationConfig(URI.create("http://127.0.0.1:" + server.port()), tokens,
                data.resolve("agents"), start, start.plus(Duration.ofDays(3)), Duration.ofHours(1), 4);
            summary = new FleetSimulator(config, fleet).run(progress::add);
            server.service().sealLanding();
        } finally {
            server.close();
        }

        assertThat(summary.agentFailures()).as(summary.lastFailure()).isZero();
        assertThat(summary.messagesRejected()).isZero();
        assertThat(progress).hasSizeGreaterThanOrEqualTo(3);
        Set<String> alwaysOn = fleet.stream()
            .filter(member -> member.reportingProfile() == ReportingProfile.ALWAYS)
            .map(FleetMember::hostname).collect(Collectors.toSet());
        List<JsonNode> enrollments = landed(data, "enrollment");
        Set<String> enrolledHosts = enrollments.stream()
            .map(line -> line.path("payload").path("hostname").asText()).collect(Collectors.toSet());
        assertThat(enrolledHosts).containsAll(alwaysOn);
        assertThat(summary.enrolled()).isEqualTo(enrolledHosts.size());

        List<JsonNode> inventories = landed(data, "inventory");
        Set<String> messageIds = new HashSet<>();
        Set<String> reportingComputers = new HashSet<>();
        for (JsonNode inventory : inventories) {
            assertThat(messageIds.add(inventory.path("messageId").asText())).as("message ids are unique").isTrue();
            reportingComputers.add(inventory.path("computerId").asText());
            Instant scannedAt = Instant.parse(inventory.path("payload").path("scannedAt").asText());
            assertThat(scannedAt).isBetween(start, start.plus(Duration.ofDays(3)));
        }
        assertThat(reportingComputers).as("computers with inventories; simulation: %s", summary)
            .hasSize(enrolledHosts.size());
        // Always-on machines upload a full inventory at least daily: three simulated days, at least three each.
        assertThat(inventories.size()).isGreaterThanOrEqualTo(alwaysOn.size() * 3);
    }

    @Test
    void a_site_without_a_token_is_refused_before_anything_runs(@TempDir Path data) {
        Instant start = Instant.parse("2026-01-01T00:00:00Z");
        List<FleetMember> fleet = new FleetGenerator(GeneratedCatalog.create())
            .generate(new FleetSpec(5, 1, start, Duration.ofDays(1), Organisation.contoso()));
        SimulationConfig config = new SimulationConfig(URI.create("http://127.0.0.1:1"), Map.of("Nowhere", "t"),
            data, start, start.plus(Duration.ofDays(1)), Duration.ofHours(1), 1);
        assertThatThrownBy(() -> new FleetSimulator(config, fleet))
            .hasMessageContaining("no enrollment token for site");
    }

    private static List<JsonNode> landed(Path data, String kind) throws IOException {
        List<JsonNode> lines = new ArrayList<>();
        Path root = data.resolve("landing").resolve(kind);
        if (!Files.isDirectory(root)) {
            return lines;
        }
        try (Stream<Path> files = Files.walk(root)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".jsonl.gz")).sorted().toList()) {
                try (BufferedReader reader = new BufferedReader(new InputStreamReader(
                    new GZIPInputStream(Files.newInputStream(file)), StandardCharsets.UTF_8))) {
                    String line;
                    while ((line = reader.readLine()) != null) {
                        if (!line.isBlank()) {
                            lines.add(JSON.readTree(line));
                        }
                    }
                }
            }
        }
        return lines;
    }
}
