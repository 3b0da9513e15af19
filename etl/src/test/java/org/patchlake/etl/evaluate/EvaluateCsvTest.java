package org.patchlake.etl.evaluate;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;

class EvaluateCsvTest {
    @Test
    void cells_with_commas_quotes_line_breaks_formulas_and_negative_numbers_are_written_so_they_read_back_safely() throws Exception {
        String text = new EvaluateCsv(List.of("file", "product", "value")).record(
                "host\r01.txt", "Windows Server 2022, 23H2 Edition (Server Core installation)", "say \"hi\"").record(
                "=HYPERLINK(\"http://x\")", "@SUM(A1)", -19).record(
                "+49 30", "-cmd", "-0.5").text();

        assertThat(text).isEqualTo("file,product,value\r\n"
                + "\"host\r01.txt\",\"Windows Server 2022, 23H2 Edition (Server Core installation)\",\"say \"\"hi\"\"\"\r\n"
                + "\"'=HYPERLINK(\"\"http://x\"\")\",'@SUM(A1),-19\r\n"
                + "'+49 30,'-cmd,-0.5\r\n");
        List<List<String>> rows = CSVFormat.RFC4180.parse(new StringReader(text)).stream().map(CSVRecord::toList).toList();
        assertThat(rows).containsExactly(
                List.of("file", "product", "value"),
                List.of("host\r01.txt", "Windows Server 2022, 23H2 Edition (Server Core installation)", "say \"hi\""),
                List.of("'=HYPERLINK(\"http://x\")", "'@SUM(A1)", "-19"),
                List.of("'+49 30", "'-cmd", "-0.5"));
    }
}
