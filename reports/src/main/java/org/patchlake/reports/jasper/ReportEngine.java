package org.patchlake.reports.jasper;

import java.io.OutputStream;
import net.sf.jasperreports.engine.JasperPrint;
import net.sf.jasperreports.engine.JasperReportsContext;
import net.sf.jasperreports.engine.SimpleJasperReportsContext;

/**
 * The one entry point for rendering a report: compiled templates cached for the life of the engine, fill,
 * export. Create one per process (the web server and the command line each hold one) and share it; it is
 * thread-safe.
 */
public final class ReportEngine {
    private final JasperReportsContext context;
    private final TemplateCache templates;
    private final ReportFiller filler;
    private final ReportExporter exporter;

    public ReportEngine() {
        SimpleJasperReportsContext simple = new SimpleJasperReportsContext();
        // a missing font must fail loudly instead of silently falling back to another face
        simple.setProperty("net.sf.jasperreports.awt.ignore.missing.font", "false");
        // data exports (CSV, XLSX) get the whole text of a cell even where the PDF cuts it to the column width
        simple.setProperty("net.sf.jasperreports.print.keep.full.text", "true");
        // compiled templates with charts hold classes of the charts extension, which Jasper's own
        // deserialization allow-list (core only) does not name
        simple.setProperty("net.sf.jasperreports.deserialization.class.whitelist.patchlake.charts",
                "net.sf.jasperreports.charts.*,net.sf.jasperreports.charts.base.*,net.sf.jasperreports.charts.design.*,"
                        + "net.sf.jasperreports.charts.type.*,net.sf.jasperreports.charts.util.*");
        this.context = simple;
        this.templates = new TemplateCache(context);
        this.filler = new ReportFiller(context, templates);
        this.exporter = new ReportExporter(context);
    }

    public TemplateCache templates() {
        return templates;
    }

    public JasperPrint fill(ReportTemplate template, ReportData data, RenderOptions options, ExportFormat format) {
        return filler.fill(template, data, options, format.paginated());
    }

    public void render(ReportTemplate template, ReportData data, RenderOptions options, ExportFormat format, OutputStream out) {
        JasperPrint print = fill(template, data, options, format);
        if (format != ExportFormat.CSV) {
            exporter.export(print, format, out);
            return;
        }
        java.io.ByteArrayOutputStream csv = new java.io.ByteArrayOutputStream();
        exporter.export(print, format, csv);
        try {
            if (csv.size() == 0) {
                // no rows: Jasper writes no header either; a CSV always starts with its header line
                out.write(CsvColumns.headerLine(CsvColumns.of(templates.report(template))).getBytes(java.nio.charset.StandardCharsets.UTF_8));
            } else {
                csv.writeTo(out);
            }
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException("cannot write the CSV of " + template, e);
        }
    }

    /** The first (or any) page of a report as HTML or PDF: what a viewer sees before paging on. */
    public void renderPage(ReportTemplate template, ReportData data, RenderOptions options, ExportFormat format,
                           int pageIndex, OutputStream out) {
        exporter.export(fill(template, data, options, format), format, out, pageIndex);
    }

    public void export(JasperPrint print, ExportFormat format, OutputStream out) {
        exporter.export(print, format, out);
    }

    /** One page (0-based; PDF and HTML) or {@link ReportExporter#ALL_PAGES}. */
    public void exportPage(JasperPrint print, ExportFormat format, OutputStream out, int pageIndex) {
        exporter.export(print, format, out, pageIndex);
    }
}
