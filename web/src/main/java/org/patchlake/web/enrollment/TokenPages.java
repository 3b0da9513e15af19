package org.patchlake.web.enrollment;

import io.javalin.Javalin;
import io.javalin.http.Context;
import org.patchlake.web.WebServices;
import org.patchlake.web.auth.AuthService.Viewer;
import org.patchlake.web.auth.Permission;
import org.patchlake.web.http.AccessControl;
import org.patchlake.web.http.Params;
import org.patchlake.web.http.TimeParameters;
import org.patchlake.web.http.WebException;
import org.patchlake.web.layout.Formats;
import org.patchlake.web.layout.Layout;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/** Enrollment tokens (platform administrators) and the audit log (security and platform administrators). */
public final class TokenPages {
    /** An enrollment token expires at most this far ahead (and never already expired). */
    static final java.time.Duration MAX_TOKEN_LIFETIME = java.time.Duration.ofDays(3653);
    private final WebServices services;

    public TokenPages(WebServices services) {
        this.services = services;
    }

    public void register(Javalin app) {
        app.get("/admin/tokens", this::list);
        app.post("/admin/tokens", this::create);
        app.post("/admin/tokens/{id}/revoke", this::revoke);
        app.get("/admin/audit", this::audit);
    }

    private void list(Context ctx) {
        Viewer viewer = AccessControl.require(ctx, Permission.MANAGE_ENROLLMENT_TOKENS);
        EnrollmentTokens tokens = services.tokens();
        Map<String, Object> parameters = new HashMap<>();
        parameters.put("done", ctx.queryParam("done"));
        parameters.put("available", tokens.available());
        parameters.put("tokens", tokens.list());
        parameters.put("zone", viewer.user().timeZone());
        ctx.html(Layout.render("admin/tokens.jte", Layout.frame(viewer, "Enrollment tokens", Optional.empty(), false), parameters));
    }

    private void create(Context ctx) {
        Viewer viewer = AccessControl.require(ctx, Permission.MANAGE_ENROLLMENT_TOKENS);
        String region = Params.required(ctx, "region");
        String site = Params.required(ctx, "site");
        String expiresAt = Params.optional(ctx, "expiresAt");
        Instant expires = expiresAt == null ? null : TimeParameters.ahead("expiresAt", expiresAt, java.time.ZoneOffset.UTC,
                TimeParameters.now(ctx), MAX_TOKEN_LIFETIME);
        EnrollmentTokens.CreatedToken created = services.tokens().create(region, site, expires, viewer.user().name());
        services.audit().record(viewer.user().name(), "enrollment_token_created", "token:" + created.token().id(), null,
                created.token(), ctx.ip());
        ctx.html(Layout.render("admin/tokenCreated.jte", Layout.frame(viewer, "Enrollment token created", Optional.empty(), false),
                Map.of("secret", created.secret())));
    }

    private void revoke(Context ctx) {
        Viewer viewer = AccessControl.require(ctx, Permission.MANAGE_ENROLLMENT_TOKENS);
        String id = Params.pathId(ctx, "id");
        if (!services.tokens().revoke(id, viewer.user().name())) {
            throw WebException.notFound("no active token " + id);
        }
        services.audit().record(viewer.user().name(), "enrollment_token_revoked", "token:" + id, null, null, ctx.ip());
        ctx.redirect("/admin/tokens?done=" + Formats.url("revoked token " + id));
    }

    private void audit(Context ctx) {
        Viewer viewer = AccessControl.require(ctx, Permission.VIEW_AUDIT);
        Integer limit = Params.integer(ctx, "limit", 1, 10_000);
        ctx.html(Layout.render("admin/audit.jte", Layout.frame(viewer, "Audit log", Optional.empty(), false),
                Map.of("entries", services.audit().recent(limit == null ? 200 : limit), "zone", viewer.user().timeZone())));
    }
}
