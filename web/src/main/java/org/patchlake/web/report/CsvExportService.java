package org.patchlake.web.report;

import org.patchlake.web.auth.Scope;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import static java.util.Objects.requireNonNull;

/**
 * The CSV export from the report tables, used until the Jasper exports are wired in. Ratios export as three
 * columns (percent, numerator, denominator) so no percentage leaves without its counts.
 */
public final class CsvExportService implements ExportService {
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmm").withZone(ZoneOffset.UTC);
    private final ReportService reports;
    private final Clock clock;

    public CsvExportService(ReportService reports, Clock clock) {
        this.reports = requireNonNull(reports, "reports is null");
        this.clock = requireNonNull(clock, "clock is null");
    }

    @Override
    public Set<Format> formats() {
        return EnumSet.of(Format.CSV);
    }

    @Override
    public Export export(Report report, ReportParameters parameters, Scope scope, Format format) {
        if (format != Format.CSV) {
            throw new UnsupportedOperationException(format + " export of " + report.id() + " is not available yet");
        }
        ReportResult result = reports.run(report, parameters, scope);
        StringBuilder csv = new StringBuilder();
        csv.append("# ").append(result.title()).append("; snapshot ").append(result.snapshot().id())
                .append(" data as of ").append(result.snapshot().dataAsOf()).append("; scope ").append(scope.describe())
                .append("; parameters ").append(parameters.queryString()).append('\n');
        for (ReportTable table : result.tables()) {
            csv.append("# ").append(table.title()).append('\n');
            appendHeader(csv, table.columns());
            for (List<Object> row : table.rows()) {
                for (int i = 0; i < row.size(); i++) {
                    if (i > 0) {
                        csv.append(',');
                    }
                    Object cell = row.get(i);
                    if (cell instanceof Ratio ratio) {
                        csv.append(Double.isNaN(ratio.percent()) ? "" : String.format(java.util.Locale.ROOT, "%.2f", ratio.percent()))
                                .append(',').append(ratio.numerator()).append(',').append(ratio.denominator());
                    } else {
                        csv.append(quote(cell == null ? "" : cell.toString()));
                    }
                }
                csv.append('\n');
            }
        }
        String fileName = report.id() + "-" + STAMP.format(clock.instant()) + ".csv";
        return new Export(csv.toString().getBytes(StandardCharsets.UTF_8), Format.CSV, fileName);
    }

    private static void appendHeader(StringBuilder csv, List<ReportColumn> columns) {
        for (int i = 0; i < columns.size(); i++) {
            if (i > 0) {
                csv.append(',');
            }
            ReportColumn column = columns.get(i);
            if (column.kind() == ReportColumn.Kind.RATIO) {
                csv.append(column.key()).append("_percent,").append(column.key()).append("_numerator,")
                        .append(column.key()).append("_denominator");
            } else {
                csv.append(column.key());
            }
        }
        csv.append('\n');
    }

    static String quote(String value) {
        String safe = value;
        // Spreadsheet formula injection: a cell starting with = + - @ is shown as text.
        if (!safe.isEmpty() && "=+-@".indexOf(safe.charAt(0)) >= 0 && !safe.matches("-?[0-9.]+")) {
            safe = "'" + safe;
        }
        if (safe.contains(",") || safe.contains("\"") || safe.contains("\n")) {
            return "\"" + safe.replace("\"", "\"\"") + "\"";
        }
        return safe;
    }
}
