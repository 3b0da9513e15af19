package org.patchlake.agent.it;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.patchlake.agent.SettableClock;
import org.patchlake.core.protocol.AgentSignature;
import org.patchlake.core.protocol.InstallerKind;
import org.patchlake.core.protocol.Policy;
import org.patchlake.core.protocol.PolicySet;
import org.patchlake.core.protocol.PolicyUpdate;
import org.patchlake.ingest.IngestConfig;
import org.patchlake.ingest.IngestServer;
import org.patchlake.ingest.IngestService;
import org.patchlake.ingest.http.ProtocolJson;
import org.patchlake.ingest.landing.LandedEnvelopes;
import org.patchlake.ingest.registry.AgentRegistry;

/**
 * A real ingest server (port 0, temporary data directory, the test's clock) that can be stopped and started
 * again on the same port, a settable list of policies it hands out, and a small package server.
 */
final class IngestHarness implements AutoCloseable {

    final Path data;
    final SettableClock clock;
    final String token;
    final AtomicReference<List<Policy>> policies = new AtomicReference<>(List.of());
    final AtomicReference<List<org.patchlake.core.protocol.ComputerAction>> actions = new AtomicReference<>(List.of());
    /** Settings handed out at check-in instead of the server's own, when set. */
    final AtomicReference<org.patchlake.core.protocol.AgentSettings> settings = new AtomicReference<>();
    private final HttpServer packages;
    private IngestServer server;
    private int port;

    IngestHarness(Path data, SettableClock clock) throws IOException {
        this.data = data;
        this.clock = clock;
        this.token = new AgentRegistry(data.resolve("ingest"), new ProtocolJson().mapper(), new SecureRandom(), clock)
            .createToken("berlin", "emea", null).clearText();
        this.packages = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        this.packages.start();
        start();
    }

    void start() {
        IngestConfig config = IngestConfig.defaults(data).withPort(port);
        server = IngestServer.start(IngestService.open(config,
            (computerId, now, defaults) -> new PolicySet(computerId, now, policies.get(),
                settings.get() == null ? defaults : settings.get(), actions.get()), clock));
        port = server.port();
    }

    void stop() {
        server.close();
        server = null;
    }

    URI uri() {
        return URI.create("http://127.0.0.1:" + port);
    }

    /** Serves {@code content} at a URL and returns the URL and the content's SHA-256. */
    String[] servePackage(String name, byte[] content) {
        packages.createContext("/packages/" + name, exchange -> {
            exchange.sendResponseHeaders(200, content.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(content);
            }
        });
        return new String[] {"http://127.0.0.1:" + packages.getAddress().getPort() + "/packages/" + name,
            HexFormat.of().formatHex(AgentSignature.sha256(content))};
    }

    /** Serves a small MSU package for {@code kb} and returns the policy entry that points at it (URL and SHA-256). */
    PolicyUpdate servedMsu(String kb, String product) {
        String[] served = servePackage(kb + ".msu", ("package " + kb).getBytes(StandardCharsets.UTF_8));
        return new PolicyUpdate(kb, product, served[0], served[1], InstallerKind.MSU, null);
    }

    /** Envelopes landed for a kind, sealing open files first. */
    List<JsonNode> landed(String kind) {
        if (server != null) {
            server.service().sealLanding();
        }
        return LandedEnvelopes.read(data, kind);
    }

    @Override
    public void close() {
        if (server != null) {
            server.close();
        }
        packages.stop(0);
    }
}
