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

import java.util.Optional;

import static org.patchlake.web.pages.Html.h;

/** Jobs page: start an ETL run, watch progress (the job page refreshes itself while the job runs). */
public final class JobPages {
    private final WebServices services;

    public JobPages(WebServices services) {
        this.services = services;
    }

    public void register(Javalin app) {
        app.get("/jobs", this::list);
        app.post("/jobs/etl", this::startEtl);
        app.get("/jobs/{id}", this::show);
    }

    private void list(Context ctx) {
        Viewer viewer = AccessControl.require(ctx, Permission.RUN_JOBS);
        StringBuilder body = new StringBuilder();
        if (services.etl().available()) {
            body.append("<form method=\"post\" action=\"/jobs/etl\" class=\"inline\">").append(Layout.csrfField(viewer))
                    .append("<button type=\"submit\" id=\"start-etl\">Run ETL now</button></form>");
        } else {
            body.append("<p class=\"warning\">ETL cannot be started from this server (no ETL command configured).</p>");
        }
        body.append("<table class=\"report\" id=\"jobs\"><thead><tr><th>Job</th><th>Kind</th><th>By</th><th>State</th><th>Progress</th>"
                + "<th>Queued</th><th>Ended</th></tr></thead><tbody>");
        for (Job job : services.jobs().recent()) {
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
        Viewer viewer = AccessControl.require(ctx, Permission.RUN_JOBS);
        String id = Params.pathId(ctx, "id");
        Job.View view = services.jobs().find(id).map(Job::view).orElseThrow(() -> WebException.notFound("no job " + id));
        String body = "<dl class=\"facts\" id=\"job\" data-finished=\"" + (view.endedAt() != null) + "\"><dt>Kind</dt><dd>" + h(view.kind())
                + "</dd><dt>State</dt><dd id=\"job-state\">" + view.state() + "</dd><dt>Progress</dt><dd>"
                + (view.percent() == null ? "" : "<progress max=\"100\" value=\"" + view.percent() + "\"></progress> " + view.percent() + " % ")
                + h(view.progress()) + "</dd><dt>Started by</dt><dd>" + h(view.startedBy()) + "</dd><dt>Started</dt><dd>"
                + h(Html.time(view.startedAt(), viewer.user().timeZone())) + "</dd><dt>Ended</dt><dd>"
                + h(Html.time(view.endedAt(), viewer.user().timeZone())) + "</dd></dl><h2>Output (last lines)</h2><pre class=\"output\">"
                + h(String.join("\n", view.outputTail())) + "</pre>";
        ctx.html(Layout.page(viewer, view.description(), Optional.empty(), false, body));
    }
}
