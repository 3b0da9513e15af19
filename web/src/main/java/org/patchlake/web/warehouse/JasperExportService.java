package org.patchlake.web.warehouse;

import org.patchlake.reports.jasper.ExportFormat;
import org.patchlake.reports.jasper.RenderOptions;
import org.patchlake.reports.jasper.ReportData;
import org.patchlake.reports.jasper.ReportDataSource;
import org.patchlake.reports.jasper.ReportEngine;
import org.patchlake.reports.jasper.ReportRequest;
import org.patchlake.reports.jasper.ReportTemplate;
import org.patchlake.reports.query.QueryLayer;
import org.patchlake.reports.sla.SlaPolicy;
import org.patchlake.web.auth.Scope;
import org.patchlake.web.report.ExportService;
import org.patchlake.web.report.Report;
import org.patchlake.web.report.ReportParameters;

import java.io.ByteArrayOutputStream;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.EnumSet;
import java.util.List;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

import static java.util.Objects.requireNonNull;

/** PDF, XLSX, CSV and HTML exports rendered by the reports module's Jasper templates, within the viewer's scope. */
public final class JasperExportService implements ExportService {
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmm").withZone(ZoneOffset.UTC);
    private final ReportDataSource data;
    private final QueryLayer queries;
    private final ReportEngine engine;
    private final Clock clock;
    private final String linkBase;

    /** Drill-down links in the files relative to the web root (they work in HTML served by this server). */
    public JasperExportService(QueryLayer queries, ReportEngine engine, Clock clock) {
        this(queries, engine, clock, "");
    }

    /** Over a report service: its SLA policies when it reads the warehouse ({@link WarehouseReportService}, cached or not). */
    public static JasperExportService over(QueryLayer queries, org.patchlake.web.report.ReportService reports, ReportEngine engine,
                                           Clock clock, String linkBase) {
        Supplier<List<SlaPolicy>> policies = reports.underlying() instanceof WarehouseReportService warehouse
                ? warehouse::slaPolicies : null;
        return new JasperExportService(queries, policies, engine, clock, linkBase);
    }

    /**
     * @param linkBase the server's public address (e.g. {@code https://patchlake.example.org}): drill-down links in
     *                 PDF, XLSX and HTML files are absolute, so they work from a downloaded or mailed file; "" keeps
     *                 them relative to the web root
     */
    public JasperExportService(QueryLayer queries, ReportEngine engine, Clock clock, String linkBase) {
        this(queries, null, engine, clock, linkBase);
    }

    /**
     * Exports whose SLA figures judge the pages' policies.
     *
     * @param slaPolicies the active SLA policies, read on each export (as the pages read them); null: the reports
     *                    module's seeded policies
     */
    public JasperExportService(QueryLayer queries, Supplier<List<SlaPolicy>> slaPolicies, ReportEngine engine, Clock clock,
                               String linkBase) {
        this.data = new ReportDataSource(requireNonNull(queries, "queries is null"), slaPolicies);
        this.queries = queries;
        this.engine = requireNonNull(engine, "engine is null");
        this.clock = requireNonNull(clock, "clock is null");
        this.linkBase = requireNonNull(linkBase, "linkBase is null");
    }

    @Override
    public Set<Format> formats() {
        return EnumSet.allOf(Format.class);
    }

    static ReportTemplate template(Report report) {
        return switch (report) {
            case SLA_ATTAINMENT -> ReportTemplate.SLA_PHASE_ATTAINMENT;
            default -> ReportTemplate.valueOf(report.name());
        };
    }

    @Override
    public Export export(Report report, ReportParameters parameters, Scope scope, Format format) {
        return export(report, parameters, scope, format, Progress.NONE);
    }

    @Override
    public Export export(Report report, ReportParameters parameters, Scope scope, Format format, Progress progress) {
        Map<String, String> values = new LinkedHashMap<>(parameters.asMap());
        String computerClass = values.remove("computerClass");
        if (computerClass != null) {
            values.put("class", computerClass);
        }
        values.remove("asOf");
        if (report == Report.DELIVERY_SUMMARY && !values.containsKey("to")) {
            // the page's default window (FleetReports.window): the 30 days ending with the data's own day
            values.put("to", java.time.LocalDate.ofInstant(queries.warehouse().currentSnapshot().dataAsOf(),
                    java.time.ZoneOffset.UTC).toString());
        }
        ReportTemplate template = template(report);
        progress.step("querying the warehouse", 10);
        ReportData reportData = data.load(new ReportRequest(template, WarehouseReportService.scope(scope), values));
        progress.step("filling and rendering " + format.name(), 50);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        RenderOptions options = RenderOptions.defaults(clock.instant());
        options = new RenderOptions(options.locale(), options.timeZone(), linkBase, options.generatedAt());
        engine.render(template, reportData, options, ExportFormat.valueOf(format.name()), out);
        return new Export(out.toByteArray(), format, report.id() + "-" + STAMP.format(clock.instant()) + "." + format.extension());
    }
}
