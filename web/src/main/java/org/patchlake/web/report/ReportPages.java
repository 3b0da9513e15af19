package org.patchlake.web.report;

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
import org.patchlake.web.layout.Layout;
import org.patchlake.web.layout.PageFrame;
import org.patchlake.web.remediation.RemediationRowActions;

import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.stream.Stream;


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
        return allowed(viewer, Report.fromId(id).orElseThrow(() -> WebException.notFound("no report '" + Params.abbreviate(id) + "'")));
    }

    private static Report allowed(Viewer viewer, Report report) {
        if (!viewer.user().can(report.permission())) {
            throw WebException.forbidden("your roles do not allow the report " + report.title());
        }
        return report;
    }

    private void index(Context ctx) {
        Viewer viewer = AccessControl.viewer(ctx);
        List<Report> reports = Arrays.stream(Report.values()).filter(report -> viewer.user().can(report.permission())).toList();
        ctx.html(Layout.render("reports/index.jte", Layout.frame(viewer, "Reports", services.reports().snapshot(), true),
                Map.of("reports", reports)));
    }

    private void report(Context ctx) {
        Viewer viewer = AccessControl.viewer(ctx);
        Report report = report(ctx, viewer);
        ReportParameters parameters = parser.parse(ctx, report.parameters(), viewer.user().scope());
        ReportResult result = timed(report.id(), () -> services.reports().run(report, parameters,
                ReportParametersParser.effectiveScope(viewer.user().scope(), parameters)));
        ReportView view = ReportView.of(parameters, viewer.user(), (table, row) ->
                RemediationRowActions.links(viewer, report.id(), table.columns(), row, parameters, null, null));
        Map<String, Object> body = new HashMap<>();
        body.put("report", report);
        body.put("form", form(report, parameters, viewer.user().scope()));
        body.put("exports", exportLinks());
        body.put("query", parameters.queryString());
        body.put("csrf", viewer.session().csrfToken());
        body.put("result", result);
        body.put("view", view);
        Layout.stream(ctx, frame(viewer, report.title(), result), "reports/report.jte", body);
    }

    private void computer(Context ctx) {
        Viewer viewer = AccessControl.require(ctx, Permission.VIEW_DRILL_DOWNS);
        String id = Params.pathId(ctx, "computer");
        ReportParameters parameters = parser.parse(ctx, EnumSet.noneOf(ReportParameter.class), viewer.user().scope());
        ReportResult result = timed("computer", () -> services.reports().computer(id, parameters, viewer.user().scope()))
                .orElseThrow(() -> WebException.notFound("computer '" + id + "' not found in your scope"));
        ReportView view = ReportView.of(parameters, viewer.user(), (table, row) ->
                RemediationRowActions.links(viewer, "computer", table.columns(), row, parameters, id, null));
        Layout.stream(ctx, frame(viewer, result.title(), result), "reports/result.jte", Map.of("result", result, "view", view));
    }

    /** Report 13's drill-down: the computer's KBs where Windows Update and Patchlake differ, and where they agree. */
    private void detectionAgreement(Context ctx) {
        Viewer viewer = AccessControl.viewer(ctx);
        Report report = allowed(viewer, Report.DETECTION_AGREEMENT);
        String id = Params.pathId(ctx, "computer");
        ReportParameters parameters = parser.parse(ctx, EnumSet.noneOf(ReportParameter.class), viewer.user().scope());
        ReportResult result = timed("detection-agreement-computer", () -> services.reports().detectionAgreement(id, parameters,
                viewer.user().scope())).orElseThrow(() -> WebException.notFound("computer '" + id + "' not found in your scope"));
        ReportView view = ReportView.of(parameters, viewer.user(), ReportView.RowActions.NONE);
        Layout.stream(ctx, frame(viewer, result.title(), result), "reports/detectionAgreement.jte",
                Map.of("report", report, "computerId", id, "result", result, "view", view));
    }

    private void bulletin(Context ctx) {
        Viewer viewer = AccessControl.require(ctx, Permission.VIEW_DRILL_DOWNS);
        String id = Params.pathId(ctx, "bulletin");
        ReportParameters parameters = parser.parse(ctx, EnumSet.of(ReportParameter.REGION, ReportParameter.SITE,
                ReportParameter.STATE, ReportParameter.LIMIT), viewer.user().scope());
        ReportResult result = timed("bulletin", () -> services.reports().bulletin(id, parameters,
                        ReportParametersParser.effectiveScope(viewer.user().scope(), parameters)))
                .orElseThrow(() -> WebException.notFound("bulletin '" + id + "' not found"));
        List<StateLink> states = ReportParameters.STATES.stream().map(state -> new StateLink(state.replace('_', ' '),
                parameters.withState(state).queryString(), state.equals(parameters.state()))).toList();
        ReportView view = ReportView.of(parameters, viewer.user(), (table, row) ->
                RemediationRowActions.links(viewer, "bulletin", table.columns(), row, parameters, null, id));
        Map<String, Object> body = new HashMap<>();
        body.put("bulletinId", id);
        body.put("remediate", RemediationRowActions.bulletinLink(viewer, id, parameters));
        body.put("states", states);
        body.put("result", result);
        body.put("view", view);
        Layout.stream(ctx, frame(viewer, result.title(), result), "reports/bulletin.jte", body);
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
        ExportService.Export export = timed(report.id() + "." + format.extension(), () -> services.exports().export(report, parameters,
                ReportParametersParser.effectiveScope(viewer.user().scope(), parameters), format));
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

    /** Computes a report, a drill-down or an export, recording how long it took under {@code what}. */
    private <T> T timed(String what, Supplier<T> computation) {
        long started = System.nanoTime();
        T result = computation.get();
        services.metrics().observe("patchlake_report_duration_seconds", "Time to compute a report or drill-down page",
                (System.nanoTime() - started) / 1e9, "report", what);
        return result;
    }

    /** A bulletin page's link to the same page showing the computers in another state. */
    public record StateLink(String label, String query, boolean current) {
    }

    /** The report's parameter form: a list to choose from per narrowing parameter, the dates, then days and rows. */
    public record ParameterForm(List<Choice> choices, List<DateField> dates, String days, int limit) {
        public int maxLimit() {
            return ReportParameters.MAX_LIMIT;
        }
    }

    /** @param selected the option chosen, null for all */
    public record Choice(String name, String label, List<String> options, String selected) {
    }

    /** @param value the date chosen, "" for none */
    public record DateField(String name, String label, String value) {
    }

    /** A format offered for download: a button when the server exports it, else its name greyed out. */
    public record ExportLink(String extension, String name, boolean available) {
    }

    private static PageFrame frame(Viewer viewer, String title, ReportResult result) {
        return Layout.frame(viewer, title, Optional.of(result.snapshot()), true);
    }

    private ParameterForm form(Report report, ReportParameters parameters, Scope scope) {
        List<Choice> choices = new ArrayList<>();
        if (report.parameters().contains(ReportParameter.REGION)) {
            choices.add(new Choice("region", "Region", services.reports().regions(scope), parameters.region()));
        }
        if (report.parameters().contains(ReportParameter.SITE)) {
            choices.add(new Choice("site", "Site", services.reports().sites(scope), parameters.site()));
        }
        if (report.parameters().contains(ReportParameter.SEVERITY)) {
            choices.add(new Choice("severity", "Severity", ReportParameters.SEVERITIES, parameters.severity()));
        }
        if (report.parameters().contains(ReportParameter.COMPUTER_CLASS)) {
            choices.add(new Choice("computerClass", "Computer class", ReportParameters.COMPUTER_CLASSES, parameters.computerClass()));
        }
        List<DateField> dates = new ArrayList<>();
        for (ReportParameter date : List.of(ReportParameter.FROM, ReportParameter.TO, ReportParameter.AS_OF)) {
            if (report.parameters().contains(date)) {
                Object value = switch (date) {
                    case FROM -> parameters.from();
                    case TO -> parameters.to();
                    default -> parameters.asOf();
                };
                dates.add(new DateField(date.key(), date == ReportParameter.AS_OF ? "As of" : date == ReportParameter.FROM ? "From" : "To",
                        value == null ? "" : value.toString()));
            }
        }
        String days = !report.parameters().contains(ReportParameter.DAYS) ? null
                : parameters.days() == null ? "" : parameters.days().toString();
        return new ParameterForm(choices, dates, days, parameters.limit());
    }

    /** One small form per format: an export runs as a job (POST with the CSRF token), then the job page offers the file. */
    private List<ExportLink> exportLinks() {
        return Stream.of(ExportService.Format.PDF, ExportService.Format.XLSX, ExportService.Format.CSV)
                .map(format -> new ExportLink(format.extension(), format.name(), services.exports().formats().contains(format))).toList();
    }

    static ZoneId zone(Viewer viewer) {
        return viewer.user().timeZone();
    }
}
