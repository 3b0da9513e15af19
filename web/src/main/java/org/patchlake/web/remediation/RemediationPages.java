package org.patchlake.web.remediation;

import io.javalin.Javalin;
import io.javalin.http.Context;
import org.patchlake.web.auth.AuthService.Viewer;
import org.patchlake.web.auth.Permission;
import org.patchlake.web.http.AccessControl;
import org.patchlake.web.http.BadParameterException;
import org.patchlake.web.http.WebException;
import org.patchlake.web.pages.Html;
import org.patchlake.web.pages.Layout;

import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import static org.patchlake.web.pages.Html.h;

/**
 * Remediation pages: the confirmation form for a report row, the policy list, a policy's progress with its
 * actions (retry failed, rescan, restart, pause, resume, cancel), and the confirmation of a rescan or restart.
 */
final class RemediationPages {
    private static final int PROGRESS_ROWS = 500;

    private final RemediationService service;

    RemediationPages(RemediationService service) {
        this.service = service;
    }

    void register(Javalin app) {
        app.get("/remediation", this::list);
        app.get("/remediation/new", this::form);
        app.post("/remediation", this::create);
        app.get("/remediation/policies/{id}", this::policy);
        app.post("/remediation/policies/{id}/{change}", this::change);
        app.get("/remediation/actions/new", this::actionForm);
        app.post("/remediation/actions", this::act);
    }

    private void form(Context ctx) {
        Viewer viewer = AccessControl.require(ctx, Permission.REMEDIATE);
        RemediationSource source = RemediationRequests.source(ctx::queryParam);
        TargetResolver.Resolution resolution = service.preview(viewer, source);
        ctx.html(Layout.page(viewer, "Remediate " + source.describe(), Optional.empty(), false,
                RemediationForms.confirmation(viewer, source, resolution)));
    }

    private void create(Context ctx) {
        Viewer viewer = AccessControl.require(ctx, Permission.REMEDIATE);
        RemediationRequest request = RemediationRequests.parse(ctx::formParam, viewer.user().timeZone(),
                org.patchlake.web.http.TimeParameters.now(ctx));
        if (request.expectedTargets() == null) {
            throw new BadParameterException("expectedTargets", "expectedTargets is required: confirm the target count shown by the form");
        }
        RemediationStore.Created created = service.create(viewer, request, ctx.ip());
        RemediationPolicy policy = created.policy();
        ctx.redirect("/remediation/policies/" + policy.id() + "?done=" + Html.url((created.created() ? "created " : "already created ")
                + policy.wireId() + " for " + policy.targetCount() + " computers"));
    }

    private void list(Context ctx) {
        Viewer viewer = AccessControl.require(ctx, Permission.VIEW_COMPLIANCE_REPORTS);
        ZoneId zone = viewer.user().timeZone();
        StringBuilder body = new StringBuilder(notice(ctx)).append("<p><a href=\"/remediation/audit\">Remediation audit log</a> · "
                + "<a href=\"/reports/delivery-summary\">Delivery Summary report</a></p><table class=\"report\" id=\"policies\"><thead><tr>"
                + "<th>Policy</th><th>Name</th><th>Status</th><th class=\"num\">Targets</th><th>Updates</th><th>Created</th></tr></thead><tbody>");
        for (RemediationPolicy policy : service.store().policies(500)) {
            if (!visible(viewer, policy)) {
                continue;
            }
            body.append("<tr><td><a href=\"/remediation/policies/").append(policy.id()).append("\">").append(h(policy.wireId()))
                    .append("</a></td><td>").append(h(policy.name())).append("</td><td>").append(policy.status().key())
                    .append("</td><td class=\"num\">").append(Html.number(policy.targetCount())).append("</td><td>")
                    .append(h(String.join(", ", policy.definition().kbs()))).append("</td><td>").append(h(policy.createdBy())).append(", ")
                    .append(h(Html.time(policy.createdAt(), zone))).append("</td></tr>");
        }
        body.append("</tbody></table>");
        ctx.html(Layout.page(viewer, "Remediation policies", Optional.empty(), false, body.toString()));
    }

    private boolean visible(Viewer viewer, RemediationPolicy policy) {
        try {
            service.visiblePolicy(viewer, policy.id());
            return true;
        } catch (WebException e) {
            return false;
        }
    }

