package org.patchlake.web.events;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import java.util.zip.GZIPOutputStream;

import static java.util.Objects.requireNonNull;

/**
 * Appends operational changes that affect compliance (exception, custom severity, SLA policy, remediation
 * policy) to {@code DATA/landing/event/dt=YYYY-MM-DD/<node>-<seq>.jsonl.gz} as {@code event} envelopes, so ETL
 * folds them in like agent data. Each file is written complete under {@code landing/_incoming/event/dt=...}, forced
 * to disk and renamed into place (a file a killed server left in {@code _incoming} is sealed by ingest's recovery). The payload schema is documented in web/README.md.
 */
public final class EventLanding {
    public static final int PROTOCOL_VERSION = 1;
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy-MM-dd").withZone(ZoneOffset.UTC);

    private final Path landing;
    private final String node;
    private final Clock clock;
    private final ObjectMapper json;
    private final AtomicLong sequence;

    public EventLanding(Path landing, String node, Clock clock, ObjectMapper json) {
        this.landing = requireNonNull(landing, "landing is null");
        this.node = requireNonNull(node, "node is null").replaceAll("[^A-Za-z0-9_.-]", "_");
        this.clock = requireNonNull(clock, "clock is null");
        this.json = requireNonNull(json, "json is null");
        // Sequence numbers start at the current time so a restarted server never reuses a file name.
        this.sequence = new AtomicLong(clock.millis() * 1000);
    }

    /**
     * Lands one event and returns the file written.
     *
     * @param eventType  exception | custom_severity | sla_policy | remediation_policy
     * @param computerId the computer the event is about, or null
     * @param fields     the event's fields (the payload besides eventType and at)
     */
    public Path append(String eventType, String computerId, Map<String, ?> fields) {
        Instant now = clock.instant();
        ObjectNode payload = json.createObjectNode();
        payload.put("type", eventType);
        payload.put("eventType", eventType);
        payload.put("at", now.toString());
        payload.setAll((ObjectNode) json.valueToTree(fields));
        ObjectNode envelope = json.createObjectNode();
        envelope.put("messageId", "web-" + UUID.randomUUID());
        envelope.put("kind", "event");
        if (computerId == null) {
            envelope.putNull("computerId");
        } else {
            envelope.put("computerId", computerId);
        }
        envelope.put("receivedAt", now.toString());
        envelope.put("protocolVersion", PROTOCOL_VERSION);
        envelope.set("payload", payload);

        String fileName = node + "-" + sequence.incrementAndGet() + ".jsonl.gz";
        // _incoming mirrors landing's layout (dt= folder included), so if the server dies before the rename, ingest's
        // recovery at the next start seals the file where ETL reads it; it is forced to disk before it is renamed.
        String day = "dt=" + DAY.format(now);
        Path incoming = landing.resolve("_incoming").resolve("event").resolve(day).resolve(fileName);
        Path target = landing.resolve("event").resolve(day).resolve(fileName);
        try {
            Files.createDirectories(incoming.getParent());
            Files.createDirectories(target.getParent());
            try (FileChannel channel = FileChannel.open(incoming, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
                 GZIPOutputStream out = new GZIPOutputStream(Channels.newOutputStream(channel))) {
                out.write(json.writeValueAsString(envelope).getBytes(StandardCharsets.UTF_8));
                out.write('\n');
                out.finish();
                channel.force(true);
            }
            Files.move(incoming, target, StandardCopyOption.ATOMIC_MOVE);
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot land " + eventType + " event as " + target, e);
        }
    }
}
