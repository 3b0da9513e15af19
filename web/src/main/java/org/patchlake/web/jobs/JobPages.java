package org.patchlake.web.jobs;

import io.javalin.Javalin;
import io.javalin.http.Context;
import org.patchlake.web.WebServices;
import org.patchlake.web.auth.AuthService.Viewer;
import org.patchlake.web.auth.Permission;
import org.patchlake.web.http.AccessControl;
import org.patchlake.web.http.Params;
import org.patchlake.web.http.WebException;
import org.patchlake.web.pages.Html;
import org.patchlake.web.pages.Layout;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.Optional;

import static org.patchlake.web.pages.Html.h;

/**
 * Jobs: start an ETL run, watch a job's progress (the job page refreshes itself while the job runs), download what
 * an export job produced. Users who may run jobs see every job; everyone else sees only the jobs they started (their
 * exports). Only the user who started an export may download it (it holds data of their scope).
 */
public final class JobPages {
    private final WebServices services;

    public JobPages(WebServices services) {
        this.services = services;
    }

    public void register(Javalin app) {
        app.get("/jobs", this::list);
        app.post("/jobs/etl", this::startEtl);
        app.get("/jobs/{id}", this::show);
        app.get("/jobs/{id}/download", this::download);
    }

    /** The job, if the viewer may see it (they may run jobs, or started it); otherwise not found. */
    public static Job visible(WebServices services, Viewer viewer, String id) {
        return services.jobs().find(id)
                .filter(job -> viewer.user().can(Permission.RUN_JOBS) || job.startedBy().equals(viewer.user().name()))
                .orElseThrow(() -> WebException.notFound("no job " + id));
    }

    private void list(Context ctx) {
        Viewer viewer = AccessControl.viewer(ctx);
        boolean all = viewer.user().can(Permission.RUN_JOBS);
        StringBuilder body = new StringBuilder();
        if (!all) {
            body.append("<p class=\"muted\">Your exports of the last day.</p>");
        } else if (services.etl().available()) {
            body.append("<form method=\"post\" action=\"/jobs/etl\" class=\"inline\">").append(Layout.csrfField(viewer))
                    .append("<button type=\"submit\" id=\"start-etl\">Run ETL now</button></form>");
        } else {
            body.append("<p class=\"warning\">ETL cannot be started from this server (no ETL command configured).</p>");
        }
        if (all) {
            UploadBacklog backlog = services.etl().backlog();
            body.append("<p id=\"etl-backlog\">").append(backlog.oldestUnprocessedAge()
                    .map(age -> "Oldest agent upload not yet in a finished ETL run: acknowledged " + age.toSeconds() + " s ago"
                            + (backlog.waiting() ? " (uploads wait for the next run)" : " (in the running ETL)") + ".")
                    .orElse("Every acknowledged agent upload is in a finished ETL run.")).append("</p>");
        }
        body.append("<table class=\"report\" id=\"jobs\"><thead><tr><th>Job</th><th>Kind</th><th>By</th><th>State</th><th>Progress</th>"
                + "<th>Queued</th><th>Ended</th></tr></thead><tbody>");
        for (Job job : services.jobs().recent()) {
            if (!all && !job.startedBy().equals(viewer.user().name())) {
                continue;
            }
            Job.View view = job.view();
            body.append("<tr><td><a href=\"/jobs/").append(h(view.id())).append("\">").append(h(view.id().substring(0, 8)))
                    .append("</a></td><td>").append(h(view.kind())).append("</td><td>").append(h(view.startedBy())).append("</td><td>")
                    .append(view.state()).append("</td><td>").append(view.percent() == null ? "" : view.percent() + " % ")
                    .append(h(view.progress())).append("</td><td>").append(h(Html.time(view.queuedAt(), viewer.user().timeZone())))
                    .append("</td><td>").append(h(Html.time(view.endedAt(), viewer.user().timeZone()))).append("</td></tr>");
        }
        body.append("</tbody></table>");
        ctx.html(Layout.page(viewer, "Jobs", Optional.empty(), false, body.toString()));
    }

    private void startEtl(Context ctx) {
        Viewer viewer = AccessControl.require(ctx, Permission.RUN_JOBS);
        Optional<Job> job = services.etl().start(viewer.user().name());
        if (job.isEmpty()) {
            throw WebException.conflict("an ETL run is already queued or running");
        }
        services.audit().record(viewer.user().name(), "etl_started", "job:" + job.get().id(), null, null, ctx.ip());
        ctx.redirect("/jobs/" + job.get().id());
    }

    private void show(Context ctx) {
        Viewer viewer = AccessControl.viewer(ctx);
        String id = Params.pathId(ctx, "id");
        Job job = visible(services, viewer, id);
        Job.View view = job.view();
        String download = job.result().filter(r -> job.startedBy().equals(viewer.user().name()))
                .map(r -> "<p><a class=\"download\" id=\"download\" href=\"/jobs/" + h(id) + "/download\">Download " + h(r.fileName())
                        + "</a> <span class=\"muted\">(" + Html.number(r.bytes()) + " bytes)</span></p>")
                .orElse("");
        String body = "<dl class=\"facts\" id=\"job\" data-finished=\"" + (view.endedAt() != null) + "\"><dt>Kind</dt><dd>" + h(view.kind())
                + "</dd><dt>State</dt><dd id=\"job-state\">" + view.state() + "</dd><dt>Progress</dt><dd>"
                + (view.percent() == null ? "" : "<progress max=\"100\" value=\"" + view.percent() + "\"></progress> " + view.percent() + " % ")
                + h(view.progress()) + "</dd><dt>Started by</dt><dd>" + h(view.startedBy()) + "</dd><dt>Started</dt><dd>"
                + h(Html.time(view.startedAt(), viewer.user().timeZone())) + "</dd><dt>Ended</dt><dd>"
                + h(Html.time(view.endedAt(), viewer.user().timeZone())) + "</dd></dl>" + download
                + (view.outputTail().isEmpty() ? "" : "<h2>Output (last lines)</h2><pre class=\"output\">"
                + h(String.join("\n", view.outputTail())) + "</pre>");
        ctx.html(Layout.page(viewer, view.description(), Optional.empty(), false, body));
    }

    private void download(Context ctx) {
        Viewer viewer = AccessControl.viewer(ctx);
        String id = Params.pathId(ctx, "id");
        Job job = services.jobs().find(id).filter(j -> j.startedBy().equals(viewer.user().name()))
                .orElseThrow(() -> WebException.notFound("no job " + id + " of yours"));
        Job.Result result = job.result().filter(r -> Files.exists(r.file()))
                .orElseThrow(() -> WebException.notFound("job " + id + " has no file to download (not finished, failed, or expired)"));
        ctx.contentType(result.contentType());
        ctx.header("Content-Disposition", "attachment; filename=\"" + result.fileName().replaceAll("[^A-Za-z0-9._-]", "_") + "\"");
        if (result.contentType().startsWith("text/")) {
            // CSV and HTML shrink a lot: sent gzip-compressed when the client accepts it, so the length is not known ahead
            ctx.minSizeForCompression(0);
        } else {
            // PDF and XLSX are compressed already: sent as they are, with their length (a declared length of the file
            // over a compressed body cut the download short)
            ctx.disableCompression();
            ctx.header("Content-Length", Long.toString(result.bytes()));
        }
        try {
            ctx.result(Files.newInputStream(result.file()));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read export " + result.file(), e);
        }
    }
}
