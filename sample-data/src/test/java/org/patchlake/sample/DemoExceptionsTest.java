package org.patchlake.sample;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.patchlake.core.catalog.Catalog;
import org.patchlake.core.catalog.GeneratedCatalog;
import org.patchlake.core.catalog.Update;
import org.patchlake.sample.fleet.ComputerClass;
import org.patchlake.sample.fleet.FleetGenerator;
import org.patchlake.sample.fleet.FleetMember;
import org.patchlake.sample.fleet.FleetSpec;
import org.patchlake.sample.fleet.Organisation;

class DemoExceptionsTest {
    private static final Catalog CATALOG = GeneratedCatalog.create();

    @Test
    void enrolled_computers_the_bulletin_applies_to_are_exempted_business_critical_servers_first(@TempDir Path agents)
        throws Exception {
        List<FleetMember> fleet = new FleetGenerator(CATALOG)
            .generate(new FleetSpec(400, 3, Instant.parse("2025-11-01T00:00:00Z"), Duration.ofDays(16), Organisation.contoso()));
        String serverProduct = fleet.stream().filter(member -> member.computerClass() == ComputerClass.BUSINESS_CRITICAL_SERVER)
            .findFirst().orElseThrow().machine().os().product();
        String bulletin = CATALOG.updatesForProduct(serverProduct).get(0).bulletinId();
        Set<String> products = CATALOG.updates().stream().filter(update -> bulletin.equals(update.bulletinId()))
            .map(Update::product).collect(Collectors.toSet());
        // every machine enrolled except the first business-critical server (no agent state: never reported)
        FleetMember silent = fleet.stream().filter(member -> member.computerClass() == ComputerClass.BUSINESS_CRITICAL_SERVER)
            .findFirst().orElseThrow();
        Map<String, String> ids = fleet.stream().filter(member -> member != silent)
            .collect(Collectors.toMap(FleetMember::hostname, member -> "c-" + Integer.toHexString(member.hostname().hashCode())));
        for (Map.Entry<String, String> agent : ids.entrySet()) {
            Files.createDirectories(agents.resolve(agent.getKey()));
            Files.writeString(agents.resolve(agent.getKey()).resolve("agent-state.json"),
                "{\"computerId\":\"" + agent.getValue() + "\",\"agentSecret\":\"s\"}");
        }

        List<String> exempt = DemoExceptions.frozenComputers(CATALOG, bulletin, fleet, agents);

        List<FleetMember> expected = fleet.stream()
            .filter(member -> member != silent && member.computerClass() == ComputerClass.BUSINESS_CRITICAL_SERVER)
            .filter(member -> products.contains(member.machine().os().product())).limit(3).toList();
        assertThat(expected).hasSize(3);
        assertThat(exempt).containsExactlyElementsOf(expected.stream().map(member -> ids.get(member.hostname())).toList());
        assertThat(DemoExceptions.frozenComputers(CATALOG, "MS-NO-SUCH-BULLETIN", fleet, agents)).isEmpty();
    }
}
