package org.patchlake.web.schedule;

import io.javalin.Javalin;
import io.javalin.http.Context;
import org.patchlake.web.auth.AuthService.Viewer;
import org.patchlake.web.auth.Permission;
import org.patchlake.web.auth.User;
import org.patchlake.web.http.AccessControl;
import org.patchlake.web.http.BadParameterException;
import org.patchlake.web.pages.Html;
import org.patchlake.web.pages.Layout;
import org.patchlake.web.report.ExportService;
import org.patchlake.web.report.Report;

import java.time.ZoneId;
import java.util.List;
import java.util.Optional;

import static org.patchlake.web.pages.Html.h;

/** {@code /schedules}: the list with each schedule's state, a schedule's page with its delivery log, and the forms. */
public final class SchedulePages {
    private final ScheduleService schedules;

    public SchedulePages(ScheduleService schedules) {
        this.schedules = schedules;
    }

    public void register(Javalin app) {
        app.get("/schedules", this::list);
        app.post("/schedules", this::create);
        app.get("/schedules/{id}", this::show);
        app.post("/schedules/{id}", this::update);
        app.post("/schedules/{id}/send", this::sendNow);
        app.post("/schedules/{id}/delete", this::delete);
    }

    private void list(Context ctx) {
        Viewer viewer = AccessControl.require(ctx, Permission.MANAGE_SCHEDULES);
        ZoneId zone = viewer.user().timeZone();
        StringBuilder body = new StringBuilder(notice(ctx)).append(mailNotice());
        body.append("<table class=\"report\" id=\"schedules\"><thead><tr><th>Id</th><th>Report</th><th>Format</th><th>Recipients</th>"
                + "<th>When</th><th>Next run</th><th>Last sent</th><th>Status</th><th>Owner</th></tr></thead><tbody>");
        for (Schedule schedule : schedules.visible(viewer.user())) {
            ScheduleDefinition d = schedule.definition();
            body.append("<tr id=\"schedule-").append(schedule.id()).append("\"").append(schedules.failing(schedule) ? " class=\"failing\"" : "")
                    .append("><td><a href=\"/schedules/").append(schedule.id()).append("\">").append(schedule.id()).append("</a></td><td>")
                    .append(h(d.report().title())).append(d.parameters().isEmpty() ? "" : "<br><span class=\"muted\">" + h(d.parametersText()) + "</span>")
                    .append("</td><td>").append(d.format().name()).append("</td><td>").append(h(String.join(", ", d.recipients())))
                    .append("</td><td><code>").append(h(d.cron())).append("</code> ").append(h(d.timeZone().getId())).append("</td><td>")
                    .append(d.enabled() ? h(Html.time(schedule.nextRunAt(), zone)) : "paused").append("</td><td>")
                    .append(h(Html.time(schedule.lastRunAt(), zone))).append("</td><td>").append(status(schedule, zone)).append("</td><td>")
                    .append(h(schedule.ownerName())).append("</td></tr>");
        }
        body.append("</tbody></table><h2>New schedule</h2>")
                .append(form(viewer, "/schedules", null, viewer.user(), "Create schedule"));
        ctx.html(Layout.page(viewer, "Scheduled reports", Optional.empty(), false, body.toString()));
    }

    private String status(Schedule schedule, ZoneId zone) {
        StringBuilder html = new StringBuilder();
        if (schedules.failing(schedule)) {
            html.append("<strong class=\"status-failing\">failing: ").append(schedule.consecutiveFailures())
                    .append(" attempts in a row since ").append(h(Html.time(schedule.failingSince(), zone))).append("</strong><br>");
        }
        if (schedule.sendRequestedAt() != null) {
            html.append("<span class=\"muted\">send requested ").append(h(Html.time(schedule.sendRequestedAt(), zone))).append("</span><br>");
        }
        if (schedule.retryAt() != null) {
            html.append("<span class=\"status-retrying\">retry at ").append(h(Html.time(schedule.retryAt(), zone))).append("</span><br>");
        }
        html.append("<span class=\"last-status\">").append(h(schedule.lastStatus() == null ? "not sent yet" : schedule.lastStatus())).append("</span>");
        return html.toString();
    }

