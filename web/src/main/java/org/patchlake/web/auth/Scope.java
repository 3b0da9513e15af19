package org.patchlake.web.auth;

import java.util.Set;
import java.util.TreeSet;

import static java.util.Objects.requireNonNull;

/**
 * What part of the fleet a viewer may see: every region, or the listed regions plus the listed sites.
 * Passed into every report query; a drill-down id outside it is "not found".
 */
public record Scope(boolean allRegions, Set<String> regions, Set<String> sites) {
    public Scope {
        regions = Set.copyOf(requireNonNull(regions, "regions is null"));
        sites = Set.copyOf(requireNonNull(sites, "sites is null"));
    }

    public static Scope everything() {
        return new Scope(true, Set.of(), Set.of());
    }

    public static Scope of(Set<String> regions, Set<String> sites) {
        return new Scope(false, regions, sites);
    }

    public boolean permits(String region, String site) {
        return allRegions || (region != null && regions.contains(region)) || (site != null && sites.contains(site));
    }

    /** True when a whole region is visible (a region filter may be asked for). */
    public boolean permitsRegion(String region) {
        return allRegions || regions.contains(region);
    }

    /** The narrower scope a viewer gets by filtering on a region and/or site they may see. */
    public Scope narrowTo(String region, String site) {
        if (site != null) {
            return new Scope(false, Set.of(), Set.of(site));
        }
        if (region != null) {
            return new Scope(false, Set.of(region), Set.of());
        }
        return this;
    }

    public String describe() {
        if (allRegions) {
            return "all regions";
        }
        StringBuilder text = new StringBuilder();
        if (!regions.isEmpty()) {
            text.append("regions ").append(String.join(", ", new TreeSet<>(regions)));
        }
        if (!sites.isEmpty()) {
            text.append(text.isEmpty() ? "" : "; ").append("sites ").append(String.join(", ", new TreeSet<>(sites)));
        }
        return text.isEmpty() ? "nothing" : text.toString();
    }
}
