package org.patchlake.reports.jasper;

import net.sf.jasperreports.engine.JasperReportsContext;
import net.sf.jasperreports.engine.export.JRCsvMetadataExporter;
import org.patchlake.reports.csv.ProductCsv;

/**
 * Jasper's CSV exporter (the detail columns named by {@code net.sf.jasperreports.export.csv.column.name}, a header line)
 * writing every cell the product's way ({@link ProductCsv}): quoted where it holds a comma, quote, CR or LF, and
 * through the formula-injection rule. Records end with CRLF (set by {@link ReportExporter}).
 */
final class ProductCsvExporter extends JRCsvMetadataExporter {
    ProductCsvExporter(JasperReportsContext context) {
        super(context);
    }

    @Override
    protected String prepareText(String source) {
        return source == null ? "" : ProductCsv.cell(source);
    }
}
