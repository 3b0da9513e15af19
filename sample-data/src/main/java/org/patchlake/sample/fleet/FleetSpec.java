package org.patchlake.sample.fleet;

import static java.util.Objects.requireNonNull;

import java.time.Duration;
import java.time.Instant;

/**
 * What fleet to generate.
 *
 * @param endpoints      number of computers
 * @param seed           the same seed and catalog give the same fleet
 * @param asOf           the moment the generated patch history reaches (the simulation starts here)
 * @param simulationSpan how long the simulation will run after {@code asOf}: reimages and departures fall inside it
 * @param organisation   regions and sites
 */
public record FleetSpec(int endpoints, long seed, Instant asOf, Duration simulationSpan, Organisation organisation) {

    public FleetSpec {
        requireNonNull(asOf, "asOf is null");
        requireNonNull(simulationSpan, "simulationSpan is null");
        requireNonNull(organisation, "organisation is null");
        if (endpoints < 1) {
            throw new IllegalArgumentException("endpoints must be at least 1 but was " + endpoints);
        }
        if (simulationSpan.isNegative() || simulationSpan.isZero()) {
            throw new IllegalArgumentException("simulationSpan must be positive but was " + simulationSpan);
        }
    }
}
