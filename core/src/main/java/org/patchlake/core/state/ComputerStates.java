package org.patchlake.core.state;

import static java.util.Objects.requireNonNull;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The derived states of one computer: every applicable update and the rollup per bulletin (worst update
 * state; the computer is compliant for a bulletin when that is INSTALLED).
 */
public record ComputerStates(String computerId, List<UpdateStateResult> updates) {
    public ComputerStates {
        requireNonNull(computerId, "computerId is null");
        updates = List.copyOf(updates);
    }

    /** Bulletin id -> rolled-up state, sorted by bulletin id. */
    public Map<String, UpdateState> bulletinStates() {
        Map<String, UpdateState> states = new TreeMap<>();
        for (UpdateStateResult result : updates) {
            states.merge(result.update().bulletinId(), result.state(), UpdateState::worst);
        }
        return Collections.unmodifiableMap(states);
    }

    public boolean isCompliant(String bulletinId) {
        return bulletinStates().get(bulletinId) == UpdateState.INSTALLED;
    }

    /** Counts over the applicable updates. */
    public ComplianceCounts updateCounts() {
        ComplianceCounts.Tally tally = new ComplianceCounts.Tally();
        updates.forEach(result -> tally.add(result.state()));
        return tally.counts();
    }

    /** Counts over the applicable bulletins (one per bulletin, its rolled-up state). */
    public ComplianceCounts bulletinCounts() {
        ComplianceCounts.Tally tally = new ComplianceCounts.Tally();
        bulletinStates().values().forEach(tally::add);
        return tally.counts();
    }

    public List<UpdateStateResult> inState(UpdateState state) {
        return updates.stream().filter(result -> result.state() == state).toList();
    }
}
