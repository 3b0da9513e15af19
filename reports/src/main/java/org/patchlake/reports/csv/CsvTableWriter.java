package org.patchlake.reports.csv;

import static java.util.Objects.requireNonNull;

import java.io.Closeable;
import java.io.Flushable;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.apache.commons.csv.CSVPrinter;
import org.patchlake.core.csv.CsvCells;

/** Writes records in the product's CSV format ({@link ProductCsv}); every cell goes through the formula rule. */
public final class CsvTableWriter implements Closeable, Flushable {
    private final CSVPrinter printer;

    CsvTableWriter(CSVPrinter printer) {
        this.printer = requireNonNull(printer, "printer is null");
    }

    /** One record; a null value is an empty cell, any other value its {@code toString()}. */
    public CsvTableWriter row(Object... values) {
        return row(java.util.Arrays.asList(values));
    }

    public CsvTableWriter row(Iterable<?> values) {
        try {
            for (Object value : values) {
                printer.print(CsvCells.safe(value));
            }
            printer.println();
            return this;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write a CSV record: " + e.getMessage(), e);
        }
    }

    @Override
    public void flush() {
        try {
            printer.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Flushes; the stream written to stays open (its owner closes it). */
    @Override
    public void close() {
        flush();
    }
}
