package org.patchlake.reports.jasper;

import static java.util.Objects.requireNonNull;

import java.io.OutputStream;
import net.sf.jasperreports.engine.JRException;
import net.sf.jasperreports.engine.JasperPrint;
import net.sf.jasperreports.engine.JasperReportsContext;
import net.sf.jasperreports.engine.export.HtmlExporter;
import net.sf.jasperreports.engine.export.ooxml.JRXlsxExporter;
import net.sf.jasperreports.export.SimpleCsvMetadataExporterConfiguration;
import net.sf.jasperreports.export.SimpleCsvMetadataReportConfiguration;
import net.sf.jasperreports.export.SimpleExporterInput;
import net.sf.jasperreports.export.SimpleHtmlExporterConfiguration;
import net.sf.jasperreports.export.SimpleHtmlExporterOutput;
import net.sf.jasperreports.export.SimpleHtmlReportConfiguration;
import net.sf.jasperreports.export.SimpleOutputStreamExporterOutput;
import net.sf.jasperreports.export.SimpleWriterExporterOutput;
import net.sf.jasperreports.export.SimpleXlsxReportConfiguration;
import net.sf.jasperreports.pdf.JRPdfExporter;
import net.sf.jasperreports.pdf.SimplePdfExporterConfiguration;

/**
 * Writes a filled report as PDF, HTML (images embedded, drill-down links kept), XLSX (one sheet, typed cells)
 * or CSV (data columns only: every detail field that carries a {@code net.sf.jasperreports.export.csv.column.name}
 * property, with a header line; written the product's way, {@link ProductCsvExporter}).
 */
public final class ReportExporter {
    /** Export all pages. */
    public static final int ALL_PAGES = -1;

    private final JasperReportsContext context;
    private final ReportHtmlFrame htmlFrame = new ReportHtmlFrame();

    public ReportExporter(JasperReportsContext context) {
        this.context = requireNonNull(context, "context is null");
    }

    public void export(JasperPrint print, ExportFormat format, OutputStream out) {
        export(print, format, out, ALL_PAGES);
    }

    /** Exports one page (0-based; HTML and PDF only) or {@link #ALL_PAGES}. */
    public void export(JasperPrint print, ExportFormat format, OutputStream out, int pageIndex) {
        try {
            switch (format) {
                case PDF -> pdf(print, out, pageIndex);
                case HTML -> html(print, out, pageIndex);
                case XLSX -> xlsx(print, out);
                case CSV -> csv(print, out);
            }
        } catch (JRException | RuntimeException e) {
            throw new ReportException("report " + print.getName() + ": " + format.extension() + " export failed: " + e.getMessage(), e);
        }
    }

    private void pdf(JasperPrint print, OutputStream out, int pageIndex) throws JRException {
        JRPdfExporter exporter = new JRPdfExporter(context);
        exporter.setExporterInput(new SimpleExporterInput(print));
        exporter.setExporterOutput(new SimpleOutputStreamExporterOutput(out));
        SimplePdfExporterConfiguration configuration = new SimplePdfExporterConfiguration();
        configuration.setMetadataTitle(print.getName());
        configuration.setMetadataCreator("Patchlake");
        exporter.setConfiguration(configuration);
        if (pageIndex != ALL_PAGES) {
            net.sf.jasperreports.pdf.SimplePdfReportConfiguration report = new net.sf.jasperreports.pdf.SimplePdfReportConfiguration();
            report.setPageIndex(pageIndex);
            exporter.setConfiguration(report);
        }
        exporter.exportReport();
    }

    private void html(JasperPrint print, OutputStream out, int pageIndex) throws JRException {
        HtmlExporter exporter = new HtmlExporter(context);
        exporter.setExporterInput(new SimpleExporterInput(print));
        exporter.setExporterOutput(new SimpleHtmlExporterOutput(out, "UTF-8"));
        SimpleHtmlReportConfiguration report = new SimpleHtmlReportConfiguration();
        report.setEmbedImage(true);
        report.setWrapBreakWord(true);
        if (pageIndex != ALL_PAGES) {
            report.setPageIndex(pageIndex);
        }
        exporter.setConfiguration(report);
        SimpleHtmlExporterConfiguration configuration = new SimpleHtmlExporterConfiguration();
        ReportHtmlFrame.Parts frame = htmlFrame.around(print.getName());
        configuration.setHtmlHeader(frame.header());
        configuration.setHtmlFooter(frame.footer());
        configuration.setBetweenPagesHtml(frame.betweenPages());
        exporter.setConfiguration(configuration);
        exporter.exportReport();
    }

    private void xlsx(JasperPrint print, OutputStream out) throws JRException {
        JRXlsxExporter exporter = new JRXlsxExporter(context);
        exporter.setExporterInput(new SimpleExporterInput(print));
        exporter.setExporterOutput(new SimpleOutputStreamExporterOutput(out));
        SimpleXlsxReportConfiguration report = new SimpleXlsxReportConfiguration();
        report.setOnePagePerSheet(false);
        report.setDetectCellType(true);
        report.setRemoveEmptySpaceBetweenRows(true);
        report.setRemoveEmptySpaceBetweenColumns(true);
        report.setWhitePageBackground(false);
        report.setCollapseRowSpan(true);
        report.setSheetNames(new String[] {sheetName(print.getName())});
        exporter.setConfiguration(report);
        exporter.exportReport();
    }

    private void csv(JasperPrint print, OutputStream out) throws JRException {
        ProductCsvExporter exporter = new ProductCsvExporter(context);
        exporter.setExporterInput(new SimpleExporterInput(print));
        exporter.setExporterOutput(new SimpleWriterExporterOutput(out, "UTF-8"));
        SimpleCsvMetadataReportConfiguration report = new SimpleCsvMetadataReportConfiguration();
        report.setWriteHeader(true);
        exporter.setConfiguration(report);
        SimpleCsvMetadataExporterConfiguration configuration = new SimpleCsvMetadataExporterConfiguration();
        configuration.setRecordDelimiter("\r\n");
        exporter.setConfiguration(configuration);
        exporter.exportReport();
    }

    static String sheetName(String name) {
        String cleaned = name.replaceAll("[\\\\/?*\\[\\]:]", " ");
        return cleaned.length() <= 31 ? cleaned : cleaned.substring(0, 31);
    }
}
