package org.patchlake.reports.csv;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.util.List;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;

class ProductCsvTest {
    @Test
    void carriage_returns_quotes_formulas_and_negative_numbers_are_written_so_a_spreadsheet_reads_them_as_data() throws Exception {
        StringBuilder out = new StringBuilder();
        try (CsvTableWriter csv = ProductCsv.writer(out, "hostname", "detail", "days")) {
            csv.row("eu-ws-01", "line one\rline two", -19)
                    .row("=HYPERLINK(\"http://evil\")", "say \"hi\", twice", -0.5)
                    .row("@SUM(A1:A9)", "-cmd", null)
                    .row("\tTAB", "+1", 3010);
        }

        assertThat(out.toString()).isEqualTo("hostname,detail,days\r\n"
                + "eu-ws-01,\"line one\rline two\",-19\r\n"
                + "\"'=HYPERLINK(\"\"http://evil\"\")\",\"say \"\"hi\"\", twice\",-0.5\r\n"
                + "'@SUM(A1:A9),'-cmd,\r\n"
                + "'\tTAB,'+1,3010\r\n");
        List<List<String>> read = ProductCsv.format().parse(new StringReader(out.toString())).stream().map(CSVRecord::toList).toList();
        assertThat(read).containsExactly(
                List.of("hostname", "detail", "days"),
                List.of("eu-ws-01", "line one\rline two", "-19"),
                List.of("'=HYPERLINK(\"http://evil\")", "say \"hi\", twice", "-0.5"),
                List.of("'@SUM(A1:A9)", "'-cmd", ""),
                List.of("'\tTAB", "'+1", "3010"));
    }

    @Test
    void one_cell_is_quoted_only_where_the_format_needs_it() {
        assertThat(ProductCsv.cell("plain")).isEqualTo("plain");
        assertThat(ProductCsv.cell("a,b")).isEqualTo("\"a,b\"");
        assertThat(ProductCsv.cell("=1+2")).isEqualTo("'=1+2");
        assertThat(ProductCsv.cell(-7)).isEqualTo("-7");
    }
}
