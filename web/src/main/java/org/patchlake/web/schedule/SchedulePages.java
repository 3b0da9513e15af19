package org.patchlake.web.schedule;

import io.javalin.Javalin;
import io.javalin.http.Context;
import org.patchlake.web.auth.AuthService.Viewer;
import org.patchlake.web.auth.Permission;
import org.patchlake.web.auth.User;
import org.patchlake.web.http.AccessControl;
import org.patchlake.web.http.BadParameterException;
import org.patchlake.web.layout.Formats;
import org.patchlake.web.layout.Layout;
import org.patchlake.web.mail.MailPages;
import org.patchlake.web.report.Report;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/** {@code /schedules}: the list with each schedule's state, a schedule's page with its delivery log, and the forms. */
public final class SchedulePages {
    private final ScheduleService schedules;
    private final boolean sentMailPage;

    /** @param sentMailPage whether {@code /mail} exists (link it for viewers who may read it) */
    public SchedulePages(ScheduleService schedules, boolean sentMailPage) {
        this.schedules = schedules;
        this.sentMailPage = sentMailPage;
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
        Map<String, Object> parameters = common(ctx, viewer);
        parameters.put("schedules", schedules.visible(viewer.user()));
        ctx.html(Layout.render("schedule/list.jte", Layout.frame(viewer, "Scheduled reports", Optional.empty(), false), parameters));
    }

    private void show(Context ctx) {
        Viewer viewer = AccessControl.require(ctx, Permission.MANAGE_SCHEDULES);
        Schedule schedule = schedules.find(viewer.user(), id(ctx));
        Map<String, Object> parameters = common(ctx, viewer);
        parameters.put("schedule", schedule);
        parameters.put("deliveries", schedules.deliveries(schedule.id(), 100));
        String title = "Schedule " + schedule.id() + ": " + schedule.definition().subject();
        ctx.html(Layout.render("schedule/schedule.jte", Layout.frame(viewer, title, Optional.empty(), false), parameters));
    }

    /** What the list and a schedule's page both show: the notice, mail state and the form's choices (the viewer is the owner). */
    private Map<String, Object> common(Context ctx, Viewer viewer) {
        User owner = viewer.user();
        Map<String, Object> parameters = new HashMap<>();
        parameters.put("done", ctx.queryParam("done"));
        parameters.put("mailConfigured", schedules.mail().configured());
        parameters.put("flagAfter", schedules.mail().flagAfterFailures());
        parameters.put("reports", Arrays.stream(Report.values()).filter(report -> owner.can(report.permission())).toList());
        parameters.put("formats", ScheduleInput.FORMATS);
        parameters.put("zone", owner.timeZone());
        parameters.put("sentMailLink", sentMailPage && MailPages.mayRead(owner));
        return parameters;
    }

    private void create(Context ctx) {
        Viewer viewer = AccessControl.require(ctx, Permission.MANAGE_SCHEDULES);
        Schedule created = schedules.create(viewer, ctx::formParam, ctx.ip());
        ctx.redirect("/schedules/" + created.id() + "?done=" + Formats.url("created schedule " + created.id()));
    }

    private void update(Context ctx) {
        Viewer viewer = AccessControl.require(ctx, Permission.MANAGE_SCHEDULES);
        Schedule updated = schedules.update(viewer, id(ctx), ctx::formParam, ctx.ip());
        ctx.redirect("/schedules/" + updated.id() + "?done=" + Formats.url("saved schedule " + updated.id()));
    }

    private void sendNow(Context ctx) {
        Viewer viewer = AccessControl.require(ctx, Permission.MANAGE_SCHEDULES);
        Schedule schedule = schedules.sendNow(viewer, id(ctx), ctx.ip());
        ctx.redirect("/schedules/" + schedule.id() + "?done=" + Formats.url("sending schedule " + schedule.id()
                + " now; the delivery appears below"));
    }

    private void delete(Context ctx) {
        Viewer viewer = AccessControl.require(ctx, Permission.MANAGE_SCHEDULES);
        Schedule deleted = schedules.delete(viewer, id(ctx), ctx.ip());
        ctx.redirect("/schedules?done=" + Formats.url("deleted schedule " + deleted.id()));
    }

    static long id(Context ctx) {
        String value = ctx.pathParam("id");
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException e) {
            throw new BadParameterException("id", "schedule id is not a number: '" + (value.length() > 30 ? value.substring(0, 30) : value) + "'");
        }
    }
}
