package org.patchlake.web.compliance;

import io.javalin.Javalin;
import io.javalin.http.Context;
import org.patchlake.web.WebServices;
import org.patchlake.web.auth.AuthService.Viewer;
import org.patchlake.web.auth.Permission;
import org.patchlake.web.auth.Scope;
import org.patchlake.web.http.AccessControl;
import org.patchlake.web.http.BadParameterException;
import org.patchlake.web.http.Forms;
import org.patchlake.web.http.Params;
import org.patchlake.web.http.TimeParameters;
import org.patchlake.web.http.WebException;
import org.patchlake.web.layout.Formats;
import org.patchlake.web.layout.Layout;
import org.patchlake.web.report.ReportParameters;

import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Administration of custom severities, SLA policies and exceptions (security administrators). */
public final class CompliancePages {
    private final WebServices services;

    public CompliancePages(WebServices services) {
        this.services = services;
    }

    public void register(Javalin app) {
        app.get("/admin/severities", this::severities);
        app.post("/admin/severities", this::setSeverity);
        app.post("/admin/severities/{bulletin}/clear", this::clearSeverity);
        app.get("/admin/sla-policies", this::slaPolicies);
        app.post("/admin/sla-policies", this::saveSlaPolicy);
        app.get("/admin/exceptions", this::exceptions);
        app.post("/admin/exceptions", this::grantException);
        app.post("/admin/exceptions/{id}/revoke", this::revokeException);
    }

    // ---- custom severity

    private void severities(Context ctx) {
        Viewer viewer = AccessControl.require(ctx, Permission.MANAGE_SEVERITY);
        Map<String, Object> parameters = new HashMap<>();
        parameters.put("done", ctx.queryParam("done"));
        parameters.put("severities", services.compliance().store().severities());
        parameters.put("zone", zone(viewer));
        ctx.html(Layout.render("admin/severities.jte", Layout.frame(viewer, "Custom severity", Optional.empty(), false), parameters));
    }

    private void setSeverity(Context ctx) {
        Viewer viewer = AccessControl.require(ctx, Permission.MANAGE_SEVERITY);
        String bulletin = bulletinId(Params.required(ctx, "bulletinId"));
        String severity = Params.oneOf(ctx, "severity", CustomSeverity.SEVERITIES);
        if (severity == null) {
            throw new BadParameterException("severity", "severity is required");
        }
        services.compliance().setSeverity(viewer.user().name(), bulletin, severity, Params.required(ctx, "reason"), ctx.ip());
        ctx.redirect("/admin/severities?done=" + Formats.url(bulletin + " is now " + severity));
    }

    private void clearSeverity(Context ctx) {
        Viewer viewer = AccessControl.require(ctx, Permission.MANAGE_SEVERITY);
        String bulletin = Params.pathId(ctx, "bulletin");
        services.compliance().clearSeverity(viewer.user().name(), bulletin, ctx.ip());
        ctx.redirect("/admin/severities?done=" + Formats.url("cleared custom severity of " + bulletin));
    }

    /** A bulletin id that must exist in the current snapshot (when one is published). */
    private String bulletinId(String id) {
        if (!id.matches("[A-Za-z0-9_.-]{1,64}")) {
            throw new BadParameterException("bulletinId", "bulletin id is not valid: '" + Params.abbreviate(id) + "'");
        }
        if (services.reports().snapshot().isPresent()
                && services.reports().bulletin(id, ReportParameters.none(), Scope.everything()).isEmpty()) {
            throw new BadParameterException("bulletinId", "bulletin " + id + " is not in the catalog");
        }
        return id;
    }

    // ---- SLA policies

    private void slaPolicies(Context ctx) {
        Viewer viewer = AccessControl.require(ctx, Permission.MANAGE_SLA_POLICIES);
        Map<String, Object> parameters = new HashMap<>();
        parameters.put("done", ctx.queryParam("done"));
        parameters.put("policies", services.compliance().store().slaPolicies());
        parameters.put("zone", zone(viewer));
        ctx.html(Layout.render("admin/slaPolicies.jte", Layout.frame(viewer, "SLA policies", Optional.empty(), false), parameters));
    }

