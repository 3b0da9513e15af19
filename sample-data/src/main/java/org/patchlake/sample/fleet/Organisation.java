package org.patchlake.sample.fleet;

import static java.util.Objects.requireNonNull;

import java.util.List;

/** The enterprise a fleet belongs to: regions, each with its sites. */
public record Organisation(String name, String domain, List<Region> regions) {

    public Organisation {
        requireNonNull(name, "name is null");
        requireNonNull(domain, "domain is null");
        regions = List.copyOf(regions);
        if (regions.isEmpty()) {
            throw new IllegalArgumentException("an organisation needs at least one region");
        }
    }

    /** A region and its sites; {@code weight} is its share of the fleet. */
    public record Region(String name, String code, double weight, List<Site> sites) {
        public Region {
            requireNonNull(name, "name is null");
            requireNonNull(code, "code is null");
            sites = List.copyOf(sites);
            if (sites.isEmpty()) {
                throw new IllegalArgumentException("region " + name + " has no sites");
            }
            if (!(weight > 0)) {
                throw new IllegalArgumentException("region " + name + " weight must be positive but was " + weight);
            }
        }
    }

    /** A site; {@code code} goes into host names ("NYC-WS-00042"). */
    public record Site(String name, String code, double weight) {
        public Site {
            requireNonNull(name, "name is null");
            requireNonNull(code, "code is null");
        }
    }

    /** The default enterprise: four regions as a multinational would have them. */
    public static Organisation contoso() {
        return new Organisation("Contoso Group", "corp.contoso.example", List.of(
            new Region("North America", "NA", 0.35, List.of(
                new Site("New York", "NYC", 0.35), new Site("Chicago", "CHI", 0.25),
                new Site("Toronto", "YYZ", 0.2), new Site("Austin", "AUS", 0.2))),
            new Region("Latin America", "LATAM", 0.15, List.of(
                new Site("Sao Paulo", "GRU", 0.45), new Site("Mexico City", "MEX", 0.35),
                new Site("Buenos Aires", "EZE", 0.2))),
            new Region("EMEA", "EMEA", 0.3, List.of(
                new Site("London", "LON", 0.3), new Site("Frankfurt", "FRA", 0.25), new Site("Paris", "PAR", 0.2),
                new Site("Madrid", "MAD", 0.15), new Site("Johannesburg", "JNB", 0.1))),
            new Region("Asia-Pacific", "APAC", 0.2, List.of(
                new Site("Singapore", "SIN", 0.35), new Site("Tokyo", "TYO", 0.3), new Site("Sydney", "SYD", 0.2),
                new Site("Bangalore", "BLR", 0.15)))));
    }
}
