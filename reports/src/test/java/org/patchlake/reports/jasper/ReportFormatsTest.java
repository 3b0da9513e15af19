package org.patchlake.reports.jasper;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ReportFormatsTest {
    @Test
    void counts_in_running_text_are_grouped_like_the_table_columns() {
        assertThat(ReportFormats.count(11_361_557L)).isEqualTo("11,361,557");
        assertThat(ReportFormats.count(0)).isEqualTo("0");
        assertThat(ReportFormats.count(-1_234L)).isEqualTo("-1,234");
        assertThat(ReportFormats.count(null)).isEqualTo("–");
    }

    @Test
    void percentages_and_durations() {
        assertThat(ReportFormats.percent(0.825)).isEqualTo("82.5 %");
        assertThat(ReportFormats.percent(null)).isEqualTo("–");
        assertThat(ReportFormats.hours(50)).isEqualTo("2 d 2 h");
        assertThat(ReportFormats.hours(5)).isEqualTo("5 h");
    }
}
