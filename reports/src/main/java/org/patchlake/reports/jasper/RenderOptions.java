package org.patchlake.reports.jasper;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.time.ZoneId;
import java.util.Locale;

/**
 * How a report is rendered for one viewer.
 *
 * @param locale      number and date formats
 * @param timeZone    the viewer's time zone (all data is UTC; times are shown in this zone)
 * @param linkBase    prefix of drill-down links in HTML and PDF ("" for links relative to the web root,
 *                    or e.g. "https://patchlake.example.org")
 * @param generatedAt printed as "generated at"
 */
public record RenderOptions(Locale locale, ZoneId timeZone, String linkBase, Instant generatedAt) {
    public RenderOptions {
        requireNonNull(locale, "locale is null");
        requireNonNull(timeZone, "timeZone is null");
        requireNonNull(linkBase, "linkBase is null");
        requireNonNull(generatedAt, "generatedAt is null");
        if (linkBase.endsWith("/")) {
            linkBase = linkBase.substring(0, linkBase.length() - 1);
        }
    }

    public static RenderOptions defaults(Instant generatedAt) {
        return new RenderOptions(Locale.US, ZoneId.of("UTC"), "", generatedAt);
    }
}
