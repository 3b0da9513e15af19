package org.patchlake.web.report;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import static java.util.Objects.requireNonNull;

/**
 * A titled table of a report: columns, the rows shown, the total number of rows before the limit, and an
 * optional chart over some of its columns. Cells are String, Number, Boolean, Ratio, LocalDate, Instant or null.
 */
public record ReportTable(String title, List<ReportColumn> columns, List<List<Object>> rows, long totalRows, Chart chart) {
    /**
     * A chart drawn from the table: one bar (or point) per row, labelled by {@code labelColumn}. A ROLLOUT chart reads
     * {@code labelColumn} as days since release, draws one line per value column (percentages) and the column
     * {@link #TARGET_COLUMN}, when the table has one, as the phase targets.
     */
    public record Chart(Kind kind, String labelColumn, List<String> valueColumns) {
        public enum Kind { STACKED_BAR, BAR, LINE, ROLLOUT }

        public static final String TARGET_COLUMN = "target";

        public Chart {
            requireNonNull(kind, "kind is null");
            requireNonNull(labelColumn, "labelColumn is null");
            valueColumns = List.copyOf(valueColumns);
        }
    }

    public ReportTable {
        requireNonNull(title, "title is null");
        columns = List.copyOf(columns);
        List<List<Object>> copy = new ArrayList<>(rows.size());
        for (List<Object> row : rows) {
            if (row.size() != columns.size()) {
                throw new IllegalArgumentException("table '" + title + "': row has " + row.size() + " cells, expected "
                        + columns.size());
            }
            copy.add(Collections.unmodifiableList(new ArrayList<>(row)));
        }
        rows = Collections.unmodifiableList(copy);
        if (totalRows < rows.size()) {
            throw new IllegalArgumentException("table '" + title + "': total rows " + totalRows + " < rows shown " + rows.size());
        }
    }

    public ReportTable(String title, List<ReportColumn> columns, List<List<Object>> rows) {
        this(title, columns, rows, rows.size(), null);
    }

    public ReportTable withChart(Chart newChart) {
        return new ReportTable(title, columns, rows, totalRows, newChart);
    }

    public int columnIndex(String key) {
        for (int i = 0; i < columns.size(); i++) {
            if (columns.get(i).key().equals(key)) {
                return i;
            }
        }
        throw new IllegalArgumentException("table '" + title + "' has no column " + key);
    }
}
