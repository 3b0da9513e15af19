package org.patchlake.web.schedule;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.Javalin;
import io.javalin.http.Context;
import org.patchlake.web.auth.AuthService.Viewer;
import org.patchlake.web.auth.Permission;
import org.patchlake.web.http.AccessControl;
import org.patchlake.web.http.BadParameterException;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * {@code /api/v1/schedules}: list, create, read, replace, delete, "send now" and the delivery log. JSON bodies use
 * the form's field names; {@code parameters} may be an object or a query string, {@code recipients} an array or a
 * comma-separated string.
 */
public final class ScheduleApi {
    private final ScheduleService schedules;
    private final ObjectMapper json;

    public ScheduleApi(ScheduleService schedules, ObjectMapper json) {
        this.schedules = schedules;
        this.json = json;
    }

    public void register(Javalin app) {
        app.get("/api/v1/schedules", this::list);
        app.post("/api/v1/schedules", this::create);
        app.get("/api/v1/schedules/{id}", this::show);
        app.put("/api/v1/schedules/{id}", this::update);
        app.delete("/api/v1/schedules/{id}", this::delete);
        app.post("/api/v1/schedules/{id}/send", this::sendNow);
        app.get("/api/v1/schedules/{id}/deliveries", this::deliveries);
    }

    private void list(Context ctx) {
        Viewer viewer = AccessControl.require(ctx, Permission.MANAGE_SCHEDULES);
        ctx.json(schedules.visible(viewer.user()).stream().map(this::view).toList());
    }

    private void show(Context ctx) {
        Viewer viewer = AccessControl.require(ctx, Permission.MANAGE_SCHEDULES);
        ctx.json(view(schedules.find(viewer.user(), SchedulePages.id(ctx))));
    }

    private void create(Context ctx) {
        Viewer viewer = AccessControl.require(ctx, Permission.MANAGE_SCHEDULES);
        ctx.status(201).json(view(schedules.create(viewer, fields(ctx), ctx.ip())));
    }

    private void update(Context ctx) {
        Viewer viewer = AccessControl.require(ctx, Permission.MANAGE_SCHEDULES);
        ctx.json(view(schedules.update(viewer, SchedulePages.id(ctx), fields(ctx), ctx.ip())));
    }

    private void delete(Context ctx) {
        Viewer viewer = AccessControl.require(ctx, Permission.MANAGE_SCHEDULES);
        schedules.delete(viewer, SchedulePages.id(ctx), ctx.ip());
        ctx.status(204);
    }

    private void sendNow(Context ctx) {
        Viewer viewer = AccessControl.require(ctx, Permission.MANAGE_SCHEDULES);
        ctx.status(202).json(view(schedules.sendNow(viewer, SchedulePages.id(ctx), ctx.ip())));
    }

    private void deliveries(Context ctx) {
        Viewer viewer = AccessControl.require(ctx, Permission.MANAGE_SCHEDULES);
        Schedule schedule = schedules.find(viewer.user(), SchedulePages.id(ctx));
        ctx.json(schedules.deliveries(schedule.id(), 200));
    }

    Map<String, Object> view(Schedule schedule) {
        ScheduleDefinition d = schedule.definition();
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("id", schedule.id());
        view.put("owner", schedule.ownerName());
        view.putAll(d.fields(d.parameters()));
        view.put("nextRunAt", schedule.nextRunAt());
        view.put("lastSentAt", schedule.lastRunAt());
        view.put("lastStatus", schedule.lastStatus());
        view.put("retryAt", schedule.retryAt());
        view.put("sendRequestedAt", schedule.sendRequestedAt());
        view.put("consecutiveFailures", schedule.consecutiveFailures());
        view.put("failing", schedules.failing(schedule));
        view.put("failingSince", schedule.failingSince());
        view.put("createdAt", schedule.createdAt());
        view.put("updatedBy", schedule.updatedBy());
        view.put("updatedAt", schedule.updatedAt());
        return view;
    }

    /** The JSON body as named text fields, the way {@link ScheduleInput} reads a form. */
    private Function<String, String> fields(Context ctx) {
        if (ctx.contentType() == null || !ctx.contentType().startsWith("application/json")) {
            throw new BadParameterException("body", "send the request body as application/json");
        }
        JsonNode body;
        try {
            body = json.readTree(ctx.body());
        } catch (JsonProcessingException e) {
            throw new BadParameterException("body", "the request body is not valid JSON: " + e.getOriginalMessage());
        }
        if (body == null || !body.isObject()) {
            throw new BadParameterException("body", "the request body must be a JSON object");
        }
        Map<String, String> fields = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = body.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> entry = it.next();
            fields.put(entry.getKey(), text(entry.getKey(), entry.getValue()));
        }
        return fields::get;
    }

    private static String text(String name, JsonNode value) {
        if (value.isNull()) {
            return null;
        }
        if (value.isArray() && name.equals("recipients")) {
            List<String> items = new ArrayList<>();
            value.forEach(item -> items.add(item.asText()));
            return String.join(",", items);
        }
        if (value.isObject() && name.equals("parameters")) {
            Map<String, String> parameters = new LinkedHashMap<>();
            value.fields().forEachRemaining(e -> {
                if (!e.getValue().isValueNode()) {
                    throw new BadParameterException("parameters", "parameter " + e.getKey() + " must be a string or number");
                }
                parameters.put(e.getKey(), e.getValue().asText());
            });
            return parameters.entrySet().stream().map(e -> java.net.URLEncoder.encode(e.getKey(), java.nio.charset.StandardCharsets.UTF_8)
                    + "=" + java.net.URLEncoder.encode(e.getValue(), java.nio.charset.StandardCharsets.UTF_8))
                    .reduce((a, b) -> a + "&" + b).orElse("");
        }
        if (!value.isValueNode()) {
            throw new BadParameterException(name, name + " must be a string");
        }
        return value.asText();
    }
}
