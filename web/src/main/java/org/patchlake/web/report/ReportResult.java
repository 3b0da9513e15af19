package org.patchlake.web.report;

import java.util.List;

import static java.util.Objects.requireNonNull;

/** What a report (or a computer or bulletin page) shows: headline figures, then tables. */
public record ReportResult(String title, SnapshotInfo snapshot, List<Figure> figures, List<ReportTable> tables) {
    /** A headline figure; {@code value} is a Number, Ratio or String. */
    public record Figure(String label, Object value) {
        public Figure {
            requireNonNull(label, "label is null");
            requireNonNull(value, "value is null");
        }
    }

    public ReportResult {
        requireNonNull(title, "title is null");
        figures = List.copyOf(figures);
        tables = List.copyOf(tables);
    }
}
