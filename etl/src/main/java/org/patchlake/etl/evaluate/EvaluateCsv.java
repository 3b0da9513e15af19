package org.patchlake.etl.evaluate;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.patchlake.core.csv.CsvCells;

/**
 * The CSV outputs of {@code evaluate} written the product's way: RFC 4180 with CRLF (Commons CSV: quoted where a cell
 * holds a comma, quote, CR or LF), every cell through core's formula-injection rule ({@link CsvCells}), the same rule
 * as reports' and web's CSV (their Commons CSV wiring is reports' {@code ProductCsv}, which etl does not depend on).
 */
final class EvaluateCsv {
    static final CSVFormat FORMAT = CSVFormat.RFC4180.builder().setRecordSeparator("\r\n").get();

    private final StringBuilder text = new StringBuilder();
    private final CSVPrinter printer;

    EvaluateCsv(List<String> header) {
        try {
            printer = new CSVPrinter(text, FORMAT);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        record(header.toArray());
    }

    EvaluateCsv record(Object... cells) {
        try {
            for (Object cell : cells) {
                printer.print(CsvCells.safe(cell));
            }
            printer.println();
            return this;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    String text() {
        return text.toString();
    }

    void printTo(PrintStream out) {
        out.print(text);
        out.flush();
    }
}
