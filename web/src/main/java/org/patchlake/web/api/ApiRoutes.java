package org.patchlake.web.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.Javalin;
import io.javalin.http.Context;
import org.patchlake.web.WebServices;
import org.patchlake.web.compliance.CompliancePages;
import org.patchlake.web.auth.AuthService.Viewer;
import org.patchlake.web.auth.Permission;
import org.patchlake.web.auth.Role;
import org.patchlake.web.http.AccessControl;
import org.patchlake.web.http.BadParameterException;
import org.patchlake.web.http.Params;
import org.patchlake.web.http.WebException;
import org.patchlake.web.jobs.ExportJobs;
import org.patchlake.web.jobs.Job;
import org.patchlake.web.report.ReportPages;
import org.patchlake.web.report.ExportService;
import org.patchlake.web.report.Report;
import org.patchlake.web.report.ReportParameter;
import org.patchlake.web.report.ReportParameters;
import org.patchlake.web.report.ReportParametersParser;
import org.patchlake.web.report.ReportResult;
import org.patchlake.web.compliance.ComplianceException;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code /api/v1}: the reports as JSON with the same scoping as the pages, plus the few actions scripts need.
 * Cookie-authenticated like the pages; state-changing calls need the {@code X-CSRF-Token} header
 * ({@code GET /api/v1/me} returns it). Described by {@code /api/v1/openapi.json}.
 */
public final class ApiRoutes {
    private final WebServices services;
    private final ReportParametersParser parser;
    private final byte[] openApi;
    private final ExportJobs exportJobs;

    public ApiRoutes(WebServices services, ExportJobs exportJobs) {
        this.services = services;
        this.exportJobs = exportJobs;
        this.parser = new ReportParametersParser(services.reports());
        try (InputStream in = ApiRoutes.class.getResourceAsStream("openapi.json")) {
            this.openApi = in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read openapi.json", e);
        }
    }

    public void register(Javalin app) {
        app.get("/api/v1/openapi.json", ctx -> ctx.contentType("application/json").result(openApi));
        app.get("/api/v1/me", this::me);
        app.get("/api/v1/snapshot", this::snapshot);
        app.get("/api/v1/dashboard", this::dashboard);
        app.get("/api/v1/reports", this::reports);
        app.get("/api/v1/reports/{report}", this::report);
        app.post("/api/v1/reports/{report}/exports", this::startExport);
        app.get("/api/v1/reports/detection-agreement/computers/{computer}", this::detectionAgreement);
        app.get("/api/v1/computers/{computer}", this::computer);
        app.get("/api/v1/bulletins/{bulletin}", this::bulletin);
        app.post("/api/v1/exceptions", this::grantException);
        app.post("/api/v1/exceptions/{id}/revoke", this::revokeException);
        app.get("/api/v1/jobs", this::jobs);
        app.post("/api/v1/jobs/etl", this::startEtl);
        app.get("/api/v1/jobs/{id}", this::job);
    }

    private void me(Context ctx) {
        Viewer viewer = AccessControl.viewer(ctx);
        Map<String, Object> me = new LinkedHashMap<>();
        me.put("name", viewer.user().name());
        me.put("displayName", viewer.user().displayName());
        me.put("roles", viewer.user().roles().stream().map(Role::key).sorted().toList());
        me.put("scope", Map.of("allRegions", viewer.user().scope().allRegions(), "regions", viewer.user().scope().regions(),
                "sites", viewer.user().scope().sites()));
        me.put("timeZone", viewer.user().timeZone().getId());
        me.put("csrfToken", viewer.session().csrfToken());
        ctx.json(me);
    }

    private void snapshot(Context ctx) {
        AccessControl.viewer(ctx);
        ctx.json(services.reports().snapshot().map(ApiJson::snapshot).orElseThrow(
                () -> new WebException(503, "no_snapshot", "no warehouse snapshot has been published yet")));
    }

    private void dashboard(Context ctx) {
        Viewer viewer = AccessControl.require(ctx, Permission.VIEW_DASHBOARD);
        ctx.json(services.reports().dashboard(viewer.user().scope()).map(ApiJson::dashboard).orElseThrow(
                () -> new WebException(503, "no_snapshot", "no warehouse snapshot has been published yet")));
    }

    private void reports(Context ctx) {
        Viewer viewer = AccessControl.viewer(ctx);
        List<Map<String, Object>> list = new ArrayList<>();
        for (Report report : Report.values()) {
            if (viewer.user().can(report.permission())) {
                list.add(Map.of("id", report.id(), "title", report.title(), "description", report.description(),
                        "parameters", report.parameters().stream().map(ReportParameter::key).sorted().toList()));
            }
        }
        ctx.json(list);
    }

    private void report(Context ctx) {
        Viewer viewer = AccessControl.viewer(ctx);
        Report report = ReportPages.report(ctx, viewer);
        ReportParameters parameters = parser.parse(ctx, report.parameters(), viewer.user().scope());
        long started = System.nanoTime();
        var scope = ReportParametersParser.effectiveScope(viewer.user().scope(), parameters);
        ReportResult result = services.reports().run(report, parameters, scope);
        services.metrics().observe("patchlake_report_duration_seconds", "Time to compute a report or drill-down page",
                (System.nanoTime() - started) / 1e9, "report", "api." + report.id());
        ctx.json(ApiJson.result(result, parameters.asMap(), scope.describe()));
    }

