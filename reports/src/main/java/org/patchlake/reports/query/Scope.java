package org.patchlake.reports.query;

import java.util.Collection;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * What a viewer may see: every region (administrators), or a set of regions and a set of sites. A row is
 * visible when its region is in {@code regions} or its site is in {@code sites}. Applied inside every query
 * as bound parameters; no filter parameter can widen it (filters only narrow within it).
 */
public record Scope(boolean everything, Set<String> regions, Set<String> sites) {
    public Scope {
        regions = Set.copyOf(Objects.requireNonNull(regions, "regions is null"));
        sites = Set.copyOf(Objects.requireNonNull(sites, "sites is null"));
        if (everything && (!regions.isEmpty() || !sites.isEmpty())) {
            throw new IllegalArgumentException("an all-regions scope lists no regions or sites");
        }
    }

    public static Scope all() {
        return new Scope(true, Set.of(), Set.of());
    }

    public static Scope regions(String... regions) {
        return new Scope(false, Set.of(regions), Set.of());
    }

    public static Scope sites(String... sites) {
        return new Scope(false, Set.of(), Set.of(sites));
    }

    public static Scope of(Set<String> regions, Set<String> sites) {
        return new Scope(false, regions, sites);
    }

    /**
     * The one conversion from a signed-in viewer's scope (web's {@code auth.Scope}, a stored schedule's or remediation
     * owner's): every region when {@code allRegions}, else exactly the listed regions and sites.
     */
    public static Scope viewing(boolean allRegions, Collection<String> regions, Collection<String> sites) {
        if (allRegions) {
            return all();
        }
        return of(Set.copyOf(Objects.requireNonNull(regions, "regions is null")), Set.copyOf(Objects.requireNonNull(sites, "sites is null")));
    }

    public boolean allows(String region, String site) {
        return everything || regions.contains(region) || sites.contains(site);
    }

    void bind(SqlParameters parameters) {
        parameters.put("scope_all", everything)
                .put("scope_regions", new TreeSet<>(regions).stream().toList())
                .put("scope_sites", new TreeSet<>(sites).stream().toList());
    }

    Map<String, Object> describe() {
        return everything ? Map.of("scope", "all") : Map.of("scope.regions", new TreeSet<>(regions), "scope.sites", new TreeSet<>(sites));
    }
}
