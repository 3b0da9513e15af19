package org.patchlake.etl.catalog;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.patchlake.core.catalog.CatalogError;
import org.patchlake.core.catalog.CatalogImport;
import org.patchlake.core.catalog.SupersedenceCycle;

/**
 * The human-readable import report ({@code _IMPORT_REPORT.txt} in the version directory): the counts, the
 * supersedence cycles, then every bad row with file, line, kind, what was done with it, and its raw text.
 */
public final class ImportReport {
    public static final String FILE_NAME = "_IMPORT_REPORT.txt";

    private ImportReport() {
    }

    public static void write(Path file, CatalogManifest manifest, CatalogImport imported) throws IOException {
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            out.write("Patchlake catalog import " + manifest.version() + "\n");
            out.write("source: " + manifest.source() + " " + manifest.sourceFiles() + "\n");
            out.write("imported at: " + manifest.importedAt() + "\n\n");
            out.write(summary(manifest));
            out.write("\nSupersedence cycles (members count as superseded by each other; never followed twice):\n");
            for (SupersedenceCycle cycle : imported.catalog().supersedenceCycles()) {
                out.write("  " + cycle + "\n");
            }
            out.write("\nRelease dates repaired (every row of the KB carries a re-publication date of all its vulnerabilities):\n");
            for (String repair : imported.releaseRepairs()) {
                out.write("  " + repair + "\n");
            }
            out.write("\nBad rows (file:line<TAB>kind<TAB>what was done<TAB>raw row):\n");
            for (CatalogError error : imported.errors()) {
                out.write(error.sourceFile() + ":" + error.line() + "\t" + error.kind() + "\t" + error.message()
                        + "\t" + error.raw().replace("\n", "\\n") + "\n");
            }
        }
    }

    /** The counts block printed at the end of an import and at the top of the report. */
    public static String summary(CatalogManifest manifest) {
        StringBuilder text = new StringBuilder();
        text.append("Counts:\n");
        for (Map.Entry<String, Long> count : manifest.counts().entrySet()) {
            text.append(String.format("  %-28s %,12d%n", count.getKey(), count.getValue()));
        }
        long total = manifest.errors().values().stream().mapToLong(Long::longValue).sum();
        text.append(String.format("Bad rows by kind (%,d problems; a row can have two):%n", total));
        for (Map.Entry<String, Long> error : manifest.errors().entrySet()) {
            text.append(String.format("  %-28s %,12d%n", error.getKey(), error.getValue()));
        }
        return text.toString();
    }
}
