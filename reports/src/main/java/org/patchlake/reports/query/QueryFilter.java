package org.patchlake.reports.query;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * Report filters. Every one only narrows the rows the {@link Scope} already allows: {@code regions} and
 * {@code sites} here select within the scope, they never add to it. Empty set = no filter. The date range
 * applies to bulletin release dates (compliance, SLA) or event times (deliveries, trends), inclusive.
 */
public record QueryFilter(Set<String> severities, Set<String> computerClasses, Set<String> regions, Set<String> sites,
                          LocalDate from, LocalDate to) {
    public QueryFilter {
        severities = Set.copyOf(Objects.requireNonNull(severities, "severities is null"));
        computerClasses = Set.copyOf(Objects.requireNonNull(computerClasses, "computerClasses is null"));
        regions = Set.copyOf(Objects.requireNonNull(regions, "regions is null"));
        sites = Set.copyOf(Objects.requireNonNull(sites, "sites is null"));
        if (from != null && to != null && from.isAfter(to)) {
            throw new IllegalArgumentException("date range from " + from + " is after to " + to);
        }
    }

    public static QueryFilter none() {
        return new QueryFilter(Set.of(), Set.of(), Set.of(), Set.of(), null, null);
    }

    public QueryFilter withSeverities(String... values) {
        return new QueryFilter(Set.of(values), computerClasses, regions, sites, from, to);
    }

    public QueryFilter withComputerClasses(String... values) {
        return new QueryFilter(severities, Set.of(values), regions, sites, from, to);
    }

    public QueryFilter withRegions(String... values) {
        return new QueryFilter(severities, computerClasses, Set.of(values), sites, from, to);
    }

    public QueryFilter withSites(String... values) {
        return new QueryFilter(severities, computerClasses, regions, Set.of(values), from, to);
    }

    public QueryFilter between(LocalDate newFrom, LocalDate newTo) {
        return new QueryFilter(severities, computerClasses, regions, sites, newFrom, newTo);
    }

    void bind(SqlParameters parameters) {
        parameters.put("severities", sorted(severities))
                .put("classes", sorted(computerClasses))
                .put("regions", sorted(regions))
                .put("sites", sorted(sites))
                .put("from", from)
                .put("to", to);
    }

    Map<String, Object> describe() {
        Map<String, Object> out = new LinkedHashMap<>();
        if (!severities.isEmpty()) out.put("severity", new TreeSet<>(severities));
        if (!computerClasses.isEmpty()) out.put("computerClass", new TreeSet<>(computerClasses));
        if (!regions.isEmpty()) out.put("region", new TreeSet<>(regions));
        if (!sites.isEmpty()) out.put("site", new TreeSet<>(sites));
        if (from != null) out.put("from", from);
        if (to != null) out.put("to", to);
        return out;
    }

    private static List<String> sorted(Set<String> values) {
        return new TreeSet<>(values).stream().toList();
    }
}
