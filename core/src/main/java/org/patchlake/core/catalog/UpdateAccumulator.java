package org.patchlake.core.catalog;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Collects the rows of one update (KB x product): highest severity, its impact, CVEs, supersedes, exploits. */
final class UpdateAccumulator {
    final String kb;
    final String product;
    Severity severity = Severity.UNRATED;
    private final Map<String, Integer> impactsAtSeverity = new HashMap<>(4);
    private final Map<String, Integer> components = new HashMap<>(4);
    final Set<String> cves = new HashSet<>(4);
    final Set<String> supersedes = new HashSet<>(4);
    boolean exploited;

    UpdateAccumulator(String kb, String product) {
        this.kb = kb;
        this.product = product;
    }

    void add(Severity rowSeverity, String impact, String component) {
        if (rowSeverity.isHigherThan(severity)) {
            severity = rowSeverity;
            impactsAtSeverity.clear();
        }
        if (rowSeverity == severity && !impact.isEmpty()) {
            impactsAtSeverity.merge(impact, 1, Integer::sum);
        }
        if (!component.isEmpty()) {
            components.merge(component, 1, Integer::sum);
        }
    }

    /** Most frequent impact among the rows of the highest severity ("" if none); ties: alphabetical. */
    String impact() {
        return MostFrequent.of(impactsAtSeverity);
    }

    /** Most frequent component ("" if none); ties: alphabetical. */
    String component() {
        return MostFrequent.of(components);
    }

    /** The update, supersedes and CVEs sorted. A KB listing itself stays as the data says (a reported cycle). */
    Update toUpdate(LocalDate released) {
        List<String> supersededKbs = supersedes.stream().sorted().toList();
        return new Update(kb, kb, product, component(), severity, impact(), released, exploited,
                RestartBehaviour.MAY_REQUIRE, supersededKbs, cves.stream().sorted().toList());
    }
}
