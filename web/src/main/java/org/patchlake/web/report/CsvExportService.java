package org.patchlake.web.report;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.patchlake.web.auth.Scope;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import static java.util.Objects.requireNonNull;

/**
 * The CSV export from the report tables, used until the Jasper exports are wired in. Ratios export as three
 * columns (percent, numerator, denominator) so no percentage leaves without its counts. Written by Commons CSV; text
 * cells pass the {@link CsvCellGuard} (formula injection).
 */
public final class CsvExportService implements ExportService {
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmm").withZone(ZoneOffset.UTC);
    /** RFC 4180 quoting with {@code \n} line ends and {@code #} comment lines for the titles. */
    private static final CSVFormat FORMAT = CSVFormat.RFC4180.builder().setRecordSeparator('\n').setCommentMarker('#').get();
    private final ReportService reports;
    private final Clock clock;
    private final CsvCellGuard guard;

    public CsvExportService(ReportService reports, Clock clock) {
        this(reports, clock, new LeadingQuoteCellGuard());
    }

    public CsvExportService(ReportService reports, Clock clock, CsvCellGuard guard) {
        this.reports = requireNonNull(reports, "reports is null");
        this.clock = requireNonNull(clock, "clock is null");
        this.guard = requireNonNull(guard, "guard is null");
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
        StringWriter csv = new StringWriter();
        try (CSVPrinter printer = new CSVPrinter(csv, FORMAT)) {
            printer.printComment(result.title() + "; snapshot " + result.snapshot().id() + " data as of " + result.snapshot().dataAsOf()
                    + "; scope " + scope.describe() + "; parameters " + parameters.queryString());
            for (ReportTable table : result.tables()) {
                printer.printComment(table.title());
                printer.printRecord(header(table.columns()));
                for (List<Object> row : table.rows()) {
                    printer.printRecord(cells(row));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the CSV of " + report.id(), e);
        }
        String fileName = report.id() + "-" + STAMP.format(clock.instant()) + ".csv";
        return new Export(csv.toString().getBytes(StandardCharsets.UTF_8), Format.CSV, fileName);
    }

    private List<String> cells(List<Object> row) {
        List<String> cells = new ArrayList<>();
        for (Object cell : row) {
            if (cell instanceof Ratio ratio) {
                cells.add(Double.isNaN(ratio.percent()) ? "" : String.format(Locale.ROOT, "%.2f", ratio.percent()));
                cells.add(Long.toString(ratio.numerator()));
                cells.add(Long.toString(ratio.denominator()));
            } else {
                cells.add(guard.cell(cell == null ? null : cell.toString()));
            }
        }
        return cells;
    }

    private static List<String> header(List<ReportColumn> columns) {
        List<String> header = new ArrayList<>();
        for (ReportColumn column : columns) {
            if (column.kind() == ReportColumn.Kind.RATIO) {
                header.add(column.key() + "_percent");
                header.add(column.key() + "_numerator");
                header.add(column.key() + "_denominator");
            } else {
                header.add(column.key());
            }
        }
        return header;
    }
}
