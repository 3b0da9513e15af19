package org.patchlake.core.csv;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CsvCellsTest {
    @ParameterizedTest(name = "[{index}] {0} -> {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '~', textBlock = """
            =1+2                  | '=1+2
            =HYPERLINK("http://x")| '=HYPERLINK("http://x")
            +49 30 1234           | '+49 30 1234
            +5                    | '+5
            -2+3+cmd              | '-2+3+cmd
            -                     | '-
            --                    | '--
            -1e                   | '-1e
            -0x80240017           | '-0x80240017
            @SUM(A1:A2)           | '@SUM(A1:A2)
            -19                   | -19
            -0.5                  | -0.5
            -.5                   | -.5
            -1.5E3                | -1.5E3
            12                    | 12
            3010                  | 3010
            0x80240017            | 0x80240017
            KB5034441             | KB5034441
            a=b                   | a=b
            Windows 10 - x64      | Windows 10 - x64
            'quoted               | 'quoted
            """)
    void a_cell_that_starts_like_a_formula_is_prefixed_with_a_quote_unless_it_is_a_plain_number(String cell, String written) {
        assertThat(CsvCells.safe(cell)).isEqualTo(written);
    }

    @Test
    void a_leading_tab_or_carriage_return_is_prefixed_too() {
        assertThat(CsvCells.safe("\t=1")).isEqualTo("'\t=1");
        assertThat(CsvCells.safe("\rrow")).isEqualTo("'\rrow");
        assertThat(CsvCells.safe("\t-5")).isEqualTo("'\t-5");
        assertThat(CsvCells.safe(" =1")).isEqualTo(" =1");
    }

    @Test
    void empty_and_null_cells_and_numbers_are_left_alone() {
        assertThat(CsvCells.safe("")).isEmpty();
        assertThat(CsvCells.safe((Object) null)).isNull();
        assertThat(CsvCells.safe((Object) (-42L))).isEqualTo("-42");
        assertThat(CsvCells.safe((Object) (-0.25))).isEqualTo("-0.25");
        assertThat(CsvCells.safe((Object) Boolean.TRUE)).isEqualTo("true");
    }
}
