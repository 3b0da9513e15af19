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
        // Read from the parser's character buffer: no String per date (an inventory has hundreds).
        char[] characters = parser.getTextCharacters();
        int offset = parser.getTextOffset();
        if (parser.getTextLength() == 10 && characters[offset + 4] == '-' && characters[offset + 7] == '-') {
            int year = digits(characters, offset, offset + 4);
            int month = digits(characters, offset + 5, offset + 7);
            int day = digits(characters, offset + 8, offset + 10);
            if (year >= 0 && month >= 0 && day >= 0) {
                LocalDate date;
                try {
                    date = LocalDate.of(year, month, day);
                } catch (DateTimeException invalid) {
                    return (LocalDate) context.handleWeirdStringValue(LocalDate.class, parser.getText(), invalid.getMessage());
                }
                TimeWindow window = (TimeWindow) context.getAttribute(TimeWindow.ATTRIBUTE);
                if (window != null && !window.contains(date)) {
                    throw new TimeOutOfRangeException(parser, window.refusal(date));
                }
                return date;
            }
        }
        return (LocalDate) context.handleWeirdStringValue(LocalDate.class, parser.getText(), "not a date of the form YYYY-MM-DD");
    }

    private static int digits(char[] text, int start, int end) {
        int value = 0;
        for (int i = start; i < end; i++) {
            char c = text[i];
            if (c < '0' || c > '9') {
                return -1;
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }
}
