package org.patchlake.reports.jasper;

import java.util.Locale;

/** The formats every report exports to. */
public enum ExportFormat {
    PDF("application/pdf", "pdf", true),
    HTML("text/html; charset=UTF-8", "html", true),
    XLSX("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "xlsx", false),
    CSV("text/csv; charset=UTF-8", "csv", false);

    private final String contentType;
    private final String extension;
    private final boolean paginated;

    ExportFormat(String contentType, String extension, boolean paginated) {
        this.contentType = contentType;
        this.extension = extension;
        this.paginated = paginated;
    }

    public String contentType() {
        return contentType;
    }

    public String extension() {
        return extension;
    }

    /** Spreadsheet and CSV exports are filled as one long page: no repeated headers, no page footers. */
    public boolean paginated() {
        return paginated;
    }

    public static ExportFormat parse(String text) {
        try {
            return valueOf(text.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("unknown format '" + text + "' (pdf|html|xlsx|csv)", e);
        }
    }
}
