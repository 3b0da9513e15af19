package org.patchlake.ingest;

import io.javalin.Javalin;

/** The standalone ingest HTTP server: a Javalin app with only the agent routes, over an {@link IngestService}. */
public final class IngestServer implements AutoCloseable {
    private final IngestService service;
    private final Javalin app;

    private IngestServer(IngestService service, Javalin app) {
        this.service = service;
        this.app = app;
    }

    /** Builds the app (same factory for {@code main} and tests) and starts it on the configured port. */
    public static IngestServer start(IngestService service) {
        Javalin app = create(service);
        app.start("0.0.0.0", service.config().port());
        return new IngestServer(service, app);
    }

    public static Javalin create(IngestService service) {
        Javalin app = Javalin.create(config -> {
            config.showJavalinBanner = false;
            config.useVirtualThreads = false;
            config.http.maxRequestSize = service.config().maxBodyBytes();
            config.http.disableCompression();
            config.jetty.modifyServer(server -> server.setStopTimeout(5_000));
        });
        IngestRoutes.register(app, service);
        return app;
    }

    public int port() {
        return app.port();
    }

    public IngestService service() {
        return service;
    }

    /** Stops HTTP first (in-flight requests finish), then seals landing. */
    @Override
    public void close() {
        app.stop();
        service.close();
    }
}
