package org.patchlake.web.pages;

import io.javalin.Javalin;
import io.javalin.http.Context;
import org.patchlake.web.WebServices;
import org.patchlake.web.auth.AuthService.Viewer;
import org.patchlake.web.auth.Permission;
import org.patchlake.web.auth.Scope;
import org.patchlake.web.http.AccessControl;
import org.patchlake.web.http.BadParameterException;
import org.patchlake.web.http.Params;
import org.patchlake.web.http.WebException;
import org.patchlake.web.jobs.ExportJobs;
import org.patchlake.web.jobs.Job;
import org.patchlake.web.report.ExportService;
import org.patchlake.web.report.Report;
import org.patchlake.web.report.ReportParameter;
import org.patchlake.web.report.ReportParameters;
import org.patchlake.web.report.ReportParametersParser;
import org.patchlake.web.report.ReportResult;
import org.patchlake.web.remediation.RemediationRowActions;

import java.time.ZoneId;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;

import static org.patchlake.web.pages.Html.h;

/** Report pages: the list, each report with its parameter form and drill-down, the computer and bulletin pages, exports. */
public final class ReportPages {
    /** Exports of at most this many rows in CSV or HTML may be downloaded directly; everything else runs as a job. */
    public static final int DIRECT_EXPORT_ROWS = 1000;

    private final WebServices services;
    private final ReportParametersParser parser;
    private final ExportJobs exportJobs;

    public ReportPages(WebServices services, ExportJobs exportJobs) {
        this.services = services;
        this.parser = new ReportParametersParser(services.reports());
        this.exportJobs = exportJobs;
    }

    public void register(Javalin app) {
        app.get("/reports", this::index);
        app.get("/reports/{report}", this::report);
        app.get("/reports/{report}/export", this::export);
        app.post("/reports/{report}/export", this::startExport);
        app.get("/reports/detection-agreement/computers/{computer}", this::detectionAgreement);
        app.get("/computers/{computer}", this::computer);
        app.get("/bulletins/{bulletin}", this::bulletin);
    }

    public static Report report(Context ctx, Viewer viewer) {
        String id = ctx.pathParam("report");
        Report report = Report.fromId(id).orElseThrow(() -> WebException.notFound("no report '" + Params.abbreviate(id) + "'"));
        if (!viewer.user().can(report.permission())) {
            throw WebException.forbidden("your roles do not allow the report " + report.title());
        }
        return report;
    }

    private void index(Context ctx) {
        Viewer viewer = AccessControl.viewer(ctx);
        StringBuilder body = new StringBuilder("<ul class=\"report-list\">");
        for (Report report : Report.values()) {
            if (viewer.user().can(report.permission())) {
                body.append("<li><a href=\"/reports/").append(report.id()).append("\">").append(h(report.title()))
                        .append("</a><p class=\"muted\">").append(h(report.description())).append("</p></li>");
            }
        }
        body.append("</ul>");
        ctx.html(Layout.page(viewer, "Reports", services.reports().snapshot(), true, body.toString()));
    }

    private void report(Context ctx) {
        Viewer viewer = AccessControl.viewer(ctx);
        Report report = report(ctx, viewer);
        ReportParameters parameters = parser.parse(ctx, report.parameters(), viewer.user().scope());
        long started = System.nanoTime();
        ReportResult result = services.reports().run(report, parameters,
                ReportParametersParser.effectiveScope(viewer.user().scope(), parameters));
        observe(report.id(), started);
        String top = "<p class=\"muted\">" + h(report.description()) + "</p>"
                + form(report, parameters, viewer.user().scope()) + exportLinks(report, parameters, viewer);
        Layout.stream(ctx, viewer, report.title(), java.util.Optional.of(result.snapshot()), true, out -> {
            out.append(top);
            ReportView.render(out, result, parameters, viewer.user().timeZone(), (table, row) ->
                    RemediationRowActions.links(viewer, report.id(), table.columns(), row, parameters, null, null));
        });
    }

    private void computer(Context ctx) {
        Viewer viewer = AccessControl.require(ctx, Permission.VIEW_COMPLIANCE_REPORTS);
        String id = Params.pathId(ctx, "computer");
        ReportParameters parameters = parser.parse(ctx, EnumSet.noneOf(ReportParameter.class), viewer.user().scope());
        long started = System.nanoTime();
        ReportResult result = services.reports().computer(id, parameters, viewer.user().scope())
                .orElseThrow(() -> WebException.notFound("computer '" + id + "' not found in your scope"));
        observe("computer", started);
        Layout.stream(ctx, viewer, result.title(), java.util.Optional.of(result.snapshot()), true, out ->
                ReportView.render(out, result, parameters, viewer.user().timeZone(), (table, row) ->
                        RemediationRowActions.links(viewer, "computer", table.columns(), row, parameters, id, null)));
    }