    /**
     * Starts an export of a report as a job, in the viewer's scope narrowed by the same parameters as
     * {@code GET /api/v1/reports/{report}}: 202 with the job (its {@code url} to poll, then its {@code download}).
     */
    private void startExport(Context ctx) {
        Viewer viewer = AccessControl.viewer(ctx);
        Report report = ReportPages.report(ctx, viewer);
        ExportService.Format format = ReportPages.format(ctx, services);
        ReportParameters parameters = parser.parse(ctx, report.parameters(), viewer.user().scope());
        Job job = exportJobs.start(viewer.user().name(), report, parameters,
                ReportParametersParser.effectiveScope(viewer.user().scope(), parameters), format);
        Job.View view = job.view();
        ctx.status(202).header("Location", view.url()).json(view);
    }

    private void computer(Context ctx) {
        Viewer viewer = AccessControl.require(ctx, Permission.VIEW_DRILL_DOWNS);
        String id = Params.pathId(ctx, "computer");
        ReportParameters parameters = parser.parse(ctx, EnumSet.noneOf(ReportParameter.class), viewer.user().scope());
        ReportResult result = services.reports().computer(id, parameters, viewer.user().scope())
                .orElseThrow(() -> WebException.notFound("computer '" + id + "' not found in your scope"));
        ctx.json(ApiJson.result(result, parameters.asMap(), viewer.user().scope().describe()));
    }

    private void detectionAgreement(Context ctx) {
        Viewer viewer = AccessControl.require(ctx, Report.DETECTION_AGREEMENT.permission());
        String id = Params.pathId(ctx, "computer");
        ReportParameters parameters = parser.parse(ctx, EnumSet.noneOf(ReportParameter.class), viewer.user().scope());
        ReportResult result = services.reports().detectionAgreement(id, parameters, viewer.user().scope())
                .orElseThrow(() -> WebException.notFound("computer '" + id + "' not found in your scope"));
        ctx.json(ApiJson.result(result, parameters.asMap(), viewer.user().scope().describe()));
    }

    private void bulletin(Context ctx) {
        Viewer viewer = AccessControl.require(ctx, Permission.VIEW_DRILL_DOWNS);
        String id = Params.pathId(ctx, "bulletin");
        ReportParameters parameters = parser.parse(ctx, EnumSet.of(ReportParameter.REGION, ReportParameter.SITE,
                ReportParameter.STATE, ReportParameter.LIMIT), viewer.user().scope());
        var scope = ReportParametersParser.effectiveScope(viewer.user().scope(), parameters);
        ReportResult result = services.reports().bulletin(id, parameters, scope)
                .orElseThrow(() -> WebException.notFound("bulletin '" + id + "' not found"));
        ctx.json(ApiJson.result(result, parameters.asMap(), scope.describe()));
    }

    private void grantException(Context ctx) {
        Viewer viewer = AccessControl.require(ctx, Permission.MANAGE_EXCEPTIONS);
        JsonNode body = jsonBody(ctx);
        ComplianceException granted = CompliancePages.grant(services, viewer,
                name -> body.hasNonNull(name) ? body.get(name).asText() : null, ctx.ip());
        ctx.status(201).json(granted);
    }

    private void revokeException(Context ctx) {
        Viewer viewer = AccessControl.require(ctx, Permission.MANAGE_EXCEPTIONS);
        long id;
        try {
            id = Long.parseLong(ctx.pathParam("id"));
        } catch (NumberFormatException e) {
            throw new BadParameterException("id", "id is not a number: '" + Params.abbreviate(ctx.pathParam("id")) + "'");
        }
        ctx.json(CompliancePages.revoke(services, viewer, id, ctx.ip()));
    }

    private JsonNode jsonBody(Context ctx) {
        if (ctx.contentType() == null || !ctx.contentType().startsWith("application/json")) {
            throw new BadParameterException("body", "send the request body as application/json");
        }
        try {
            JsonNode node = services.json().readTree(ctx.body());
            if (node == null || !node.isObject()) {
                throw new BadParameterException("body", "the request body must be a JSON object");
            }
            return node;
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new BadParameterException("body", "the request body is not valid JSON: " + e.getOriginalMessage());
        }
    }

    private void jobs(Context ctx) {
        AccessControl.require(ctx, Permission.RUN_JOBS);
        ctx.json(services.jobs().recent().stream().map(Job::view).toList());
    }

    private void job(Context ctx) {
        Viewer viewer = AccessControl.viewer(ctx);
        ctx.json(org.patchlake.web.jobs.JobPages.visible(services, viewer, Params.pathId(ctx, "id")).view());
    }

    private void startEtl(Context ctx) {
        Viewer viewer = AccessControl.require(ctx, Permission.RUN_JOBS);
        Job job = services.etl().start(viewer.user().name())
                .orElseThrow(() -> WebException.conflict("an ETL run is already queued or running"));
        services.audit().record(viewer.user().name(), "etl_started", "job:" + job.id(), null, null, ctx.ip());
        ctx.status(202).json(job.view());
    }
}
