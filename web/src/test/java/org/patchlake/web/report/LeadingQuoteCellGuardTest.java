package org.patchlake.web.report;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class LeadingQuoteCellGuardTest {
    final CsvCellGuard guard = new LeadingQuoteCellGuard();

    @Test
    void a_cell_a_spreadsheet_would_run_as_a_formula_is_prefixed_with_a_quote() {
        assertThat(guard.cell("=HYPERLINK(\"http://x\")")).isEqualTo("'=HYPERLINK(\"http://x\")");
        assertThat(guard.cell("+cmd|' /C calc'!A0")).isEqualTo("'+cmd|' /C calc'!A0");
        assertThat(guard.cell("-2+3")).isEqualTo("'-2+3");
        assertThat(guard.cell("@SUM(A1)")).isEqualTo("'@SUM(A1)");
        assertThat(guard.cell("\t=1")).isEqualTo("'\t=1");
        assertThat(guard.cell("\r=1")).isEqualTo("'\r=1");
    }

    @Test
    void plain_numbers_negative_ones_included_and_ordinary_text_stay_as_they_are() {
        assertThat(guard.cell("-12")).isEqualTo("-12");
        assertThat(guard.cell("-0.5")).isEqualTo("-0.5");
        assertThat(guard.cell("42")).isEqualTo("42");
        assertThat(guard.cell("MS08-067")).isEqualTo("MS08-067");
        assertThat(guard.cell("a=b")).isEqualTo("a=b");
        assertThat(guard.cell(null)).isEmpty();
    }
}
