package org.patchlake.web.remediation;

import io.javalin.Javalin;
import io.javalin.http.Context;
import org.patchlake.web.auth.AuthService.Viewer;
import org.patchlake.web.auth.Permission;
import org.patchlake.web.http.AccessControl;
import org.patchlake.web.http.BadParameterException;
import org.patchlake.web.http.WebException;
import org.patchlake.web.layout.Formats;
import org.patchlake.web.layout.Layout;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Remediation pages: the confirmation form for a report row, the policy list, a policy's progress with its
 * actions (retry failed, rescan, restart, pause, resume, cancel), and the confirmation of a rescan or restart.
 */
final class RemediationPages {
    private static final int PROGRESS_ROWS = 500;
    private static final int TARGETS_SHOWN = 200;

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
        Map<String, Object> parameters = new HashMap<>();
        parameters.put("source", source);
        parameters.put("targets", resolution.targets());
        parameters.put("fixes", resolution.fixes());
        parameters.put("updateCount", resolution.updateCount());
        parameters.put("snapshotId", resolution.snapshotId());
        parameters.put("scope", viewer.user().scope().describe());
        parameters.put("zone", viewer.user().timeZone().getId());
        parameters.put("idempotencyKey", UUID.randomUUID().toString());
        parameters.put("shown", TARGETS_SHOWN);
        ctx.html(Layout.render("remediation/confirm.jte", Layout.frame(viewer, "Remediate " + source.describe(), Optional.empty(), false),
                parameters));
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
        ctx.redirect("/remediation/policies/" + policy.id() + "?done=" + Formats.url((created.created() ? "created " : "already created ")
                + policy.wireId() + " for " + policy.targetCount() + " computers"));
    }

    private void list(Context ctx) {
        Viewer viewer = AccessControl.require(ctx, Permission.VIEW_COMPLIANCE_REPORTS);
        Map<String, Object> parameters = new HashMap<>();
        parameters.put("done", ctx.queryParam("done"));
        parameters.put("policies", service.store().policies(500).stream().filter(policy -> visible(viewer, policy)).toList());
        parameters.put("zone", viewer.user().timeZone());
        ctx.html(Layout.render("remediation/policies.jte", Layout.frame(viewer, "Remediation policies", Optional.empty(), false), parameters));
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
        Map<String, Object> parameters = new HashMap<>();
        parameters.put("done", ctx.queryParam("done"));
        parameters.put("policy", policy);
        parameters.put("progress", progress);
        parameters.put("mayRemediate", viewer.user().can(Permission.REMEDIATE));
        parameters.put("rowLimit", PROGRESS_ROWS);
        parameters.put("zone", viewer.user().timeZone());
        ctx.html(Layout.render("remediation/policy.jte", Layout.frame(viewer, "Policy " + policy.wireId() + ": " + policy.name(),
                Optional.empty(), false), parameters));
    }

    private void change(Context ctx) {
        Viewer viewer = AccessControl.require(ctx, Permission.REMEDIATE);
        String change = ctx.pathParam("change");
        if (!List.of("pause", "resume", "cancel").contains(change)) {
            throw WebException.notFound("no such policy action: " + RemediationRequests.abbreviate(change));
        }
        RemediationPolicy after = service.changeStatus(viewer, id(ctx), change, ctx.ip());
        ctx.redirect("/remediation/policies/" + after.id() + "?done=" + Formats.url(after.wireId() + " is now " + after.status().key()));
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
        Map<String, Object> parameters = new HashMap<>();
        parameters.put("idempotencyKey", UUID.randomUUID().toString());
        parameters.put("kind", kind.key());
        parameters.put("restart", kind == RemediationAction.Kind.RESTART);
        parameters.put("computerId", computer);
        parameters.put("policyId", policy);
        parameters.put("report", ctx.queryParam("report"));
        parameters.put("what", what);
        ctx.html(Layout.render("remediation/action.jte", Layout.frame(viewer, (kind == RemediationAction.Kind.RESTART ? "Restart " : "Rescan ")
                + what, Optional.empty(), false), parameters));
    }

    private void act(Context ctx) {
        Viewer viewer = AccessControl.require(ctx, Permission.REMEDIATE);
        RemediationStore.ActionCreated created = RemediationApi.act(service, viewer, ctx::formParam, ctx.ip());
        RemediationAction action = created.action();
        ctx.redirect("/remediation?done=" + Formats.url((created.created() ? "requested " : "already requested ") + action.kind().key()
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
}
