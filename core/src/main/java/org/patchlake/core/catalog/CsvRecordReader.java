package org.patchlake.core.catalog;

import java.io.BufferedReader;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Streaming reader of RFC 4180 style CSV: fields optionally in double quotes, a quote inside a quoted field
 * doubled ({@code ""}), commas and line ends allowed inside quotes. Reports the physical line each record
 * starts on and the record's raw text. Lenient where the RFC is silent: a quote inside an unquoted field is
 * kept, text between a closing quote and the next comma is appended. Fields are cut from the line with
 * substring where possible (the 135 MB wesng CSV is read in about a second). Not thread-safe.
 */
public final class CsvRecordReader {
    /** One record: its first physical line (1-based), its fields, the raw text (line ends as '\n'). */
    public record Record(long line, List<String> fields, String raw, boolean unterminatedQuote) {
    }

    private final BufferedReader reader;
    private long physicalLine;
    private String text;
    private StringBuilder raw;
    private boolean unterminated;

    public CsvRecordReader(BufferedReader reader) {
        this.reader = reader;
    }

    /** The next record, or null at the end of the input. A blank line is a record with one empty field. */
    public Record next() throws IOException {
        text = reader.readLine();
        if (text == null) {
            return null;
        }
        physicalLine++;
        long startLine = physicalLine;
        raw = null;
        unterminated = false;
        List<String> fields = new ArrayList<>(12);
        int position = 0;
        while (true) {
            String value;
            if (position < text.length() && text.charAt(position) == '"') {
                position = quotedField(position + 1, fields);
                if (unterminated) {
                    break;
                }
            } else {
                int comma = text.indexOf(',', position);
                value = comma < 0 ? text.substring(position) : text.substring(position, comma);
                fields.add(value);
                position = comma < 0 ? text.length() : comma;
            }
            if (position >= text.length()) {
                break;
            }
            position++; // the comma
            if (position == text.length()) {
                fields.add("");
                break;
            }
        }
        return new Record(startLine, fields, raw == null ? text : raw.toString(), unterminated);
    }

    /** Reads a quoted field starting after its opening quote; returns the position of the comma or line end. */
    private int quotedField(int start, List<String> fields) throws IOException {
        StringBuilder value = null;
        int position = start;
        while (true) {
            int quote = text.indexOf('"', position);
            if (quote < 0) {
                value = value == null ? new StringBuilder() : value;
                value.append(text, position, text.length()).append('\n');
                String continuation = reader.readLine();
                if (continuation == null) {
                    value.setLength(value.length() - 1);
                    fields.add(value.toString());
                    unterminated = true;
                    return text.length();
                }
                physicalLine++;
                raw = raw == null ? new StringBuilder(text) : raw;
                raw.append('\n').append(continuation);
                text = continuation;
                position = 0;
            } else if (quote + 1 < text.length() && text.charAt(quote + 1) == '"') {
                value = value == null ? new StringBuilder() : value;
                value.append(text, position, quote + 1);
                position = quote + 2;
            } else {
                int comma = text.indexOf(',', quote + 1);
                int end = comma < 0 ? text.length() : comma;
                if (value == null && end == quote + 1) {
                    fields.add(text.substring(position, quote));
                } else {
                    value = value == null ? new StringBuilder() : value;
                    value.append(text, position, quote).append(text, quote + 1, end);
                    fields.add(value.toString());
                }
                return end;
            }
        }
    }
}
