package org.patchlake.core.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class CsvRecordReaderTest {

    private static List<CsvRecordReader.Record> read(String text) throws IOException {
        CsvRecordReader reader = new CsvRecordReader(new BufferedReader(new StringReader(text)));
        List<CsvRecordReader.Record> records = new ArrayList<>();
        for (CsvRecordReader.Record record = reader.next(); record != null; record = reader.next()) {
            records.add(record);
        }
        return records;
    }

    @Test
    void quoted_fields_keep_embedded_commas_and_doubled_quotes() throws IOException {
        List<CsvRecordReader.Record> records = read("\"a,b\",\"say \"\"hi\"\"\",\"\"\"\",plain\r\n");

        assertThat(records).hasSize(1);
        assertThat(records.get(0).fields()).containsExactly("a,b", "say \"hi\"", "\"", "plain");
    }

    @Test
    void empty_fields_and_a_trailing_comma_give_empty_strings() throws IOException {
        List<CsvRecordReader.Record> records = read("\"x\",,\"\",\r\n,\n");

        assertThat(records.get(0).fields()).containsExactly("x", "", "", "");
        assertThat(records.get(1).fields()).containsExactly("", "");
    }

    @Test
    void a_line_end_inside_quotes_continues_the_record_and_line_numbers_follow_the_file() throws IOException {
        List<CsvRecordReader.Record> records = read("h1,h2\r\n\"one\",\"two\nlines\"\r\n\"next\",\"x\"\r\n");

        assertThat(records).extracting(CsvRecordReader.Record::line).containsExactly(1L, 2L, 4L);
        assertThat(records.get(1).fields()).containsExactly("one", "two\nlines");
        assertThat(records.get(1).raw()).isEqualTo("\"one\",\"two\nlines\"");
        assertThat(records.get(2).fields()).containsExactly("next", "x");
    }

    @Test
    void a_quote_left_open_at_the_end_of_the_input_is_reported() throws IOException {
        List<CsvRecordReader.Record> records = read("\"ok\"\n\"open,field\nmore");

        assertThat(records).hasSize(2);
        assertThat(records.get(1).unterminatedQuote()).isTrue();
        assertThat(records.get(1).fields()).containsExactly("open,field\nmore");
        assertThat(records.get(0).unterminatedQuote()).isFalse();
    }

    @Test
    void quotes_inside_an_unquoted_field_and_text_after_a_closing_quote_are_kept() throws IOException {
        List<CsvRecordReader.Record> records = read("5\" disk,\"a\"b,c\n");

        assertThat(records.get(0).fields()).containsExactly("5\" disk", "ab", "c");
    }

    @Test
    void a_doubled_quote_right_before_a_line_break_inside_quotes_is_one_quote() throws IOException {
        List<CsvRecordReader.Record> records = read("\"a\"\"\nb\",z\n");

        assertThat(records.get(0).fields()).containsExactly("a\"\nb", "z");
    }
}
