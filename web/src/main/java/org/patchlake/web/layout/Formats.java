package org.patchlake.web.layout;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * How pages write values: times in the viewer's zone, counts with thousands separators, path and query parts
 * URL-encoded. Escaping for HTML is the templates' own (jte escapes every {@code ${...}} for where it stands).
 */
public final class Formats {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm z", Locale.ROOT);

    private Formats() {
    }

    public static String url(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    public static String time(Instant instant, ZoneId zone) {
        return instant == null ? "–" : TIME.format(instant.atZone(zone));
    }

    public static String number(long value) {
        return String.format(Locale.ROOT, "%,d", value);
    }

    /** A value of a chart: a whole number with separators, else one decimal ({@code 1,234}, {@code 87.5}). */
    public static String decimal(double value) {
        return value == Math.rint(value) ? String.format(Locale.ROOT, "%,d", (long) value) : String.format(Locale.ROOT, "%.1f", value);
    }
}
