package org.patchlake.reports.jasper;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import net.sf.jasperreports.engine.JRBand;
import net.sf.jasperreports.engine.JRElement;
import net.sf.jasperreports.engine.JRFrame;
import net.sf.jasperreports.engine.JasperReport;
import org.patchlake.reports.csv.ProductCsv;

/**
 * The CSV columns of a template: every detail element with a {@code net.sf.jasperreports.export.csv.column.name}
 * property, in the order they appear (the order Jasper's CSV exporter gives them). Jasper writes the header line with
 * the first row, so a report without rows came out as an empty file; the header is written from these instead.
 */
final class CsvColumns {
    static final String PROPERTY = "net.sf.jasperreports.export.csv.column.name";

    private CsvColumns() {
    }

    static List<String> of(JasperReport report) {
        Set<String> names = new LinkedHashSet<>();
        if (report.getDetailSection() != null && report.getDetailSection().getBands() != null) {
            for (JRBand band : report.getDetailSection().getBands()) {
                collect(band.getElements(), names);
            }
        }
        return new ArrayList<>(names);
    }

    /** The header line as the CSV export writes it ({@link ProductCsv}): names as cells, then CRLF. */
    static String headerLine(List<String> columns) {
        StringBuilder line = new StringBuilder();
        ProductCsv.writer(line).row(columns).close();
        return line.toString();
    }

    private static void collect(JRElement[] elements, Set<String> names) {
        if (elements == null) {
            return;
        }
        for (JRElement element : elements) {
            String name = element.hasProperties() ? element.getPropertiesMap().getProperty(PROPERTY) : null;
            if (name != null) {
                names.add(name);
            }
            if (element instanceof JRFrame frame) {
                collect(frame.getElements(), names);
            }
        }
    }
}
