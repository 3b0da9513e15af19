package org.patchlake.web.computers;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.Javalin;
import io.javalin.http.Context;
import org.patchlake.web.WebServices;
import org.patchlake.web.auth.AuthService.Viewer;
import org.patchlake.web.auth.Permission;
import org.patchlake.web.enrollment.EnrollmentTokens;
import org.patchlake.web.http.AccessControl;
import org.patchlake.web.http.BadParameterException;
import org.patchlake.web.http.Params;
import org.patchlake.web.layout.Formats;
import org.patchlake.web.layout.Layout;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Enrolled computers and moving one to another site (platform administrators): {@code GET /admin/computers?q=},
 * {@code POST /admin/computers/{id}/move} (form: region, site) and {@code POST /api/v1/computers/{id}/move}
 * (JSON {@code {"region": ..., "site": ...}}).
 */
public final class ComputerPages {
    static final int LIMIT = 200;

    private final WebServices services;
    private final ComputerMoves moves;

    public ComputerPages(WebServices services) {
        this.services = services;
        this.moves = new ComputerMoves(services.tokens(), services.audit());
    }

    public void register(Javalin app) {
        app.get("/admin/computers", this::list);
        app.post("/admin/computers/{id}/move", this::moveFromForm);
        app.post("/api/v1/computers/{id}/move", this::moveFromApi);
    }

    private void list(Context ctx) {
        Viewer viewer = AccessControl.require(ctx, Permission.MOVE_COMPUTERS);
        String query = Params.optional(ctx, "q");
        List<EnrollmentTokens.Computer> computers = services.tokens().computers(query, LIMIT + 1);
        Map<String, Object> parameters = new HashMap<>();
        parameters.put("done", ctx.queryParam("done"));
        parameters.put("query", query);
        parameters.put("computers", computers.subList(0, Math.min(LIMIT, computers.size())));
        parameters.put("limit", LIMIT);
        parameters.put("more", computers.size() > LIMIT);
        parameters.put("zone", viewer.user().timeZone());
        ctx.html(Layout.render("admin/computers.jte", Layout.frame(viewer, "Enrolled computers", Optional.empty(), false), parameters));
    }

    private void moveFromForm(Context ctx) {
        Viewer viewer = AccessControl.require(ctx, Permission.MOVE_COMPUTERS);
        String id = Params.pathId(ctx, "id");
        EnrollmentTokens.Moved moved = moves.move(viewer.user(), id, ctx.formParam("region"), ctx.formParam("site"), ctx.ip());
        ctx.redirect("/admin/computers?q=" + Formats.url(id) + "&done=" + Formats.url("moved " + id + " from " + moved.before().site()
                + " (" + moved.before().region() + ") to " + moved.after().site() + " (" + moved.after().region() + ")"));
    }

    private void moveFromApi(Context ctx) {
        Viewer viewer = AccessControl.require(ctx, Permission.MOVE_COMPUTERS);
        String id = Params.pathId(ctx, "id");
        JsonNode body = jsonObject(ctx);
        EnrollmentTokens.Moved moved = moves.move(viewer.user(), id, text(body, "region"), text(body, "site"), ctx.ip());
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("computerId", id);
        answer.put("before", Map.of("region", moved.before().region(), "site", moved.before().site()));
        answer.put("after", Map.of("region", moved.after().region(), "site", moved.after().site()));
        ctx.json(answer);
    }

    private JsonNode jsonObject(Context ctx) {
        if (ctx.contentType() == null || !ctx.contentType().startsWith("application/json")) {
            throw new BadParameterException("body", "send the request body as application/json");
        }
        try {
            JsonNode node = services.json().readTree(ctx.body());
            if (node == null || !node.isObject()) {
                throw new BadParameterException("body", "the request body must be a JSON object");
            }
            return node;
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new BadParameterException("body", "the request body is not valid JSON: " + e.getOriginalMessage());
        }
    }

    private static String text(JsonNode body, String name) {
        JsonNode value = body.get(name);
        if (value != null && !value.isNull() && !value.isTextual()) {
            throw new BadParameterException(name, name + " must be a string");
        }
        return value == null || value.isNull() ? null : value.asText();
    }
}
