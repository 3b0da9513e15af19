package org.patchlake.web.warehouse;

import org.patchlake.reports.sla.SlaPhase;
import org.patchlake.reports.sla.SlaPolicy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The SLA policies administered in the operational store, as the reports module evaluates them: only active,
 * measured ones; "Any" severity becomes one policy per severity; a month is 365/12 days.
 */
final class SlaPolicyConversion {
    private static final Pattern ELAPSED = Pattern.compile("([0-9]+)(h|d|w|mo|bd)");
    private static final List<String> SEVERITIES = List.of("Critical", "Important", "Moderate", "Low");

    private SlaPolicyConversion() {
    }

    static List<SlaPolicy> convert(List<org.patchlake.web.compliance.SlaPolicy> stored) {
        List<SlaPolicy> policies = new ArrayList<>();
        for (org.patchlake.web.compliance.SlaPolicy policy : stored) {
            if (!policy.active() || !policy.measured() || policy.phases().isEmpty()) {
                continue;
            }
            List<SlaPhase> phases = policy.phases().stream().map(SlaPolicyConversion::phase).toList();
            List<String> severities = policy.severity().equals("Any") ? SEVERITIES : List.of(policy.severity());
            for (String severity : severities) {
                String name = severities.size() == 1 ? policy.name() : policy.name() + " / " + severity;
                policies.add(new SlaPolicy(name, severity, policy.computerClass(), policy.managedLevel(), phases));
            }
        }
        return policies;
    }

    static SlaPhase phase(org.patchlake.web.compliance.SlaPolicy.Phase phase) {
        Matcher m = ELAPSED.matcher(phase.elapsed());
        if (!m.matches()) {
            throw new IllegalArgumentException("SLA phase elapsed '" + phase.elapsed() + "' is not understood");
        }
        long amount = Long.parseLong(m.group(1));
        return switch (m.group(2)) {
            case "bd" -> SlaPhase.withinBusinessDays((int) amount, phase.target());
            case "h" -> SlaPhase.within(Duration.ofHours(amount), phase.target());
            case "d" -> SlaPhase.within(Duration.ofDays(amount), phase.target());
            case "w" -> SlaPhase.within(Duration.ofDays(7 * amount), phase.target());
            default -> new SlaPhase(phase.target() + "% within " + amount + " months", Duration.ofDays(amount * 365 / 12),
                    0, phase.target());
        };
    }
}
