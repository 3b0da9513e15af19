package org.patchlake.core.catalog;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * Streams the rows of wesng's definitions: {@code definitions.zip} (its {@code CVEs_*.csv}, then its
 * {@code Custom_*.csv}, read straight from the zip) or one CSV file. Rows of the wrong shape become
 * {@link CatalogErrorKind#MALFORMED_ROW} errors; every other row goes to the row consumer unvalidated
 * ({@link WesngCatalogBuilder} classifies them). In Custom files, lines starting with '#' and blank lines are
 * comments. Both consumers are called on the reading thread, in file order.
 */
public final class WesngCsvReader {
    static final List<String> HEADER = List.of("DatePosted", "CVE", "BulletinKB", "Title", "AffectedProduct",
            "AffectedComponent", "Severity", "Impact", "Supersedes", "Exploits");

    private final Consumer<WesngRow> rows;
    private final Consumer<CatalogError> errors;

    public WesngCsvReader(Consumer<WesngRow> rows, Consumer<CatalogError> errors) {
        this.rows = rows;
        this.errors = errors;
    }

    /** Reads a definitions.zip or a single CSV, by file name. Returns the names of the CSV files read. */
    public List<String> read(Path source) throws IOException {
        if (!Files.isRegularFile(source)) {
            throw new IOException("catalog source " + source + " is not a file");
        }
        if (source.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".zip")) {
            return readZip(source);
        }
        try (BufferedReader reader = Files.newBufferedReader(source, StandardCharsets.UTF_8)) {
            String name = source.getFileName().toString();
            read(name, reader);
            return List.of(name);
        }
    }

    private List<String> readZip(Path zip) throws IOException {
        try (ZipFile zipFile = new ZipFile(zip.toFile())) {
            List<ZipEntry> entries = new ArrayList<>();
            zipFile.stream()
                    .filter(entry -> !entry.isDirectory() && entry.getName().toLowerCase(Locale.ROOT).endsWith(".csv"))
                    .sorted(Comparator.comparing((ZipEntry entry) -> isCustom(entry.getName()))
                            .thenComparing(ZipEntry::getName))
                    .forEach(entries::add);
            if (entries.isEmpty()) {
                throw new IOException("catalog source " + zip + " contains no .csv file");
            }
            List<String> names = new ArrayList<>();
            for (ZipEntry entry : entries) {
                try (BufferedReader reader = new BufferedReader(
                        new InputStreamReader(zipFile.getInputStream(entry), StandardCharsets.UTF_8), 1 << 16)) {
                    read(entry.getName(), reader);
                }
                names.add(entry.getName());
            }
            return names;
        }
    }

    /** Reads one CSV whose first line is wesng's header. */
    public void read(String sourceFile, BufferedReader reader) throws IOException {
        CsvRecordReader records = new CsvRecordReader(reader);
        CsvRecordReader.Record header = records.next();
        if (header == null) {
            throw new IOException(sourceFile + " is empty: expected the header " + String.join(",", HEADER));
        }
        List<String> names = header.fields().stream().map(WesngCsvReader::stripBom).toList();
        if (!names.equals(HEADER)) {
            throw new IOException(sourceFile + " line 1: expected the header " + String.join(",", HEADER)
                    + " but found " + String.join(",", names));
        }
        boolean custom = isCustom(sourceFile);
        for (CsvRecordReader.Record record = records.next(); record != null; record = records.next()) {
            if (custom && (record.raw().isBlank() || record.raw().startsWith("#"))) {
                continue;
            }
            if (record.unterminatedQuote() || record.fields().size() != HEADER.size()) {
                errors.accept(new CatalogError(sourceFile, record.line(), CatalogErrorKind.MALFORMED_ROW,
                        record.unterminatedQuote()
                                ? "a quoted field is not closed before the end of the file; row not imported"
                                : "expected " + HEADER.size() + " fields but found " + record.fields().size()
                                        + "; row not imported",
                        record.raw()));
                continue;
            }
            List<String> field = record.fields();
            rows.accept(new WesngRow(sourceFile, record.line(), field.get(0), field.get(1), field.get(2),
                    field.get(3), field.get(4), field.get(5), field.get(6), field.get(7), field.get(8),
                    field.get(9), record.raw()));
        }
    }

    static boolean isCustom(String name) {
        String fileName = name.substring(name.lastIndexOf('/') + 1);
        return fileName.toLowerCase(Locale.ROOT).startsWith("custom");
    }

    private static String stripBom(String text) {
        return text.startsWith("\uFEFF") ? text.substring(1) : text;
    }

    /** Reads a source, rethrowing I/O failures unchecked; for callers inside lambdas. */
    public List<String> readUnchecked(Path source) {
        try {
            return read(source);
        } catch (IOException exception) {
            throw new UncheckedIOException(exception);
        }
    }
}
