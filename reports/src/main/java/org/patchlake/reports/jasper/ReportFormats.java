package org.patchlake.reports.jasper;

import java.text.SimpleDateFormat;
import java.util.Date;
import java.util.Locale;
import java.util.TimeZone;

/** Formatting the templates use where a text joins several values (header lines, chart labels). */
public final class ReportFormats {
    private ReportFormats() {
    }

    /** "2026-11-21 10:00 UTC" in the viewer's time zone. */
    public static String dateTime(Date time, TimeZone timeZone, Locale locale) {
        if (time == null) {
            return "never";
        }
        SimpleDateFormat format = new SimpleDateFormat("yyyy-MM-dd HH:mm z", locale);
        format.setTimeZone(timeZone);
        return format.format(time);
    }

    /** "12 d 4 h" for a duration in hours. */
    public static String hours(Number hours) {
        if (hours == null) {
            return "";
        }
        long total = hours.longValue();
        return total >= 24 ? (total / 24) + " d " + (total % 24) + " h" : total + " h";
    }

    /** "11,361,557": counts in running text read like the tables' columns; "–" when there is none. */
    public static String count(Number count) {
        if (count == null) {
            return "–";
        }
        return String.format(Locale.US, "%,d", count.longValue());
    }

    /** "82.5 %", or "–" when there is no denominator. */
    public static String percent(Double ratio) {
        if (ratio == null) {
            return "–";
        }
        return String.format(Locale.US, "%.1f %%", ratio * 100.0);
    }
}
