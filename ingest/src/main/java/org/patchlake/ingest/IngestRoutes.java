package org.patchlake.ingest;

import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import io.javalin.http.HandlerType;
import java.util.Map;
import org.patchlake.core.protocol.AgentProtocol;
import org.patchlake.core.protocol.DeliveryReport;
import org.patchlake.core.protocol.EnrollRequest;
import org.patchlake.core.protocol.ErrorCode;
import org.patchlake.core.protocol.InventoryReport;
import org.patchlake.ingest.http.ProtocolJson;
import org.patchlake.ingest.http.RequestAuthenticator;
import org.patchlake.ingest.http.RequestBody;
import org.patchlake.ingest.http.TimeWindow;
import org.patchlake.ingest.landing.GzipJson;
import org.patchlake.ingest.landing.RawJson;
import org.patchlake.ingest.landing.SentJson;

/**
 * Mounts protocol v1 on a Javalin app: the standalone ingest server and the web module call the same
 * {@link #register(Javalin, IngestService)}. Handlers are thin: bounded body, authenticate, parse and
 * validate, hand to {@link IngestService}, answer.
 */
public final class IngestRoutes {
    private static final Map<String, HandlerType> ROUTES = Map.of(
            AgentProtocol.ENROLL_PATH, HandlerType.POST,
            AgentProtocol.INVENTORY_PATH, HandlerType.POST,
            AgentProtocol.DELIVERIES_PATH, HandlerType.POST,
            AgentProtocol.POLICIES_PATH, HandlerType.GET);

    private final IngestService service;
    private final ProtocolJson json;
    private final RequestBody bodies;
    private final RequestAuthenticator authenticator;

    private IngestRoutes(IngestService service) {
        this.service = service;
        this.json = service.json();
        this.bodies = new RequestBody(service.config().maxBodyBytes(), service.config().maxDecompressedBytes());
        this.authenticator = new RequestAuthenticator(service.registry(), service.config().clockSkew(), service.clock());
    }

    public static void register(Javalin app, IngestService service) {
        IngestRoutes routes = new IngestRoutes(service);
        app.before(AgentProtocol.PREFIX + "*", routes.guarded(routes::checkRoute));
        app.post(AgentProtocol.ENROLL_PATH, routes.guarded(routes::enroll));
        app.post(AgentProtocol.INVENTORY_PATH, routes.guarded(routes::inventory));
        app.post(AgentProtocol.DELIVERIES_PATH, routes.guarded(routes::deliveries));
        app.get(AgentProtocol.POLICIES_PATH, routes.guarded(routes::policies));
        app.exception(IngestException.class, (failure, ctx) -> IngestErrors.render(failure, ctx, routes.json));
    }

    private void checkRoute(Context ctx) {
        String path = ctx.path();
        if (!path.startsWith(AgentProtocol.BASE_PATH + "/")) {
            throw new IngestException(ErrorCode.UNSUPPORTED_PROTOCOL_VERSION, "path", "unsupported protocol version in " + path
                    + "; this server speaks v" + AgentProtocol.VERSION + " (" + AgentProtocol.BASE_PATH + "/...)");
        }
        HandlerType method = ROUTES.get(path);
        if (method == null) {
            throw new IngestException(ErrorCode.NOT_FOUND, "path", "no such endpoint: " + path);
        }
        if (method != ctx.method()) {
            throw new IngestException(ErrorCode.METHOD_NOT_ALLOWED, "method", path + " accepts " + method + " only");
        }
    }

    private void enroll(Context ctx) {
        EnrollRequest request = json.read(body(ctx), EnrollRequest.class, timeWindow());
        respond(ctx, service.enroll(request));
    }

    private void inventory(Context ctx) {
        byte[] raw = raw(ctx);
        RequestAuthenticator.Authenticated agent = authenticate(ctx, raw);
        RequestBody.Decoded sent = bodies.decode(raw, ctx.header("Content-Encoding"));
        ProtocolJson.Parsed<InventoryReport> report = json.parse(sent.json(), InventoryReport.class, timeWindow());
        checkIdentity(agent, report.value().computerId(), report.value().messageId());
        receipt(ctx, service.storeInventory(agent.computer(), report.value(), asSent(sent, report)));
    }