    private void show(Context ctx) {
        Viewer viewer = AccessControl.require(ctx, Permission.MANAGE_SCHEDULES);
        Schedule schedule = schedules.find(viewer.user(), id(ctx));
        ZoneId zone = viewer.user().timeZone();
        ScheduleDefinition d = schedule.definition();
        StringBuilder body = new StringBuilder(notice(ctx)).append(mailNotice()).append("<dl class=\"facts\" id=\"schedule\">")
                .append(fact("Report", d.report().title() + " (" + d.format().name() + ")"))
                .append(fact("Parameters", d.parameters().isEmpty() ? "none" : d.parametersText()))
                .append(fact("Owner (reports use their scope)", schedule.ownerName()))
                .append(fact("Recipients", String.join(", ", d.recipients())))
                .append(fact("When", d.cron() + " in " + d.timeZone().getId() + (d.enabled() ? "" : " (paused)")))
                .append(fact("Next run", d.enabled() ? Html.time(schedule.nextRunAt(), zone) : "paused"))
                .append(fact("Last sent", Html.time(schedule.lastRunAt(), zone)))
                .append("<dt>Status</dt><dd id=\"status\">").append(status(schedule, zone)).append("</dd>")
                .append(fact("Changed", (schedule.updatedBy() == null ? "" : schedule.updatedBy() + ", ") + Html.time(schedule.updatedAt(), zone)))
                .append("</dl><p><form method=\"post\" action=\"/schedules/").append(schedule.id()).append("/send\" class=\"inline\" data-confirm=\"")
                .append(h("Send " + d.report().title() + " to " + d.recipients().size() + " recipient(s) now?")).append("\">")
                .append(Layout.csrfField(viewer)).append("<button type=\"submit\" id=\"send-now\">Send now</button></form> ")
                .append("<form method=\"post\" action=\"/schedules/").append(schedule.id()).append("/delete\" class=\"inline\" data-confirm=\"")
                .append(h("Delete schedule " + schedule.id() + " (" + d.subject() + ")? Its delivery log goes with it.")).append("\">")
                .append(Layout.csrfField(viewer)).append("<button type=\"submit\" id=\"delete\" class=\"danger\">Delete</button></form></p>")
                .append("<h2>Deliveries</h2><table class=\"report\" id=\"deliveries\"><thead><tr><th>Started</th><th>Trigger</th>"
                        + "<th class=\"num\">Attempt</th><th>Outcome</th><th>Recipients</th><th class=\"num\">Size</th><th>Snapshot</th>"
                        + "<th>SMTP answer or error</th></tr></thead><tbody>");
        for (Delivery delivery : schedules.deliveries(schedule.id(), 100)) {
            body.append("<tr class=\"outcome-").append(delivery.outcome().name().toLowerCase()).append("\"><td>")
                    .append(h(Html.time(delivery.startedAt(), zone))).append("</td><td>").append(delivery.trigger().name().toLowerCase().replace('_', '-'))
                    .append("</td><td class=\"num\">").append(delivery.attempt()).append("</td><td>").append(delivery.outcome().name().toLowerCase())
                    .append("</td><td>").append(h(String.join(", ", delivery.recipients()))).append("</td><td class=\"num\">")
                    .append(delivery.sizeBytes() == null ? "–" : Html.number(delivery.sizeBytes())).append("</td><td>")
                    .append(h(delivery.snapshotId() == null ? "–" : delivery.snapshotId() + " (data as of " + Html.time(delivery.dataAsOf(), zone) + ")"))
                    .append("</td><td>").append(h(delivery.outcome() == Delivery.Outcome.SENT ? delivery.smtpResponse() : delivery.error()))
                    .append("</td></tr>");
        }
        body.append("</tbody></table><h2>Change</h2>").append(form(viewer, "/schedules/" + schedule.id(), schedule, viewer.user(), "Save"));
        ctx.html(Layout.page(viewer, "Schedule " + schedule.id() + ": " + d.subject(), Optional.empty(), false, body.toString()));
    }

    private void create(Context ctx) {
        Viewer viewer = AccessControl.require(ctx, Permission.MANAGE_SCHEDULES);
        Schedule created = schedules.create(viewer, ctx::formParam, ctx.ip());
        ctx.redirect("/schedules/" + created.id() + "?done=" + Html.url("created schedule " + created.id()));
    }

