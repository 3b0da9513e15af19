package org.patchlake.reports.csv;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.io.UncheckedIOException;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.patchlake.core.csv.CsvCells;

/**
 * How every CSV of the product is written (report exports, web's downloads and audit CSV): RFC 4180 (comma, fields
 * quoted with {@code "} only where they hold a comma, quote, CR or LF, quotes doubled, CRLF after every record,
 * UTF-8 is the caller's stream), and every cell through the one formula-injection rule ({@link CsvCells#safe(String)}).
 *
 * <pre>{@code
 * try (CsvTableWriter csv = ProductCsv.writer(out, "id", "at_utc", "actor")) {
 *     csv.row(entry.id(), entry.at(), entry.actor());
 * }
 * }</pre>
 */
public final class ProductCsv {
    private static final CSVFormat FORMAT = CSVFormat.RFC4180.builder().setRecordSeparator("\r\n").get();

    private ProductCsv() {
    }

    /** The product's CSV format (no header: {@link #writer} prints the header through the formula rule too). */
    public static CSVFormat format() {
        return FORMAT;
    }

    /** A writer of rows to {@code out}, the header line first when {@code header} names columns. */
    public static CsvTableWriter writer(Appendable out, String... header) {
        requireNonNull(out, "out is null");
        try {
            CsvTableWriter writer = new CsvTableWriter(new CSVPrinter(out, FORMAT));
            if (header.length > 0) {
                writer.row((Object[]) header);
            }
            return writer;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start a CSV: " + e.getMessage(), e);
        }
    }

    /** One cell as it stands in a record: the formula rule applied, then quoted where the format needs it. */
    public static String cell(Object value) {
        StringBuilder text = new StringBuilder();
        try (CSVPrinter printer = new CSVPrinter(text, FORMAT)) {
            printer.print(CsvCells.safe(value));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return text.toString();
    }
}
