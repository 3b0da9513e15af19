package org.patchlake.reports.jasper;

import static java.util.Objects.requireNonNull;

import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TimeZone;
import java.util.stream.Collectors;
import net.sf.jasperreports.engine.JRException;
import net.sf.jasperreports.engine.JRParameter;
import net.sf.jasperreports.engine.JasperFillManager;
import net.sf.jasperreports.engine.JasperPrint;
import net.sf.jasperreports.engine.JasperReportsContext;
import net.sf.jasperreports.engine.data.JRMapCollectionDataSource;

/**
 * Fills a compiled template from a {@link ReportData}: the detail rows become the main data source, datasets
 * and values become parameters, and the header parameters every template shares are set here.
 */
public final class ReportFiller {
    /** Parameters every template declares (the shared header and footer). */
    public static final String REPORT_TITLE = "REPORT_TITLE";
    public static final String RUN_PARAMETERS = "RUN_PARAMETERS";
    public static final String SCOPE = "SCOPE";
    public static final String SNAPSHOT_TIME = "SNAPSHOT_TIME";
    public static final String GENERATED_AT = "GENERATED_AT";
    public static final String LINK_BASE = "LINK_BASE";
    public static final String ROW_COUNT = "ROW_COUNT";

    private final JasperReportsContext context;
    private final TemplateCache templates;

    public ReportFiller(JasperReportsContext context, TemplateCache templates) {
        this.context = requireNonNull(context, "context is null");
        this.templates = requireNonNull(templates, "templates is null");
    }

    public JasperPrint fill(ReportTemplate template, ReportData data, RenderOptions options, boolean paginated) {
        Map<String, Object> parameters = new HashMap<>();
        parameters.putAll(data.values());
        parameters.putAll(data.datasets());
        parameters.put(REPORT_TITLE, template.title());
        parameters.put(RUN_PARAMETERS, describe(data.runParameters()));
        parameters.put(SCOPE, data.scope());
        parameters.put(SNAPSHOT_TIME, Date.from(data.snapshotTime()));
        parameters.put(GENERATED_AT, Date.from(options.generatedAt()));
        parameters.put(LINK_BASE, options.linkBase());
        parameters.put(ROW_COUNT, (long) data.rows().size());
        parameters.put(JRParameter.REPORT_LOCALE, options.locale());
        parameters.put(JRParameter.REPORT_TIME_ZONE, TimeZone.getTimeZone(options.timeZone()));
        parameters.put(JRParameter.REPORT_TEMPLATES, List.of(templates.styles()));
        parameters.put(JRParameter.IS_IGNORE_PAGINATION, !paginated);
        try {
            return JasperFillManager.getInstance(context)
                    .fill(templates.report(template), parameters, new JRMapCollectionDataSource(List.copyOf(data.rows())));
        } catch (JRException | RuntimeException e) {
            throw new ReportException("report " + template.reportName() + ": fill failed: " + e.getMessage(), e);
        }
    }

    static String describe(Map<String, String> runParameters) {
        if (runParameters.isEmpty()) {
            return "defaults";
        }
        return runParameters.entrySet().stream()
                .map(entry -> entry.getKey() + " = " + entry.getValue())
                .collect(Collectors.joining("   ·   "));
    }
}
