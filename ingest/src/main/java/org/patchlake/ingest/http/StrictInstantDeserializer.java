package org.patchlake.ingest.http;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import java.io.IOException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;

/**
 * Instants only as ISO-8601 strings with an offset ({@code 2026-11-21T10:00:00Z}); Jackson's default also takes
 * epoch numbers, which would let two representations into landing.
 */
final class StrictInstantDeserializer extends StdScalarDeserializer<Instant> {
    StrictInstantDeserializer() {
        super(Instant.class);
    }

    @Override
    public Instant deserialize(JsonParser parser, DeserializationContext context) throws IOException {
        if (!parser.hasToken(JsonToken.VALUE_STRING)) {
            return (Instant) context.handleUnexpectedToken(Instant.class, parser);
        }
        String text = parser.getText();
        Instant utc = parseUtc(text);
        if (utc != null) {
            return inWindow(utc, text, parser, context);
        }
        Instant parsed;
        try {
            parsed = OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException e) {
            return (Instant) context.handleWeirdStringValue(Instant.class, text,
                    "not an ISO-8601 date-time with offset such as 2026-11-21T10:00:00Z");
        }
        return inWindow(parsed, text, parser, context);
    }

    /** The instant, when the reader has no {@link TimeWindow} or the instant lies in it. */
    private static Instant inWindow(Instant value, String text, JsonParser parser, DeserializationContext context)
            throws TimeOutOfRangeException {
        TimeWindow window = (TimeWindow) context.getAttribute(TimeWindow.ATTRIBUTE);
        if (window != null && !window.contains(value)) {
            throw new TimeOutOfRangeException(parser, window.refusal(text));
        }
        return value;
    }

    /**
     * The form agents send, {@code YYYY-MM-DDTHH:MM:SS[.fraction]Z}, parsed by hand (the formatter costs
     * microseconds per value); null for anything else, including out-of-range fields, which the ISO parser then
     * accepts or refuses with its message.
     */
    static Instant parseUtc(String text) {
        int length = text.length();
        if (length < 20 || text.charAt(length - 1) != 'Z' || text.charAt(4) != '-' || text.charAt(7) != '-' || text.charAt(10) != 'T'
                || text.charAt(13) != ':' || text.charAt(16) != ':') {
            return null;
        }
        int year = digits(text, 0, 4);
        int month = digits(text, 5, 7);
        int day = digits(text, 8, 10);
        int hour = digits(text, 11, 13);
        int minute = digits(text, 14, 16);
        int second = digits(text, 17, 19);
        int nanos = 0;
        if (length > 20) {
            int fractionDigits = length - 21;
            if (text.charAt(19) != '.' || fractionDigits < 1 || fractionDigits > 9) {
                return null;
            }
            nanos = digits(text, 20, length - 1);
            for (int i = fractionDigits; i < 9 && nanos >= 0; i++) {
                nanos *= 10;
            }
        }
        if (year < 0 || month < 1 || month > 12 || day < 1 || day > 31 || hour < 0 || hour > 23 || minute < 0 || minute > 59
                || second < 0 || second > 59 || nanos < 0) {
            return null;
        }
        try {
            return java.time.LocalDateTime.of(year, month, day, hour, minute, second, nanos).toInstant(java.time.ZoneOffset.UTC);
        } catch (java.time.DateTimeException invalidDay) {
            return null;
        }
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