    private void deliveries(Context ctx) {
        byte[] raw = raw(ctx);
        RequestAuthenticator.Authenticated agent = authenticate(ctx, raw);
        RequestBody.Decoded sent = bodies.decode(raw, ctx.header("Content-Encoding"));
        ProtocolJson.Parsed<DeliveryReport> report = json.parse(sent.json(), DeliveryReport.class, timeWindow());
        checkIdentity(agent, report.value().computerId(), report.value().messageId());
        receipt(ctx, service.storeDeliveries(agent.computer(), report.value(), asSent(sent, report)));
    }

    /**
     * How the validated body lands: in the agent's own gzip member when that holds the JSON as one line without a
     * byte order mark (nothing to change, so nothing to recompress), else as the inflated JSON.
     */
    private static SentJson asSent(RequestBody.Decoded sent, ProtocolJson.Parsed<?> parsed) {
        byte[] json = sent.json();
        boolean byteOrderMark = json.length >= 3 && (json[0] & 0xff) == 0xEF && (json[1] & 0xff) == 0xBB && (json[2] & 0xff) == 0xBF;
        if (sent.plainGzipMember() != null && parsed.singleLine() && !byteOrderMark) {
            return new GzipJson(sent.plainGzipMember());
        }
        return new RawJson(json);
    }

    private void policies(Context ctx) {
        RequestAuthenticator.Authenticated agent = authenticate(ctx, raw(ctx));
        respond(ctx, service.policies(agent.computer()));
    }

    /** The times an agent message may carry now: from 2000 to {@code maxTimestampAhead} past server time. */
    private TimeWindow timeWindow() {
        return TimeWindow.upTo(service.now(), service.config().maxTimestampAhead());
    }

    private byte[] raw(Context ctx) {
        try {
            return bodies.read(ctx.req().getContentLengthLong(), ctx.req().getInputStream());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException("cannot read request body", e);
        }
    }

    private byte[] body(Context ctx) {
        return bodies.decode(raw(ctx), ctx.header("Content-Encoding")).json();
    }

    private RequestAuthenticator.Authenticated authenticate(Context ctx, byte[] raw) {
        return authenticator.authenticate(ctx.method().name(), ctx.path(), ctx::header, raw);
    }

    private static void checkIdentity(RequestAuthenticator.Authenticated agent, String computerId, String messageId) {
        if (!agent.computer().computerId().equals(computerId)) {
            throw new IngestException(ErrorCode.MISMATCH, "computerId", "field computerId '" + computerId
                    + "' differs from header " + AgentProtocol.HEADER_COMPUTER + " '" + agent.computer().computerId() + "'");
        }
        if (!agent.nonce().equals(messageId)) {
            throw new IngestException(ErrorCode.MISMATCH, "messageId", "field messageId '" + messageId
                    + "' differs from header " + AgentProtocol.HEADER_NONCE + " '" + agent.nonce() + "'");
        }
    }

    private void receipt(Context ctx, IngestService.Receipt receipt) {
        if (receipt.duplicate()) {
            ctx.header(AgentProtocol.HEADER_DUPLICATE, "true");
        }
        respond(ctx, receipt.ack());
    }

    /**
     * Writes the answer straight to the response: a result handed to Javalin is copied through a fresh 32 KiB
     * buffer per request, which was a fifth of all the memory an upload allocated.
     */
    private void respond(Context ctx, Object value) {
        byte[] body = json.write(value);
        ctx.status(200).contentType("application/json");
        ctx.res().setContentLength(body.length);
        try {
            ctx.res().getOutputStream().write(body);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException("cannot write the answer", e);
        }
    }

    private Handler guarded(Handler handler) {
        return ctx -> {
            try {
                handler.handle(ctx);
            } catch (Exception failure) {
                throw IngestErrors.translate(failure);
            }
        };
    }
}