    public     static String phasesText(List<SlaPolicy.Phase> phases) {
        return phases.stream().map(p -> p.elapsed() + "=" + (p.target() == Math.rint(p.target()) ? Long.toString((long) p.target())
                : Double.toString(p.target()))).reduce((a, b) -> a + ", " + b).orElse("–");
    }

    static List<SlaPolicy.Phase> parsePhases(String text) {
        List<SlaPolicy.Phase> phases = new ArrayList<>();
        if (text == null || text.isBlank()) {
            return phases;
        }
        for (String part : text.split(",")) {
            String[] pieces = part.trim().split("=");
            if (pieces.length != 2) {
                throw new BadParameterException("phases", "phase '" + Params.abbreviate(part.trim()) + "' is not elapsed=target, e.g. 72h=91");
            }
            try {
                phases.add(new SlaPolicy.Phase(pieces[0].trim(), Double.parseDouble(pieces[1].trim().replace("%", ""))));
            } catch (NumberFormatException e) {
                throw new BadParameterException("phases", "phase target '" + Params.abbreviate(pieces[1]) + "' is not a number");
            } catch (IllegalArgumentException e) {
                throw new BadParameterException("phases", e.getMessage());
            }
        }
        return phases;
    }

    private void saveSlaPolicy(Context ctx) {
        Viewer viewer = AccessControl.require(ctx, Permission.MANAGE_SLA_POLICIES);
        Integer id = Params.integer(ctx, "id", 1, Integer.MAX_VALUE);
        String severity = Params.oneOf(ctx, "severity", SlaPolicy.SEVERITIES);
        String clockStart = Params.oneOf(ctx, "clockStart", SlaPolicy.CLOCK_STARTS);
        SlaPolicy policy;
        try {
            policy = new SlaPolicy(id == null ? 0 : id, Params.required(ctx, "name"), severity == null ? "Any" : severity,
                    Params.oneOf(ctx, "computerClass", SlaPolicy.COMPUTER_CLASSES), Params.integer(ctx, "managedLevel", 1, 4),
                    clockStart == null ? "release" : clockStart, parsePhases(ctx.formParam("phases")),
                    Forms.checkbox(ctx, "measured"), Forms.checkbox(ctx, "active"), viewer.user().name(), services.clock().instant());
        } catch (IllegalArgumentException e) {
            throw new BadParameterException("phases", e.getMessage());
        }
        SlaPolicy saved = services.compliance().saveSlaPolicy(viewer.user().name(), policy, ctx.ip());
        ctx.redirect("/admin/sla-policies?done=" + Formats.url("saved SLA policy " + saved.id() + " " + saved.name()));
    }

    // ---- exceptions

    private void exceptions(Context ctx) {
        exceptions(ctx, AccessControl.require(ctx, Permission.MANAGE_EXCEPTIONS), org.patchlake.web.http.FormInput.empty());
    }

    /** The exception form's fields, in the order the form shows them. */
    private static final List<String> EXCEPTION_FIELDS = List.of("computerId", "bulletinId", "owner", "reason", "expiresAt");

    private void exceptions(Context ctx, Viewer viewer, org.patchlake.web.http.FormInput form) {
        Instant now = services.clock().instant();
        Map<String, Object> parameters = new HashMap<>();
        parameters.put("done", ctx.queryParam("done"));
        parameters.put("exceptions", services.compliance().store().exceptions(1000).stream()
                .filter(exception -> visible(services, viewer, exception.computerId())).toList());
        parameters.put("now", now);
        parameters.put("zone", zone(viewer));
        parameters.put("form", form);
        ctx.html(Layout.render("admin/exceptions.jte", Layout.frame(viewer, "Exceptions", Optional.empty(), false), parameters));
    }

    private void grantException(Context ctx) {
        Viewer viewer = AccessControl.require(ctx, Permission.MANAGE_EXCEPTIONS);
        ComplianceException granted;
        try {
            granted = grant(services, viewer, ctx::formParam, ctx.ip());
        } catch (BadParameterException refused) {
            ctx.status(400);
            exceptions(ctx, viewer, org.patchlake.web.http.FormInput.refused(ctx::formParam, EXCEPTION_FIELDS, refused));
            return;
        }
        ctx.redirect("/admin/exceptions?done=" + Formats.url("granted exception " + granted.id()));
    }

