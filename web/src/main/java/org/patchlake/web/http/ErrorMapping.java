package org.patchlake.web.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import org.patchlake.web.layout.Layout;
import org.patchlake.web.layout.Templates;
import org.patchlake.web.report.ReportService;
import org.patchlake.web.database.DuplicateException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The one place exceptions become HTTP answers: JSON for the API ({@code error}, {@code parameter} when a
 * parameter was at fault, {@code message}), a short HTML page otherwise. Never a stack trace to the client.
 */
public final class ErrorMapping {
    private static final Logger LOG = LoggerFactory.getLogger(ErrorMapping.class);

    private ErrorMapping() {
    }

    public static void register(Javalin app, ObjectMapper json) {
        app.exception(BadParameterException.class, (e, ctx) -> answer(ctx, json, 400, "bad_parameter", e.parameter(), e.getMessage()));
        app.exception(WebException.class, (e, ctx) -> {
            if (e instanceof BusyException busy) {
                ctx.header("Retry-After", Long.toString(Math.max(1, busy.retryAfter().toSeconds())));
            }
            answer(ctx, json, e.status(), e.code(), null, e.getMessage());
        });
        app.exception(AccessControl.SignInRequired.class, (e, ctx) ->
                ctx.redirect("/sign-in?next=" + org.patchlake.web.layout.Formats.url(e.next())));
        app.exception(DuplicateException.class, (e, ctx) -> answer(ctx, json, 409, "conflict", null, e.getMessage()));
        app.exception(ReportService.NoSnapshotException.class, (e, ctx) ->
                answer(ctx, json, 503, "no_snapshot", null, e.getMessage()));
        app.exception(UnsupportedOperationException.class, (e, ctx) ->
                answer(ctx, json, 501, "not_available", null, e.getMessage()));
        app.exception(HttpResponseException.class, (e, ctx) ->
                answer(ctx, json, e.getStatus(), "http_" + e.getStatus(), null, e.getMessage()));
        app.exception(Exception.class, (e, ctx) -> {
            String incident = UUID.randomUUID().toString().substring(0, 8);
            LOG.error("event=request_failed incident={} method={} path={}", incident, ctx.method(), ctx.path(), e);
            answer(ctx, json, 500, "internal", null, "internal error (incident " + incident + "; details are in the server log)");
        });
        app.error(404, ctx -> {
            if (ctx.result() == null || ctx.result().isEmpty()) {
                answer(ctx, json, 404, "not_found", null, "no such page: " + ctx.path());
            }
        });
    }

    static void answer(Context ctx, ObjectMapper json, int status, String code, String parameter, String message) {
        ctx.status(status);
        if (status == 429) {
            ctx.header("Retry-After", "900");
        }
        if (AccessControl.isApi(ctx.path()) || !acceptsHtml(ctx)) {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("error", code);
            if (parameter != null) {
                body.put("parameter", parameter);
            }
            body.put("message", message);
            try {
                ctx.contentType("application/json").result(json.writeValueAsString(body));
            } catch (Exception e) {
                ctx.contentType("text/plain").result(message);
            }
            return;
        }
        String title = switch (status) {
            case 400 -> "Bad request";
            case 401 -> "Sign in required";
            case 403 -> "Not allowed";
            case 404 -> "Not found";
            case 409 -> "Conflict";
            case 503 -> "busy".equals(code) ? "Busy" : "Not available yet";
            default -> "Error " + status;
        };
        Map<String, Object> page = new HashMap<>();
        page.put("frame", AccessControl.optionalViewer(ctx).map(viewer -> Layout.frame(viewer, title, Optional.empty(), false)).orElse(null));
        page.put("title", title);
        page.put("message", message);
        page.put("parameter", parameter);
        ctx.contentType("text/html; charset=utf-8").result(Templates.render("pages/error.jte", page));
    }

    private static boolean acceptsHtml(Context ctx) {
        String accept = ctx.header("Accept");
        return accept != null && accept.contains("text/html");
    }
}
