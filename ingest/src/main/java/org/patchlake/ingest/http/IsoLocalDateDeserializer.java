package org.patchlake.ingest.http;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import java.io.IOException;
import java.time.DateTimeException;
import java.time.LocalDate;

/**
 * {@code YYYY-MM-DD} strings only, parsed by hand: an inventory carries hundreds of install dates, and
 * {@link java.time.format.DateTimeFormatter} parsing was the largest single cost of validating one.
 */
final class IsoLocalDateDeserializer extends StdScalarDeserializer<LocalDate> {
    IsoLocalDateDeserializer() {
        super(LocalDate.class);
    }

    @Override
    public LocalDate deserialize(JsonParser parser, DeserializationContext context) throws IOException {
        if (!parser.hasToken(JsonToken.VALUE_STRING)) {
            return (LocalDate) context.handleUnexpectedToken(LocalDate.class, parser);
        }
        String text = parser.getText();
        if (text.length() == 10 && text.charAt(4) == '-' && text.charAt(7) == '-') {
            int year = digits(text, 0, 4);
            int month = digits(text, 5, 7);
            int day = digits(text, 8, 10);
            if (year >= 0 && month >= 0 && day >= 0) {
                try {
                    return LocalDate.of(year, month, day);
                } catch (DateTimeException invalid) {
                    return (LocalDate) context.handleWeirdStringValue(LocalDate.class, text, invalid.getMessage());
                }
            }
        }
        return (LocalDate) context.handleWeirdStringValue(LocalDate.class, text, "not a date of the form YYYY-MM-DD");
    }

    private static int digits(String text, int start, int end) {
        int value = 0;
        for (int i = start; i < end; i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }
}