    /** Shared with the JSON API: the computer must be visible to the actor in the current snapshot. */
    public static ComplianceException grant(WebServices services, Viewer viewer, java.util.function.Function<String, String> field,
                                            String address) {
        String named = Params.requiredValue("computerId", field.apply("computerId")).strip();
        if (!named.matches("[A-Za-z0-9_.:-]{1,100}")) {
            throw new BadParameterException("computerId", "not a computer id or host name: '" + Params.abbreviate(named) + "'");
        }
        String bulletin = Params.requiredValue("bulletinId", field.apply("bulletinId"));
        if (!bulletin.matches("[A-Za-z0-9_.-]{1,64}")) {
            throw new BadParameterException("bulletinId", "bulletin id is not valid: '" + Params.abbreviate(bulletin) + "'");
        }
        String owner = Params.requiredValue("owner", field.apply("owner"));
        String reason = Params.requiredValue("reason", field.apply("reason"));
        Instant expires = TimeParameters.ahead("expiresAt", Params.requiredValue("expiresAt", field.apply("expiresAt")),
                java.time.ZoneOffset.UTC, services.clock().instant(), MAX_EXCEPTION_LIFETIME);
        String computer = computerId(services, viewer.user().scope(), named);
        return services.compliance().grantException(viewer.user().name(), computer, bulletin, owner, reason, expires, address);
    }

    /**
     * A computer id, or a host name resolved to the one computer in the viewer's scope that has it (case-insensitive). An
     * unknown name or one several computers share is a 400 on {@code computerId} that says so (and lists the ids).
     */
    static String computerId(WebServices services, org.patchlake.web.auth.Scope scope, String idOrHostname) {
        if (services.reports().computer(idOrHostname, ReportParameters.none(), scope).isPresent()) {
            return idOrHostname;
        }
        List<String> named = services.reports().computersNamed(idOrHostname, scope);
        if (named.size() == 1) {
            return named.get(0);
        }
        if (named.isEmpty()) {
            throw new BadParameterException("computerId", "no computer with the id or host name '" + idOrHostname
                    + "' in the current snapshot within your scope");
        }
        throw new BadParameterException("computerId", "the host name '" + idOrHostname + "' belongs to " + named.size()
                + " computers in your scope (" + String.join(", ", named) + "): give the computer id");
    }

    private void revokeException(Context ctx) {
        Viewer viewer = AccessControl.require(ctx, Permission.MANAGE_EXCEPTIONS);
        int id = Forms.pathId(ctx);
        revoke(services, viewer, id, ctx.ip());
        ctx.redirect("/admin/exceptions?done=" + Formats.url("revoked exception " + id));
    }

    /**
     * Shared with the JSON API: revokes an exception on a computer the viewer sees; one on a computer outside the
     * viewer's scope answers exactly as an id that does not exist.
     */
    public static ComplianceException revoke(WebServices services, Viewer viewer, long id, String address) {
        services.compliance().store().exception(id).filter(exception -> visible(services, viewer, exception.computerId()))
                .orElseThrow(() -> WebException.notFound("no exception with id " + id));
        return services.compliance().revokeException(viewer.user().name(), id, address);
    }

    /** True when the computer is in the current snapshot within the viewer's scope (always, for every region). */
    private static boolean visible(WebServices services, Viewer viewer, String computerId) {
        return viewer.user().scope().allRegions()
                || services.reports().computer(computerId, ReportParameters.none(), viewer.user().scope()).isPresent();
    }

    private static ZoneId zone(Viewer viewer) {
        return viewer.user().timeZone();
    }

    /** An exception expires at most this far ahead: a security exception is reviewed, not granted for ever. */
    static final java.time.Duration MAX_EXCEPTION_LIFETIME = java.time.Duration.ofDays(3653);

    static WebException notFound(String message) {
        return WebException.notFound(message);
    }
}