    private void update(Context ctx) {
        Viewer viewer = AccessControl.require(ctx, Permission.MANAGE_SCHEDULES);
        Schedule updated = schedules.update(viewer, id(ctx), ctx::formParam, ctx.ip());
        ctx.redirect("/schedules/" + updated.id() + "?done=" + Html.url("saved schedule " + updated.id()));
    }

    private void sendNow(Context ctx) {
        Viewer viewer = AccessControl.require(ctx, Permission.MANAGE_SCHEDULES);
        Schedule schedule = schedules.sendNow(viewer, id(ctx), ctx.ip());
        ctx.redirect("/schedules/" + schedule.id() + "?done=" + Html.url("sending schedule " + schedule.id()
                + " now; the delivery appears below"));
    }

    private void delete(Context ctx) {
        Viewer viewer = AccessControl.require(ctx, Permission.MANAGE_SCHEDULES);
        Schedule deleted = schedules.delete(viewer, id(ctx), ctx.ip());
        ctx.redirect("/schedules?done=" + Html.url("deleted schedule " + deleted.id()));
    }

    static long id(Context ctx) {
        String value = ctx.pathParam("id");
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException e) {
            throw new BadParameterException("id", "schedule id is not a number: '" + (value.length() > 30 ? value.substring(0, 30) : value) + "'");
        }
    }

    private String mailNotice() {
        return schedules.mail().configured() ? ""
                : "<p class=\"warning\" id=\"mail-not-configured\">Mail is not configured: schedules are kept, but every run fails "
                + "until the server is started with <code>--smtp-host</code>.</p>";
    }

    private static String notice(Context ctx) {
        String done = ctx.queryParam("done");
        return done == null ? "" : "<p class=\"notice\" id=\"notice\">" + h(done.length() > 200 ? done.substring(0, 200) : done) + "</p>";
    }

    private static String fact(String label, String value) {
        return "<dt>" + h(label) + "</dt><dd>" + h(value) + "</dd>";
    }

    private String form(Viewer viewer, String action, Schedule schedule, User owner, String button) {
        ScheduleDefinition d = schedule == null ? null : schedule.definition();
        StringBuilder html = new StringBuilder("<form method=\"post\" action=\"").append(action).append("\" class=\"admin\" id=\"schedule-form\">")
                .append(Layout.csrfField(viewer)).append("<label>Report <select name=\"report\">");
        for (Report report : Report.values()) {
            if (owner.can(report.permission())) {
                html.append("<option value=\"").append(report.id()).append('"')
                        .append(d != null && d.report() == report || d == null && report == Report.EXECUTIVE_SUMMARY ? " selected" : "")
                        .append('>').append(h(report.title())).append("</option>");
            }
        }
        html.append("</select></label>")
                .append(field("Parameters (e.g. region=EU&amp;severity=Critical; inside the owner's scope)", "parameters",
                        d == null ? "" : d.parametersText()))
                .append("<label>Format <select name=\"format\">");
        for (ExportService.Format format : ScheduleInput.FORMATS) {
            html.append("<option value=\"").append(format.extension()).append('"')
                    .append(d != null && d.format() == format ? " selected" : "").append('>').append(format.name()).append("</option>");
        }
        html.append("</select></label>")
                .append("<label>Recipients (comma-separated addresses) <textarea name=\"recipients\" rows=\"2\">")
                .append(h(d == null ? "" : String.join(", ", d.recipients()))).append("</textarea></label>")
                .append(field("When: cron minute hour day-of-month month day-of-week (e.g. 0 7 * * MON)", "cron", d == null ? "0 7 * * MON" : d.cron()))
                .append(field("Time zone", "timeZone", d == null ? owner.timeZone().getId() : d.timeZone().getId()))
                .append(field("Subject", "subject", d == null ? "" : d.subject()))
                .append("<label>Message <textarea name=\"message\" rows=\"4\">").append(h(d == null ? "" : d.message())).append("</textarea></label>")
                .append("<label>State <select name=\"enabled\"><option value=\"true\">active</option><option value=\"false\"")
                .append(d != null && !d.enabled() ? " selected" : "").append(">paused</option></select></label>")
                .append("<button type=\"submit\">").append(h(button)).append("</button></form>");
        return html.toString();
    }

    private static String field(String label, String name, String value) {
        return "<label>" + label + " <input name=\"" + name + "\" type=\"text\" value=\"" + h(value) + "\"></label>";
    }
}