    /** Report 13's drill-down: the computer's KBs where Windows Update and Patchlake differ, and where they agree. */
    private void detectionAgreement(Context ctx) {
        Viewer viewer = AccessControl.viewer(ctx);
        Report report = Report.DETECTION_AGREEMENT;
        if (!viewer.user().can(report.permission())) {
            throw WebException.forbidden("your roles do not allow the report " + report.title());
        }
        String id = Params.pathId(ctx, "computer");
        ReportParameters parameters = parser.parse(ctx, EnumSet.noneOf(ReportParameter.class), viewer.user().scope());
        long started = System.nanoTime();
        ReportResult result = services.reports().detectionAgreement(id, parameters, viewer.user().scope())
                .orElseThrow(() -> WebException.notFound("computer '" + id + "' not found in your scope"));
        observe("detection-agreement-computer", started);
        String top = "<p class=\"muted\">" + h(report.description()) + " <a href=\"/computers/" + Html.url(id)
                + "\">Computer page</a> · <a href=\"/reports/" + report.id() + "\">All computers</a></p>";
        Layout.stream(ctx, viewer, result.title(), java.util.Optional.of(result.snapshot()), true, out -> {
            out.append(top);
            ReportView.render(out, result, parameters, viewer.user().timeZone(), ReportView.RowActions.NONE);
        });
    }

    private void bulletin(Context ctx) {
        Viewer viewer = AccessControl.require(ctx, Permission.VIEW_COMPLIANCE_REPORTS);
        String id = Params.pathId(ctx, "bulletin");
        ReportParameters parameters = parser.parse(ctx, EnumSet.of(ReportParameter.REGION, ReportParameter.SITE,
                ReportParameter.STATE, ReportParameter.LIMIT), viewer.user().scope());
        long started = System.nanoTime();
        ReportResult result = services.reports().bulletin(id, parameters,
                        ReportParametersParser.effectiveScope(viewer.user().scope(), parameters))
                .orElseThrow(() -> WebException.notFound("bulletin '" + id + "' not found"));
        observe("bulletin", started);
        StringBuilder states = new StringBuilder("<nav class=\"states\">Show: ");
        for (String state : ReportParameters.STATES) {
            ReportParameters withState = parameters.withState(state);
            states.append("<a href=\"/bulletins/").append(Html.url(id)).append('?').append(h(withState.queryString()))
                    .append(state.equals(parameters.state()) ? "\" class=\"current\">" : "\">")
                    .append(h(state.replace('_', ' '))).append("</a> ");
        }
        states.append("</nav>");
        String top = RemediationRowActions.bulletinLink(viewer, id, parameters) + states;
        Layout.stream(ctx, viewer, result.title(), java.util.Optional.of(result.snapshot()), true, out -> {
            out.append(top);
            ReportView.render(out, result, parameters, viewer.user().timeZone(), (table, row) ->
                    RemediationRowActions.links(viewer, "bulletin", table.columns(), row, parameters, null, id));
        });
    }

    /** A direct download, for small CSV and HTML exports (scripts); larger ones and PDF/XLSX run as jobs. */
    private void export(Context ctx) {
        Viewer viewer = AccessControl.viewer(ctx);
        Report report = report(ctx, viewer);
        ExportService.Format format = format(ctx);
        ReportParameters parameters = parser.parse(ctx, report.parameters(), viewer.user().scope());
        if (format == ExportService.Format.PDF || format == ExportService.Format.XLSX) {
            throw new BadParameterException("format", format.name() + " exports run as jobs: POST /reports/" + report.id()
                    + "/export (the Download buttons of the report page)");
        }
        if (parameters.limit() > DIRECT_EXPORT_ROWS) {
            throw new BadParameterException("limit", "direct downloads hold at most " + DIRECT_EXPORT_ROWS + " rows; larger exports run "
                    + "as jobs: POST /reports/" + report.id() + "/export");
        }
        long started = System.nanoTime();
        ExportService.Export export = services.exports().export(report, parameters,
                ReportParametersParser.effectiveScope(viewer.user().scope(), parameters), format);
        observe(report.id() + "." + format.extension(), started);
        ctx.contentType(format.contentType());
        ctx.header("Content-Disposition", "attachment; filename=\"" + export.fileName().replaceAll("[^A-Za-z0-9._-]", "_") + "\"");
        ctx.result(export.content());
    }

    /** Starts an export job and sends the viewer to its page (progress, then the download link). */
    private void startExport(Context ctx) {
        Viewer viewer = AccessControl.viewer(ctx);
        Report report = report(ctx, viewer);
        ExportService.Format format = format(ctx);
        ReportParameters parameters = parser.parse(ctx, report.parameters(), viewer.user().scope());
        Job job = exportJobs.start(viewer.user().name(), report, parameters,
                ReportParametersParser.effectiveScope(viewer.user().scope(), parameters), format);
        ctx.redirect("/jobs/" + job.id(), io.javalin.http.HttpStatus.SEE_OTHER);
    }

