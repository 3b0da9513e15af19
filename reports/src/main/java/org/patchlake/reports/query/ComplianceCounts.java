package org.patchlake.reports.query;

import java.util.Optional;

/**
 * Computer counts behind a compliance figure (DESIGN.md "Per computer x update state"). {@code applicable}
 * is the sum of the six states. Compliance = installed / (applicable - exempt - unknown); strict =
 * installed / (applicable - exempt). The percentages are derived here, never stored without the counts.
 * (Kept in reports until core's {@code org.patchlake.core.state.ComplianceCounts} is merged.)
 */
public record ComplianceCounts(long applicable, long installed, long pendingReboot, long required, long failed,
                               long exempt, long unknown) {
    public ComplianceCounts {
        if (applicable < 0 || installed < 0 || pendingReboot < 0 || required < 0 || failed < 0 || exempt < 0 || unknown < 0) {
            throw new IllegalArgumentException("counts must not be negative");
        }
        if (installed + pendingReboot + required + failed + exempt + unknown != applicable) {
            throw new IllegalArgumentException("applicable " + applicable + " is not the sum of the six states");
        }
    }

    /** Required + failed + installed pending reboot: the computers still exposed. */
    public long vulnerable() {
        return pendingReboot + required + failed;
    }

    public long denominator() {
        return applicable - exempt - unknown;
    }

    public long strictDenominator() {
        return applicable - exempt;
    }

    /** Empty when the denominator is zero (nothing measurable), never a made-up 100 %. */
    public Optional<Double> compliancePercent() {
        return percent(installed, denominator());
    }

    public Optional<Double> strictCompliancePercent() {
        return percent(installed, strictDenominator());
    }

    static Optional<Double> percent(long numerator, long denominator) {
        return denominator == 0 ? Optional.empty() : Optional.of(100.0 * numerator / denominator);
    }
}
