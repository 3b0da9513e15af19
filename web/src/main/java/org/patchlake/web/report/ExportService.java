package org.patchlake.web.report;

import org.patchlake.web.auth.Scope;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import static java.util.Objects.requireNonNull;

/**
 * Renders a report to a downloadable file (PDF, XLSX, CSV, HTML). The Jasper templates implement it in the
 * reports module; until then {@link CsvExportService} renders CSV from the report tables.
 */
public interface ExportService {
    enum Format {
        PDF("application/pdf"), XLSX("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
        CSV("text/csv; charset=utf-8"), HTML("text/html; charset=utf-8");

        private final String contentType;

        Format(String contentType) {
            this.contentType = contentType;
        }

        public String contentType() {
            return contentType;
        }

        public String extension() {
            return name().toLowerCase(Locale.ROOT);
        }

        public static Optional<Format> fromExtension(String extension) {
            return Arrays.stream(values()).filter(f -> f.extension().equals(extension)).findFirst();
        }
    }

    record Export(byte[] content, Format format, String fileName) {
        public Export {
            requireNonNull(content, "content is null");
            requireNonNull(format, "format is null");
            requireNonNull(fileName, "fileName is null");
        }
    }

    /** Told how far an export is (for the export job's page). */
    @FunctionalInterface
    interface Progress {
        Progress NONE = (message, percent) -> { };

        void step(String message, int percent);
    }

    /** Formats this service can render now. */
    Set<Format> formats();

    /** Renders the report within the scope; throws {@link UnsupportedOperationException} for a format not in {@link #formats()}. */
    Export export(Report report, ReportParameters parameters, Scope scope, Format format);

    /** The same, telling {@code progress} how far it is. */
    default Export export(Report report, ReportParameters parameters, Scope scope, Format format, Progress progress) {
        progress.step("querying and rendering", 10);
        return export(report, parameters, scope, format);
    }
}
