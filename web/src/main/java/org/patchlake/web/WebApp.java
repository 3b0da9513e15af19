package org.patchlake.web;

import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.staticfiles.Location;
import io.javalin.json.JavalinJackson;
import org.patchlake.web.compliance.CompliancePages;
import org.patchlake.web.enrollment.TokenPages;
import org.patchlake.web.users.UserPages;
import org.patchlake.web.api.ApiRoutes;
import org.patchlake.web.http.AccessControl;
import org.patchlake.web.http.ErrorMapping;
import org.patchlake.web.http.WebException;
import org.patchlake.web.jobs.ExportJobs;
import org.patchlake.web.jobs.JobPages;
import org.patchlake.web.report.DashboardPage;
import org.patchlake.web.report.ReportPages;
import org.patchlake.web.auth.SignInPage;
import org.patchlake.web.mail.MailPages;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Builds the Javalin app from its dependencies; {@link ServeCommand} and the tests use the same factory.
 * Handlers are thin: read and check input, call a service, render.
 */
public final class WebApp {
    private static final Logger LOG = LoggerFactory.getLogger(WebApp.class);
    private static final String STARTED = "patchlake.started";

    private WebApp() {
    }

    public static Javalin create(WebConfig config, WebServices services) {
        boolean tls = config.tls() != null;
        AccessControl access = new AccessControl(services.auth(), tls);
        Javalin app = Javalin.create(c -> {
            c.showJavalinBanner = false;
            c.jsonMapper(new JavalinJackson(services.json(), false));
            c.http.maxRequestSize = config.maxRequestBytes();
            c.staticFiles.add(s -> {
                s.hostedPath = "/static";
                s.directory = "/org/patchlake/web/static";
                s.location = Location.CLASSPATH;
            });
            if (tls) {
                c.jetty.addConnector((server, httpConfiguration) -> TlsConnector.create(server, httpConfiguration, config));
            }
        });
        ErrorMapping.register(app, services.json());
        app.before(ctx -> ctx.attribute(STARTED, System.nanoTime()));
        app.before(ctx -> org.patchlake.web.http.TimeParameters.stamp(ctx, services.clock().instant()));
        app.before(ctx -> headers(ctx, tls));
        app.before(access::before);
        app.after(ctx -> after(ctx, services, tls));
        registerMetrics(services);

        app.get("/", ctx -> ctx.redirect("/dashboard"));
        app.get("/health", ctx -> health(ctx, services));
        app.get("/metrics", ctx -> metrics(ctx, config, services));
        new SignInPage(services.auth(), access, services.clock()).register(app);
        DashboardPage dashboard = new DashboardPage(services);
        app.get("/dashboard", dashboard::handle);
        ExportJobs exportJobs = new ExportJobs(services.jobs(), services.exports(), config.opsDirectory().resolve("exports"),
                services.metrics(), services.clock());
        new ReportPages(services, exportJobs).register(app);
        new UserPages(services).register(app);
        new CompliancePages(services).register(app);
        new TokenPages(services).register(app);
        new org.patchlake.web.computers.ComputerPages(services).register(app);
        new JobPages(services).register(app);
        new ApiRoutes(services, exportJobs).register(app);
        services.schedules().register(app, services.json(), services.mailOutbox().isPresent());
        services.mailOutbox().ifPresent(outbox -> new MailPages(outbox).register(app));
        services.agentApi().register(app);
        return app;
    }

    /** Set before the handler runs, so they are on streamed pages too (sent before the handler returns). */
    private static void headers(Context ctx, boolean tls) {
        ctx.header("X-Content-Type-Options", "nosniff");
        ctx.header("X-Frame-Options", "DENY");
        ctx.header("Referrer-Policy", "same-origin");
        ctx.header("Content-Security-Policy", "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; "
                + "frame-ancestors 'none'; form-action 'self'");
        if (tls) {
            ctx.header("Strict-Transport-Security", "max-age=31536000");
        }
        if (!ctx.path().startsWith("/static/")) {
            ctx.header("Cache-Control", "no-store");
        }
    }

    private static void after(Context ctx, WebServices services, boolean tls) {
        Long started = ctx.attribute(STARTED);
        double seconds = started == null ? 0 : (System.nanoTime() - started) / 1e9;
        int status = ctx.statusCode();
        String path = ctx.path();
        if (path.startsWith("/api/agent/")) {
            if (status >= 200 && status < 300 && ctx.method() == io.javalin.http.HandlerType.POST) {
                services.etl().backlog().acknowledged();   // enrollment, inventory or deliveries: durable in landing
            }
            services.metrics().increment("patchlake_ingest_requests_total", "Agent API requests by outcome",
                    "outcome", status < 400 ? "ok" : status < 500 ? "rejected" : "error");
            services.metrics().observe("patchlake_ingest_request_duration_seconds", "Agent API request time", seconds);
        } else if (!path.startsWith("/static/")) {
            services.metrics().increment("patchlake_http_requests_total", "Web requests by status class", "status", (status / 100) + "xx");
            services.metrics().observe("patchlake_http_request_duration_seconds", "Web request time", seconds);
        }
        String user = AccessControl.optionalViewer(ctx).map(v -> v.user().name()).orElse("-");
        LOG.info("event=request method={} path={} status={} ms={} user={} address={}", ctx.method(), path, status,
                String.format(java.util.Locale.ROOT, "%.1f", seconds * 1000), user, ctx.ip());
    }

    private static void registerMetrics(WebServices services) {
        services.metrics().gauge("patchlake_etl_oldest_unprocessed_upload_seconds",
                "Seconds the oldest acknowledged agent upload has waited for a finished ETL run (0 when none waits)",
                () -> services.etl().backlog().oldestUnprocessedAge().map(age -> age.toMillis() / 1000.0).orElse(0.0));
        services.metrics().gauge("patchlake_snapshot_age_seconds", "Seconds since the data of the current warehouse snapshot",
                () -> services.reports().snapshot()
                        .map(s -> (double) Duration.between(s.dataAsOf(), services.clock().instant()).toSeconds())
                        .orElse(Double.NaN));
    }

    private static void health(Context ctx, WebServices services) {
        Map<String, Object> health = new LinkedHashMap<>();
        health.put("status", "ok");
        health.put("time", services.clock().instant().toString());
        health.put("opsStore", services.users().count() >= 0 ? "ok" : "error");
        services.reports().snapshot().ifPresentOrElse(snapshot -> {
            health.put("snapshot", snapshot.id());
            health.put("dataAsOf", snapshot.dataAsOf().toString());
            health.put("snapshotAgeSeconds", Duration.between(snapshot.dataAsOf(), services.clock().instant()).toSeconds());
        }, () -> health.put("snapshot", null));
        ctx.json(health);
    }

    private static void metrics(Context ctx, WebConfig config, WebServices services) {
        if (config.metricsToken() == null
                || !AccessControl.constantTimeEquals(ctx.header("Authorization"), "Bearer " + config.metricsToken())) {
            ctx.header("WWW-Authenticate", "Bearer realm=\"patchlake metrics\"");
            throw new WebException(401, "unauthenticated", "metrics need Authorization: Bearer <metrics token> (--metrics-token, "
                    + "or the token in DATA/ops/metrics-token)");
        }
        ctx.contentType("text/plain; version=0.0.4; charset=utf-8").result(services.metrics().render());
    }
}