    private void policy(Context ctx) {
        Viewer viewer = AccessControl.require(ctx, Permission.VIEW_COMPLIANCE_REPORTS);
        RemediationPolicy policy = service.visiblePolicy(viewer, id(ctx));
        List<RemediationTarget> targets = service.store().targets(policy.id());
        PolicyProgress progress = PolicyProgress.of(targets, service.warehouse().latestAttempts(policy.wireId()), viewer.user().scope());
        ctx.html(Layout.page(viewer, "Policy " + policy.wireId() + ": " + policy.name(), Optional.empty(), false,
                notice(ctx) + PolicyPage.render(viewer, policy, progress, PROGRESS_ROWS)));
    }

    private void change(Context ctx) {
        Viewer viewer = AccessControl.require(ctx, Permission.REMEDIATE);
        String change = ctx.pathParam("change");
        if (!List.of("pause", "resume", "cancel").contains(change)) {
            throw WebException.notFound("no such policy action: " + RemediationRequests.abbreviate(change));
        }
        RemediationPolicy after = service.changeStatus(viewer, id(ctx), change, ctx.ip());
        ctx.redirect("/remediation/policies/" + after.id() + "?done=" + Html.url(after.wireId() + " is now " + after.status().key()));
    }

    private void actionForm(Context ctx) {
        Viewer viewer = AccessControl.require(ctx, Permission.REMEDIATE);
        RemediationAction.Kind kind = kind(ctx.queryParam("kind"));
        String computer = RemediationRequests.text(ctx::queryParam, "computerId");
        String policy = RemediationRequests.text(ctx::queryParam, "policyId");
        if (computer == null && policy == null) {
            throw new BadParameterException("computerId", "computerId or policyId is required");
        }
        String what = computer != null ? "computer " + computer : "the targets of policy " + policy
                + (kind == RemediationAction.Kind.RESTART ? " that wait for a restart" : "");
        StringBuilder body = new StringBuilder("<form method=\"post\" action=\"/remediation/actions\" class=\"admin\" id=\"action-form\">")
                .append(Layout.csrfField(viewer)).append(RemediationForms.hidden("idempotencyKey", UUID.randomUUID().toString()))
                .append(RemediationForms.hidden("kind", kind.key())).append(RemediationForms.hidden("computerId", computer))
                .append(RemediationForms.hidden("policyId", policy)).append(RemediationForms.hidden("report", ctx.queryParam("report")))
                .append("<p class=\"warning\">").append(kind == RemediationAction.Kind.RESTART ? "Restart " : "Rescan ").append(h(what))
                .append(kind == RemediationAction.Kind.RESTART ? ". Logged-on users see the notice below before the restart." : " now.")
                .append(" Agents pick this up at their next check-in (within 24 hours, or never).</p>");
        if (kind == RemediationAction.Kind.RESTART) {
            body.append(RemediationForms.field("Notice (minutes)", "noticeMinutes", "15", "number"))
                    .append(RemediationForms.field("Notice text", "noticeMessage",
                            "Your administrator restarts this computer to finish installing security updates.", "text"));
        }
        body.append("<button type=\"submit\" id=\"confirm\">Confirm ").append(kind.key()).append("</button></form>");
        ctx.html(Layout.page(viewer, (kind == RemediationAction.Kind.RESTART ? "Restart " : "Rescan ") + what, Optional.empty(), false,
                body.toString()));
    }

    private void act(Context ctx) {
        Viewer viewer = AccessControl.require(ctx, Permission.REMEDIATE);
        RemediationStore.ActionCreated created = RemediationApi.act(service, viewer, ctx::formParam, ctx.ip());
        RemediationAction action = created.action();
        ctx.redirect("/remediation?done=" + Html.url((created.created() ? "requested " : "already requested ") + action.kind().key()
                + " (" + action.wireId() + ") of " + action.targetCount() + " computer(s): " + action.source()));
    }

    static RemediationAction.Kind kind(String value) {
        if ("rescan".equals(value)) {
            return RemediationAction.Kind.RESCAN;
        }
        if ("restart".equals(value)) {
            return RemediationAction.Kind.RESTART;
        }
        throw new BadParameterException("kind", "kind must be rescan or restart, was '" + RemediationRequests.abbreviate(value) + "'");
    }

    static long id(Context ctx) {
        String value = ctx.pathParam("id");
        long id = value.startsWith(RemediationPolicy.WIRE_PREFIX) ? RemediationPolicy.idOf(value) : parse(value);
        if (id < 1) {
            throw new BadParameterException("id", "policy id is not valid: '" + RemediationRequests.abbreviate(value) + "'");
        }
        return id;
    }

    private static long parse(String value) {
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    static String notice(Context ctx) {
        String done = ctx.queryParam("done");
        return done == null ? "" : "<p class=\"notice\" id=\"notice\">" + h(done.length() > 300 ? done.substring(0, 300) : done) + "</p>";
    }
}
