package org.patchlake.core.state;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class ComplianceCountsTest {

    @Test
    void percent_excludes_exempt_and_unknown_while_strict_counts_unknown_as_non_compliant() {
        // installed 5, pending 1, required 1, failed 0, exempt 1, unknown 2 -> applicable 10
        ComplianceCounts counts = ComplianceCounts.of(5, 1, 1, 0, 1, 2);

        assertThat(counts.applicable()).isEqualTo(10);
        assertThat(counts.denominator()).isEqualTo(7);
        assertThat(counts.strictDenominator()).isEqualTo(9);
        assertThat(counts.percent().getAsDouble()).isCloseTo(100.0 * 5 / 7, within(1e-9));
        assertThat(counts.strictPercent().getAsDouble()).isCloseTo(100.0 * 5 / 9, within(1e-9));
    }

    @Test
    void vulnerable_counts_the_computers_still_exposed_pending_reboot_included() {
        ComplianceCounts counts = ComplianceCounts.of(2, 1, 3, 4, 5, 6);

        assertThat(counts.vulnerable()).isEqualTo(1 + 3 + 4);
    }

    @Test
    void a_percentage_is_never_printed_without_its_counts() {
        assertThat(ComplianceCounts.of(5, 1, 1, 0, 1, 2).toString()).isEqualTo(
                "applicable 10 (installed 5, pending reboot 1, required 1, failed 0, exempt 1, unknown 2);"
                        + " compliance 5/7 = 71.4%, strict 5/9 = 55.6%");
    }

    @Test
    void an_empty_denominator_has_no_percentage() {
        ComplianceCounts allExempt = ComplianceCounts.of(0, 0, 0, 0, 3, 0);

        assertThat(allExempt.percent()).isEmpty();
        assertThat(allExempt.strictPercent()).isEmpty();
        assertThat(allExempt.toString()).contains("compliance 0/0 = n/a");
    }

    @Test
    void applicable_must_be_the_sum_of_the_six_states() {
        assertThatThrownBy(() -> new ComplianceCounts(9, 5, 1, 1, 0, 1, 2))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("applicable 9 is not the sum");
    }

    @Test
    void tally_counts_states_and_ignores_not_applicable() {
        ComplianceCounts.Tally tally = new ComplianceCounts.Tally();
        for (UpdateState state : UpdateState.values()) {
            tally.add(state);
        }
        tally.add(UpdateState.INSTALLED);

        assertThat(tally.counts()).isEqualTo(ComplianceCounts.of(2, 1, 1, 1, 1, 1));
        assertThat(tally.counts().plus(ComplianceCounts.of(1, 0, 0, 0, 0, 0)).installed()).isEqualTo(3);
    }
}
