package org.patchlake.sample.fleet;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import org.patchlake.agent.endpoint.SimulatedMachine;

/**
 * One computer of a generated fleet: where it is, what it is, how it behaves, and the simulated machine the
 * agent runs on ({@code machine}).
 *
 * @param goneAt when a {@link ReportingProfile#GONE} machine stops reporting for good; null otherwise
 */
public record FleetMember(
    String hostname,
    String region,
    String site,
    String organisationalUnit,
    ComputerClass computerClass,
    int managedLevel,
    PatchProfile patchProfile,
    ReportingProfile reportingProfile,
    Instant goneAt,
    SimulatedMachine machine) {

    public FleetMember {
        requireNonNull(hostname, "hostname is null");
        requireNonNull(region, "region is null");
        requireNonNull(site, "site is null");
        requireNonNull(organisationalUnit, "organisationalUnit is null");
        requireNonNull(computerClass, "computerClass is null");
        requireNonNull(patchProfile, "patchProfile is null");
        requireNonNull(reportingProfile, "reportingProfile is null");
        requireNonNull(machine, "machine is null");
        if (managedLevel < 1 || managedLevel > 4) {
            throw new IllegalArgumentException(hostname + ": managedLevel must be 1 to 4 but was " + managedLevel);
        }
        if ((reportingProfile == ReportingProfile.GONE) != (goneAt != null)) {
            throw new IllegalArgumentException(hostname + ": goneAt is set exactly for GONE machines");
        }
    }
}
