package org.patchlake.sample.fleet;

import java.util.Map;
import java.util.TreeMap;

/** Counts of a generated fleet, for the progress line and the demo's summary. */
public record FleetSummary(int computers, long installedUpdates, Map<String, Integer> byRegion,
                           Map<String, Integer> byClass, Map<String, Integer> byOs, Map<String, Integer> byPatchProfile,
                           int withInstallFailures, int reimaged, int gone) {

    public FleetSummary {
        byRegion = Map.copyOf(byRegion);
        byClass = Map.copyOf(byClass);
        byOs = Map.copyOf(byOs);
        byPatchProfile = Map.copyOf(byPatchProfile);
    }

    @Override
    public String toString() {
        return computers + " computers, " + installedUpdates + " installed updates; regions " + new TreeMap<>(byRegion)
            + "; classes " + new TreeMap<>(byClass) + "; patch habits " + new TreeMap<>(byPatchProfile)
            + "; " + withInstallFailures + " with failing installs, " + reimaged + " to be reimaged, " + gone
            + " contractors' machines that leave";
    }

    static final class Builder {
        private int computers;
        private long installed;
        private final Map<String, Integer> byRegion = new TreeMap<>();
        private final Map<String, Integer> byClass = new TreeMap<>();
        private final Map<String, Integer> byOs = new TreeMap<>();
        private final Map<String, Integer> byPatchProfile = new TreeMap<>();
        private int failures;
        private int reimaged;
        private int gone;

        synchronized void add(FleetMember member) {
            computers++;
            installed += member.machine().installedUpdates().size();
            byRegion.merge(member.region(), 1, Integer::sum);
            byClass.merge(member.computerClass().warehouseName(), 1, Integer::sum);
            byOs.merge(member.machine().os().product(), 1, Integer::sum);
            byPatchProfile.merge(member.patchProfile().name(), 1, Integer::sum);
            failures += member.machine().installBehaviour().isEmpty() ? 0 : 1;
            reimaged += member.machine().reimage() == null ? 0 : 1;
            gone += member.reportingProfile() == ReportingProfile.GONE ? 1 : 0;
        }

        synchronized FleetSummary build() {
            return new FleetSummary(computers, installed, byRegion, byClass, byOs, byPatchProfile, failures, reimaged, gone);
        }
    }
}
