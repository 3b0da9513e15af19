package org.patchlake.web.pages;

import org.patchlake.web.report.Ratio;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** HTML escaping and formatting shared by the pages. Everything that came from data goes through {@link #h}. */
public final class Html {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm z", Locale.ROOT);

    private Html() {
    }

    public static String h(Object value) {
        if (value == null) {
            return "";
        }
        String text = value.toString();
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
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

    /** A percentage with its counts, e.g. {@code 87.5 % (35 / 40)}. */
    public static String ratio(Ratio ratio) {
        String percent = ratio.denominator() == 0 ? "–" : String.format(Locale.ROOT, "%.1f %%", ratio.percent());
        return "<span class=\"ratio\">" + percent + " <span class=\"counts\">(" + number(ratio.numerator()) + " / "
                + number(ratio.denominator()) + ")</span></span>";
    }
}
