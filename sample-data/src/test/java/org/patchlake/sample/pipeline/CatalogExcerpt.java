package org.patchlake.sample.pipeline;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.patchlake.core.catalog.CsvRecordReader;

/**
 * The rows of the real Microsoft data (wesng's CSV in definitions.zip) for a few operating systems and every product
 * the catalog lists on them ("... on Windows 10 Version 22H2 ..."), as a CSV of the same format: a real catalog small
 * enough for a test, with real supersedence, monthly rollups and in-box components.
 */
final class CatalogExcerpt {
    private CatalogExcerpt() {
    }

    static Path write(Path definitions, List<String> operatingSystems, Path target) throws IOException {
        List<String> names = operatingSystems.stream().map(name -> name.toLowerCase(Locale.ROOT)).toList();
        try (ZipFile zip = new ZipFile(definitions.toFile())) {
            ZipEntry entry = zip.stream().filter(e -> e.getName().startsWith("CVEs_") && e.getName().endsWith(".csv"))
                .findFirst().orElseThrow(() -> new IOException(definitions + " holds no CVEs_*.csv"));
            try (BufferedReader in = new BufferedReader(new InputStreamReader(zip.getInputStream(entry), StandardCharsets.UTF_8));
                 BufferedWriter out = new BufferedWriter(new OutputStreamWriter(Files.newOutputStream(target), StandardCharsets.UTF_8))) {
                CsvRecordReader reader = new CsvRecordReader(in);
                CsvRecordReader.Record header = reader.next();
                out.write(header.raw());
                out.write('\n');
                for (CsvRecordReader.Record record = reader.next(); record != null; record = reader.next()) {
                    if (record.fields().size() > 4 && wanted(record.fields().get(4), names)) {
                        out.write(record.raw());
                        out.write('\n');
                    }
                }
            }
        }
        return target;
    }

    private static boolean wanted(String product, List<String> operatingSystems) {
        String name = product.trim().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
        for (String os : operatingSystems) {
            if (name.equals(os) || name.endsWith(" on " + os)) {
                return true;
            }
        }
        return false;
    }
}
