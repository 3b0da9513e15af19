package org.patchlake.web.report;

import static java.util.Objects.requireNonNull;

/**
 * One column of a report table. {@code link} makes its cells drill down: BULLETIN and COMPUTER open the
 * bulletin or computer page for the cell's value; REGION and SITE open the regional report narrowed to it;
 * DETECTION_AGREEMENT opens the computer's Windows Update and Patchlake verdicts side by side; PLANNED_INSTALL marks
 * a KB of a computer's install plan as an anchor ({@code #install-KB5094127}) and TO_PLANNED_INSTALL links to it
 * ("→ KB5094127") from the required update it fixes.
 */
public record ReportColumn(String key, String label, Kind kind, Link link) {
    public enum Kind { TEXT, NUMBER, RATIO, DATE, TIMESTAMP, BOOLEAN }

    public enum Link {
        NONE, BULLETIN, COMPUTER, REGION, SITE, DETECTION_AGREEMENT, PLANNED_INSTALL, TO_PLANNED_INSTALL;

        /** What the page this link opens asks for; empty for an anchor on the same page or no link. */
        public java.util.Optional<org.patchlake.web.auth.Permission> permission() {
            return java.util.Optional.ofNullable(switch (this) {
                case BULLETIN, COMPUTER -> org.patchlake.web.auth.Permission.VIEW_DRILL_DOWNS;
                case REGION, SITE -> Report.REGIONAL_COMPLIANCE.permission();
                case DETECTION_AGREEMENT -> Report.DETECTION_AGREEMENT.permission();
                case NONE, PLANNED_INSTALL, TO_PLANNED_INSTALL -> null;
            });
        }
    }

    public ReportColumn {
        requireNonNull(key, "key is null");
        requireNonNull(label, "label is null");
        requireNonNull(kind, "kind is null");
        requireNonNull(link, "link is null");
    }

    public static ReportColumn text(String key, String label) {
        return new ReportColumn(key, label, Kind.TEXT, Link.NONE);
    }

    public static ReportColumn number(String key, String label) {
        return new ReportColumn(key, label, Kind.NUMBER, Link.NONE);
    }

    public static ReportColumn ratio(String key, String label) {
        return new ReportColumn(key, label, Kind.RATIO, Link.NONE);
    }

    public static ReportColumn timestamp(String key, String label) {
        return new ReportColumn(key, label, Kind.TIMESTAMP, Link.NONE);
    }

    public static ReportColumn date(String key, String label) {
        return new ReportColumn(key, label, Kind.DATE, Link.NONE);
    }

    public static ReportColumn linked(String key, String label, Link link) {
        return new ReportColumn(key, label, Kind.TEXT, link);
    }
}
