package org.patchlake.web.remediation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.Javalin;
import io.javalin.http.Context;
import org.patchlake.web.auth.AuthService.Viewer;
import org.patchlake.web.auth.Permission;
import org.patchlake.web.http.AccessControl;
import org.patchlake.web.http.BadParameterException;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The JSON API: {@code POST /api/v1/remediations} (same fields and rules as the form; answers 201 with the new
 * policy, or 200 with the existing one when the idempotency key was used before), {@code GET /api/v1/remediations},
 * {@code GET /api/v1/remediations/{id}} (with progress), {@code POST /api/v1/remediations/{id}/pause|resume|cancel},
 * {@code POST /api/v1/remediation-actions} (rescan / restart). Session cookie and {@code X-CSRF-Token} as for
 * every API call.
 */
final class RemediationApi {
    private final RemediationService service;
    private final ObjectMapper json;

    RemediationApi(RemediationService service, ObjectMapper json) {
        this.service = service;
        this.json = json;
    }

    void register(Javalin app) {
        app.post("/api/v1/remediations", this::create);
        app.get("/api/v1/remediations", this::list);
        app.get("/api/v1/remediations/{id}", this::get);
        app.post("/api/v1/remediations/{id}/{change}", this::change);
        app.post("/api/v1/remediation-actions", this::act);
    }

    private void create(Context ctx) {
        Viewer viewer = AccessControl.require(ctx, Permission.REMEDIATE);
        RemediationRequest request = RemediationRequests.parse(fields(ctx), viewer.user().timeZone(),
                org.patchlake.web.http.TimeParameters.now(ctx));
        RemediationStore.Created created = service.create(viewer, request, ctx.ip());
        ctx.status(created.created() ? 201 : 200).json(describe(created.policy(), null, created.created()));
    }

    private void list(Context ctx) {
        Viewer viewer = AccessControl.require(ctx, Permission.VIEW_COMPLIANCE_REPORTS);
        List<Map<String, Object>> policies = new ArrayList<>();
        for (RemediationPolicy policy : service.store().policies(500)) {
            try {
                service.visiblePolicy(viewer, policy.id());
                policies.add(describe(policy, null, null));
            } catch (org.patchlake.web.http.WebException e) {
                // not in the viewer's scope
            }
        }
        ctx.json(Map.of("policies", policies));
    }

    private void get(Context ctx) {
        Viewer viewer = AccessControl.require(ctx, Permission.VIEW_COMPLIANCE_REPORTS);
        RemediationPolicy policy = service.visiblePolicy(viewer, RemediationPages.id(ctx));
        PolicyProgress progress = PolicyProgress.of(service.store().targets(policy.id()),
                service.warehouse().latestAttempts(policy.wireId()), viewer.user().scope());
        ctx.json(describe(policy, progress, null));
    }

    private void change(Context ctx) {
        Viewer viewer = AccessControl.require(ctx, Permission.REMEDIATE);
        String change = ctx.pathParam("change");
        if (!List.of("pause", "resume", "cancel").contains(change)) {
            throw new BadParameterException("change", "change must be pause, resume or cancel, was '" + RemediationRequests.abbreviate(change) + "'");
        }
        ctx.json(describe(service.changeStatus(viewer, RemediationPages.id(ctx), change, ctx.ip()), null, null));
    }

    private void act(Context ctx) {
        Viewer viewer = AccessControl.require(ctx, Permission.REMEDIATE);
        RemediationStore.ActionCreated created = act(service, viewer, fields(ctx), ctx.ip());
        RemediationAction action = created.action();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("actionId", action.wireId());
        body.put("kind", action.kind().key());
        body.put("computers", action.targetCount());
        body.put("expiresAt", action.expiresAt());
        body.put("created", created.created());
        ctx.status(created.created() ? 201 : 200).json(body);
    }

    /** Shared with the form: idempotencyKey, kind, computerId | policyId, noticeMinutes, noticeMessage, report. */
    static RemediationStore.ActionCreated act(RemediationService service, Viewer viewer, Function<String, String> field, String address) {
        String key = RemediationRequests.text(field, "idempotencyKey");
        if (key == null || !key.matches("[A-Za-z0-9_.:-]{8,100}")) {
            throw new BadParameterException("idempotencyKey", "idempotencyKey is required: 8-100 letters, digits, . _ : -");
        }
        RemediationAction.Kind kind = RemediationPages.kind(RemediationRequests.text(field, "kind"));
        String computer = RemediationRequests.text(field, "computerId");
        if (computer != null && !computer.matches("[A-Za-z0-9_.:-]{1,100}")) {
            throw new BadParameterException("computerId", "computerId is not valid: '" + RemediationRequests.abbreviate(computer) + "'");
        }
        String policy = RemediationRequests.text(field, "policyId");
        int notice = RemediationRequests.integer(field, "noticeMinutes", 0, 1440, kind == RemediationAction.Kind.RESTART ? 15 : 0);
        String message = RemediationRequests.text(field, "noticeMessage");
        String report = RemediationRequests.text(field, "report");
        return service.act(viewer, kind, key, computer, policy, notice, message, report == null ? null : report.replaceAll("[^A-Za-z0-9_.-]", ""),
                address);
    }

    private Function<String, String> fields(Context ctx) {
        JsonNode body;
        try {
            body = json.readTree(ctx.bodyAsBytes());
        } catch (IOException e) {
            throw new BadParameterException("body", "body is not JSON: " + e.getMessage());
        }
        if (body == null || !body.isObject()) {
            throw new BadParameterException("body", "body must be a JSON object");
        }
        return name -> {
            JsonNode value = body.get(name);
            if (value == null || value.isNull()) {
                return null;
            }
            if (value.isArray()) {
                List<String> parts = new ArrayList<>();
                value.forEach(v -> parts.add(v.asText()));
                return String.join(",", parts);
            }
            if (value.isContainerNode()) {
                throw new BadParameterException(name, name + " must be a string, number or array");
            }
            return value.asText();
        };
    }

    private static Map<String, Object> describe(RemediationPolicy policy, PolicyProgress progress, Boolean created) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("id", policy.id());
        body.put("policyId", policy.wireId());
        body.put("name", policy.name());
        body.put("status", policy.status().key());
        body.put("revision", policy.revision());
        body.put("targets", policy.targetCount());
        body.put("kbs", policy.definition().kbs());
        body.put("replacements", policy.definition().replacements());
        body.put("row", policy.definition().source().describe());
        body.put("scheduleStart", policy.definition().scheduleStart());
        body.put("deadline", policy.definition().deadline());
        body.put("createdBy", policy.createdBy());
        body.put("createdAt", policy.createdAt());
        body.put("parentPolicyId", policy.parentId() == null ? null : RemediationPolicy.WIRE_PREFIX + policy.parentId());
        body.put("url", "/remediation/policies/" + policy.id());
        if (created != null) {
            body.put("created", created);
        }
        if (progress != null) {
            Map<String, Object> p = new LinkedHashMap<>();
            p.put("targeted", progress.targeted());
            p.put("succeeded", progress.succeeded());
            p.put("pendingReboot", progress.pendingReboot());
            p.put("failed", progress.failed());
            p.put("inProgress", progress.inProgress());
            p.put("notReported", progress.notReported());
            p.put("failuresByCode", progress.failuresByCode());
            body.put("progress", p);
        }
        return body;
    }
}
