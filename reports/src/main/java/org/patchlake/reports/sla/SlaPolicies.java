package org.patchlake.reports.sla;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * The seeded SLA policies of DESIGN.md, grouped in named policy sets (a report evaluates one set).
 * "levels 2-3 75-85 %" is read as level 2: 85 %, level 3: 75 %; the design gives no deadline for the
 * managed-level policy, so it uses 4 weeks. Level 4 has no policy: not measured.
 */
public final class SlaPolicies {
    public static final String CRITICAL_PHASED = "critical-phased";
    public static final String CRITICAL_THREE_BUSINESS_DAYS = "critical-3-business-days";
    public static final String CRITICAL_BY_MANAGED_LEVEL = "critical-by-managed-level";

    private SlaPolicies() {
    }

    public static Map<String, List<SlaPolicy>> defaults() {
        return Map.of(
                CRITICAL_PHASED, List.of(new SlaPolicy(CRITICAL_PHASED, "Critical", null, null, List.of(
                        SlaPhase.within(Duration.ofHours(72), 91),
                        SlaPhase.within(Duration.ofDays(28), 97),
                        new SlaPhase("99% within 6 months", Duration.ofDays(182), 0, 99)))),
                CRITICAL_THREE_BUSINESS_DAYS, List.of(new SlaPolicy(CRITICAL_THREE_BUSINESS_DAYS, "Critical", null, null,
                        List.of(SlaPhase.withinBusinessDays(3, 87)))),
                CRITICAL_BY_MANAGED_LEVEL, List.of(
                        new SlaPolicy(CRITICAL_BY_MANAGED_LEVEL + "/level-1", "Critical", null, 1, List.of(SlaPhase.within(Duration.ofDays(28), 98))),
                        new SlaPolicy(CRITICAL_BY_MANAGED_LEVEL + "/level-2", "Critical", null, 2, List.of(SlaPhase.within(Duration.ofDays(28), 85))),
                        new SlaPolicy(CRITICAL_BY_MANAGED_LEVEL + "/level-3", "Critical", null, 3, List.of(SlaPhase.within(Duration.ofDays(28), 75)))));
    }
}
