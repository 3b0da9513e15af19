package org.patchlake.sample;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.patchlake.core.catalog.Catalog;
import org.patchlake.sample.fleet.ComputerClass;
import org.patchlake.sample.fleet.FleetMember;

/**
 * The demo's exceptions: on the morning of the wave a security administrator exempts a few computers in a change
 * freeze (business-critical servers where the bulletin applies to them) from the bulletin being remediated, so the
 * Exceptions report (and exempt states) have content.
 */
final class DemoExceptions {
    static final String REASON = "change freeze until the end of the quarter";
    static final Duration FREEZE = Duration.ofDays(30);
    private static final int COMPUTERS = 3;

    private DemoExceptions() {
    }

    /**
     * Up to three enrolled computers (business-critical servers first, then servers) whose operating system the
     * bulletin's updates apply to, by their computer ids (from the agents' state under {@code agents}).
     */
    static List<String> frozenComputers(Catalog catalog, String bulletinId, List<FleetMember> fleet, Path agents) {
        Set<String> products = catalog.updates().stream().filter(update -> bulletinId.equals(update.bulletinId()))
            .map(update -> update.product()).collect(Collectors.toSet());
        List<String> computers = new ArrayList<>();
        ObjectMapper json = new ObjectMapper();
        // business-critical servers first, then servers, then the rest (a bulletin for client systems only)
        List<FleetMember> servers = fleet.stream()
            .sorted(java.util.Comparator.comparingInt(member -> member.computerClass() == ComputerClass.BUSINESS_CRITICAL_SERVER
                ? 0 : member.computerClass().isServer() ? 1 : 2))
            .toList();
        for (FleetMember member : servers) {
            if (computers.size() == COMPUTERS) {
                break;
            }
            Path state = agents.resolve(member.hostname()).resolve("agent-state.json");
            if (!products.contains(member.machine().os().product()) || !Files.isRegularFile(state)) {
                continue;
            }
            try {
                String computerId = json.readTree(state.toFile()).path("computerId").asText("");
                if (!computerId.isEmpty()) {
                    computers.add(computerId);
                }
            } catch (IOException e) {
                throw new UncheckedIOException("agent state " + state + ": " + e.getMessage(), e);
            }
        }
        return computers;
    }
}
