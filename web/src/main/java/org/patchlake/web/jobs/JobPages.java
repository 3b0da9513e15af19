package org.patchlake.web.jobs;

import io.javalin.Javalin;
import io.javalin.http.Context;
import org.patchlake.web.WebServices;
import org.patchlake.web.auth.AuthService.Viewer;
import org.patchlake.web.auth.Permission;
import org.patchlake.web.http.AccessControl;
import org.patchlake.web.http.Params;
import org.patchlake.web.http.WebException;
import org.patchlake.web.layout.Layout;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

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
        String backlog = null;
        if (all) {
            UploadBacklog waiting = services.etl().backlog();
            backlog = waiting.oldestUnprocessedAge()
                    .map(age -> "Oldest agent upload not yet in a finished ETL run: acknowledged " + age.toSeconds() + " s ago"
                            + (waiting.waiting() ? " (uploads wait for the next run)" : " (in the running ETL)") + ".")
                    .orElse("Every acknowledged agent upload is in a finished ETL run.");
        }
        List<Job.View> jobs = services.jobs().recent().stream()
                .filter(job -> all || job.startedBy().equals(viewer.user().name())).map(Job::view).toList();
        Map<String, Object> parameters = new HashMap<>();
        parameters.put("all", all);
        parameters.put("etlAvailable", services.etl().available());
        parameters.put("backlog", backlog);
        parameters.put("jobs", jobs);
        parameters.put("zone", viewer.user().timeZone());
        ctx.html(Layout.render("jobs/list.jte", Layout.frame(viewer, "Jobs", Optional.empty(), false), parameters));
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
        Map<String, Object> parameters = new HashMap<>();
        parameters.put("view", view);
        parameters.put("download", job.result().filter(r -> job.startedBy().equals(viewer.user().name())).orElse(null));
        parameters.put("zone", viewer.user().timeZone());
        ctx.html(Layout.render("jobs/job.jte", Layout.frame(viewer, view.description(), Optional.empty(), false), parameters));
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