    private ExportService.Format format(Context ctx) {
        return format(ctx, services);
    }

    /** The {@code format} parameter: required, one of the formats this server exports. */
    public static ExportService.Format format(Context ctx, WebServices services) {
        String formatName = Params.required(ctx, "format");
        ExportService.Format format = ExportService.Format.fromExtension(formatName)
                .orElseThrow(() -> new BadParameterException("format", "format must be one of pdf, xlsx, csv, html; was '"
                        + Params.abbreviate(formatName) + "'"));
        if (!services.exports().formats().contains(format)) {
            throw new BadParameterException("format", format + " export is not available on this server");
        }
        return format;
    }

    private void observe(String what, long startedNanos) {
        services.metrics().observe("patchlake_report_duration_seconds", "Time to compute a report or drill-down page",
                (System.nanoTime() - startedNanos) / 1e9, "report", what);
    }

    private String form(Report report, ReportParameters parameters, Scope scope) {
        StringBuilder form = new StringBuilder("<form method=\"get\" class=\"parameters\" id=\"parameters\">");
        if (report.parameters().contains(ReportParameter.REGION)) {
            form.append(select("region", "Region", services.reports().regions(scope), parameters.region()));
        }
        if (report.parameters().contains(ReportParameter.SITE)) {
            form.append(select("site", "Site", services.reports().sites(scope), parameters.site()));
        }
        if (report.parameters().contains(ReportParameter.SEVERITY)) {
            form.append(select("severity", "Severity", ReportParameters.SEVERITIES, parameters.severity()));
        }
        if (report.parameters().contains(ReportParameter.COMPUTER_CLASS)) {
            form.append(select("computerClass", "Computer class", ReportParameters.COMPUTER_CLASSES, parameters.computerClass()));
        }
        for (ReportParameter date : List.of(ReportParameter.FROM, ReportParameter.TO, ReportParameter.AS_OF)) {
            if (report.parameters().contains(date)) {
                Object value = switch (date) {
                    case FROM -> parameters.from();
                    case TO -> parameters.to();
                    default -> parameters.asOf();
                };
                form.append("<label>").append(date == ReportParameter.AS_OF ? "As of" : date == ReportParameter.FROM ? "From" : "To")
                        .append(" <input type=\"date\" name=\"").append(date.key()).append("\" value=\"")
                        .append(h(value)).append("\"></label>");
            }
        }
        if (report.parameters().contains(ReportParameter.DAYS)) {
            form.append("<label>Not reporting for (days) <input type=\"number\" min=\"1\" max=\"3650\" name=\"days\" value=\"")
                    .append(h(parameters.days())).append("\"></label>");
        }
        form.append("<label>Rows <input type=\"number\" min=\"1\" max=\"").append(ReportParameters.MAX_LIMIT)
                .append("\" name=\"limit\" value=\"").append(parameters.limit()).append("\"></label>");
        return form.append("<button type=\"submit\">Show</button></form>").toString();
    }

    private static String select(String name, String label, List<String> options, String selected) {
        StringBuilder html = new StringBuilder("<label>").append(h(label)).append(" <select name=\"").append(name)
                .append("\"><option value=\"\">all</option>");
        for (String option : options) {
            html.append("<option").append(option.equals(selected) ? " selected" : "").append(">").append(h(option)).append("</option>");
        }
        return html.append("</select></label>").toString();
    }

    /** One small form per format: an export runs as a job (POST with the CSRF token), then the job page offers the file. */
    private String exportLinks(Report report, ReportParameters parameters, Viewer viewer) {
        StringBuilder html = new StringBuilder("<div class=\"exports\">Download: ");
        String query = parameters.queryString();
        for (ExportService.Format format : Arrays.asList(ExportService.Format.PDF, ExportService.Format.XLSX, ExportService.Format.CSV)) {
            if (services.exports().formats().contains(format)) {
                html.append("<form method=\"post\" class=\"inline\" action=\"/reports/").append(report.id()).append("/export?format=")
                        .append(format.extension()).append(query.isEmpty() ? "" : "&amp;" + h(query)).append("\">")
                        .append(Layout.csrfField(viewer)).append("<button type=\"submit\" class=\"export\" id=\"export-")
                        .append(format.extension()).append("\">").append(format.name()).append("</button></form> ");
            } else {
                html.append("<span class=\"muted\" title=\"not available yet\">").append(format.name()).append("</span> ");
            }
        }
        return html.append("</div>").toString();
    }

    static ZoneId zone(Viewer viewer) {
        return viewer.user().timeZone();
    }
}
