package org.patchlake.core.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class VersionTest {

    @Test
    void versions_compare_numerically_part_by_part_not_as_text() {
        assertThat(Version.parse("5.2.3790.462")).isLessThan(Version.parse("5.2.3790.2606"));
        assertThat(Version.parse("10.0.19041.1")).isLessThan(Version.parse("10.0.19041.10"));
        assertThat(Version.parse("10.0.19041.10")).isGreaterThan(Version.parse("10.0.19041.9"));
        assertThat(Version.parse("6.1.7601.17514")).isGreaterThan(Version.parse("6.1.7600.99999"));
        assertThat("5.2.3790.462".compareTo("5.2.3790.2606")).as("text order would be wrong").isPositive();
    }

    @Test
    void missing_trailing_parts_count_as_zero() {
        assertThat(Version.parse("10.0").compareTo(Version.parse("10.0.0.0"))).isZero();
        assertThat(Version.parse("10.0")).isLessThan(Version.parse("10.0.0.1"));
    }

    @Test
    void windows_file_version_labels_and_commas_are_accepted() {
        assertThat(Version.parse("6.1.7601.17514 (win7sp1_rtm.101119-1850)")).isEqualTo(Version.of(6, 1, 7601, 17514));
        assertThat(Version.parse("5, 2, 3790, 462")).isEqualTo(Version.of(5, 2, 3790, 462));
        assertThat(Version.parse("5,2,3790,462")).isEqualTo(Version.of(5, 2, 3790, 462));
    }

    @Test
    void malformed_versions_are_rejected_with_the_input_in_the_message() {
        assertThatThrownBy(() -> Version.parse("5.2.x.1")).hasMessageContaining("'x'").hasMessageContaining("5.2.x.1");
        assertThatThrownBy(() -> Version.parse("")).hasMessageContaining("empty");
        assertThatThrownBy(() -> Version.parse("1..2")).hasMessageContaining("not a number");
    }

    @Test
    void to_string_round_trips() {
        assertThat(Version.parse("10.0.17763.5458").toString()).isEqualTo("10.0.17763.5458");
    }
}
