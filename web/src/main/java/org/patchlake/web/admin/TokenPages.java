package org.patchlake.web.admin;

import io.javalin.Javalin;
import io.javalin.http.Context;
import org.patchlake.web.WebServices;
import org.patchlake.web.auth.AuthService.Viewer;
import org.patchlake.web.auth.Permission;
import org.patchlake.web.http.AccessControl;
import org.patchlake.web.http.Params;
import org.patchlake.web.http.TimeParameters;
import org.patchlake.web.http.WebException;
import org.patchlake.web.pages.Html;
import org.patchlake.web.pages.Layout;
import org.patchlake.web.store.AuditLog;

import java.time.Instant;
import java.util.Optional;

import static org.patchlake.web.pages.Html.h;

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
        StringBuilder body = new StringBuilder(Forms.notice(ctx));
        if (!tokens.available()) {
            body.append("<p class=\"warning\">Enrollment tokens are kept by the agent API (ingest), which is not running in this "
                    + "server. Use <code>./patchlake tokens</code> on the ingest node.</p>");
        }
        body.append("<table class=\"report\" id=\"tokens\"><thead><tr><th>Id</th><th>Region</th><th>Site</th><th>Created</th>"
                + "<th>Expires</th><th>Status</th><th></th></tr></thead><tbody>");
        for (EnrollmentTokens.Token token : tokens.list()) {
            body.append("<tr><td>").append(h(token.id())).append("</td><td>").append(h(token.region())).append("</td><td>").append(h(token.site()))
                    .append("</td><td>")
                    .append(h(Html.time(token.createdAt(), viewer.user().timeZone()))).append("</td><td>")
                    .append(h(Html.time(token.expiresAt(), viewer.user().timeZone()))).append("</td><td>").append(token.revoked() ? "revoked" : "active").append("</td><td>");
            if (!token.revoked()) {
                body.append("<form method=\"post\" class=\"inline\" action=\"/admin/tokens/").append(Html.url(token.id()))
                        .append("/revoke\">").append(Layout.csrfField(viewer)).append("<button type=\"submit\">Revoke</button></form>");
            }
            body.append("</td></tr>");
        }
        body.append("</tbody></table>");
        if (tokens.available()) {
            body.append("<h2>New token</h2><form method=\"post\" action=\"/admin/tokens\" class=\"admin\">").append(Layout.csrfField(viewer))
                    .append(Forms.field("Region", "region", "", "text")).append(Forms.field("Site", "site", "", "text")).append(Forms.field("Expires (date)", "expiresAt", "", "date"))
                    .append("<button type=\"submit\">Create token</button></form>");
        }
        ctx.html(Layout.page(viewer, "Enrollment tokens", Optional.empty(), false, body.toString()));
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
        String body = "<p class=\"notice\">Token created. Copy the secret now: it is not shown again.</p><pre id=\"token-secret\">"
                + h(created.secret()) + "</pre><p><a href=\"/admin/tokens\">Back to tokens</a></p>";
        ctx.html(Layout.page(viewer, "Enrollment token created", Optional.empty(), false, body));
    }

    private void revoke(Context ctx) {
        Viewer viewer = AccessControl.require(ctx, Permission.MANAGE_ENROLLMENT_TOKENS);
        String id = Params.pathId(ctx, "id");
        if (!services.tokens().revoke(id, viewer.user().name())) {
            throw WebException.notFound("no active token " + id);
        }
        services.audit().record(viewer.user().name(), "enrollment_token_revoked", "token:" + id, null, null, ctx.ip());
        ctx.redirect("/admin/tokens?done=" + Html.url("revoked token " + id));
    }

    private void audit(Context ctx) {
        Viewer viewer = AccessControl.require(ctx, Permission.VIEW_AUDIT);
        Integer limit = Params.integer(ctx, "limit", 1, 10_000);
        StringBuilder body = new StringBuilder("<table class=\"report\" id=\"audit\"><thead><tr><th>When</th><th>Who</th><th>What</th>"
                + "<th>Target</th><th>Before</th><th>After</th><th>From</th></tr></thead><tbody>");
        for (AuditLog.Entry entry : services.audit().recent(limit == null ? 200 : limit)) {
            body.append("<tr><td>").append(h(Html.time(entry.at(), viewer.user().timeZone()))).append("</td><td>").append(h(entry.actor()))
                    .append("</td><td>").append(h(entry.action())).append("</td><td>").append(h(entry.target())).append("</td><td><code>")
                    .append(h(entry.before())).append("</code></td><td><code>").append(h(entry.after())).append("</code></td><td>")
                    .append(h(entry.clientAddress())).append("</td></tr>");
        }
        body.append("</tbody></table>");
        ctx.html(Layout.page(viewer, "Audit log", Optional.empty(), false, body.toString()));
    }
}
