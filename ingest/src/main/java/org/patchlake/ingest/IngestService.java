package org.patchlake.ingest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.StandardOpenOption;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.patchlake.core.protocol.Ack;
import org.patchlake.core.protocol.AgentProtocol;
import org.patchlake.core.protocol.DeliveryReport;
import org.patchlake.core.protocol.EnrollRequest;
import org.patchlake.core.protocol.EnrollResponse;
import org.patchlake.core.protocol.ErrorCode;
import org.patchlake.core.protocol.InventoryReport;
import org.patchlake.core.protocol.PolicySet;
import org.patchlake.ingest.http.ProtocolJson;
import org.patchlake.ingest.landing.ComputerMoveRecord;
import org.patchlake.ingest.landing.DedupIndex;
import org.patchlake.ingest.landing.EnrollmentRecord;
import org.patchlake.ingest.landing.LandingEnvelope;
import org.patchlake.ingest.landing.LandingKind;
import org.patchlake.ingest.landing.LandingLayout;
import org.patchlake.ingest.landing.LandingRecovery;
import org.patchlake.ingest.landing.LandingWriter;
import org.patchlake.ingest.landing.SentJson;
import org.patchlake.ingest.policy.PolicySource;
import org.patchlake.ingest.registry.AgentRegistry;
import org.patchlake.ingest.registry.EnrolledComputer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Ingest without HTTP: enrollment, idempotent durable storage of agent messages, policies. Owns the landing
 * writer, the dedup index and the agent registry of one node over one data directory (an OS lock keeps a
 * second process with the same node name away).
 */
public final class IngestService implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(IngestService.class);
    private static final long STORE_TIMEOUT_SECONDS = 30;

    private final IngestConfig config;
    private final Clock clock;
    private final ProtocolJson json;
    private final AgentRegistry registry;
    private final DedupIndex dedup;
    private final LandingWriter writer;
    private final PolicySource policies;
    private final Map<String, CompletableFuture<Instant>> inFlight = new ConcurrentHashMap<>();
    private final ScheduledExecutorService housekeeping;
    private final FileChannel lockChannel;
    private final FileLock lock;
    private boolean closed;

    private IngestService(IngestConfig config, PolicySource policies, Clock clock) throws IOException {
        this.config = config;
        this.clock = clock;
        this.policies = policies;
        this.json = new ProtocolJson();
        Files.createDirectories(config.ingestDirectory());
        this.lockChannel = FileChannel.open(config.ingestDirectory().resolve("node-" + config.node() + ".lock"),
                StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        this.lock = lockChannel.tryLock();
        if (lock == null) {
            lockChannel.close();
            throw new IllegalStateException("another ingest process with node name '" + config.node() + "' is running on "
                    + config.dataDirectory() + " (pass --node NAME to run a second node)");
        }
        this.registry = new AgentRegistry(config.ingestDirectory(), json.mapper(), new SecureRandom(), clock);
        this.dedup = DedupIndex.open(config.ingestDirectory().resolve("dedup-" + config.node()), config.dedupWindow(), clock.instant());
        LandingLayout layout = new LandingLayout(config.landingDirectory(), config.node());
        LandingRecovery.Result recovered = new LandingRecovery(layout, dedup, json.mapper()).recover();
        this.writer = new LandingWriter(layout, config.rollBytes(), config.rollAge(), config.compressionLevel(), dedup,
                json.mapper(), clock);
        this.housekeeping = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "ingest-housekeeping");
            thread.setDaemon(true);
            return thread;
        });
        housekeeping.scheduleWithFixedDelay(this::refreshRegistry, 1, 1, TimeUnit.SECONDS);
        housekeeping.scheduleWithFixedDelay(() -> dedup.purge(clock.instant()), 1, 60, TimeUnit.MINUTES);
        log.info("ingest over {} (node {}): {} message ids in the dedup window, recovered {} file(s) / {} message(s) from _incoming",
                config.dataDirectory(), config.node(), dedup.size(), recovered.files(), recovered.messages());
    }

    public static IngestService open(IngestConfig config, PolicySource policies, Clock clock) {
        try {
            return new IngestService(config, policies, clock);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open ingest over " + config.dataDirectory(), e);
        }
    }

    public static IngestService open(IngestConfig config) {
        return open(config, PolicySource.none(), Clock.systemUTC());
    }

    /** Result of storing a message: the acknowledgement, and whether it had been stored before. */
    public record Receipt(Ack ack, boolean duplicate) {
    }

    public EnrollResponse enroll(EnrollRequest request) {
        EnrolledComputer computer = registry.enroll(request);
        Instant now = now();
        EnrollmentRecord record = new EnrollmentRecord(computer.computerId(), request.hostname(), request.domain(), request.os(),
                request.hardwareId(), request.agentVersion(), request.computerClassHint(), request.managedLevel(), computer.site(),
                computer.region(), computer.tokenId(), computer.credentialGeneration(), computer.enrolledAt());
        String messageId = "enroll-" + computer.computerId() + "-" + computer.credentialGeneration();
        store(new LandingEnvelope(messageId, LandingKind.ENROLLMENT, computer.computerId(), now, AgentProtocol.VERSION, record));
        return new EnrollResponse(computer.computerId(), registry.secretOf(computer), now, config.agentSettings());
    }

    /**
     * Moves an enrolled computer to another site and region (an administrator's action, audited by the caller) and lands
     * the move as an {@code enrollment} line ({@link ComputerMoveRecord}), so ETL reports the computer there.
     *
     * @throws IllegalArgumentException naming what is wrong ({@link AgentRegistry.UnknownComputerException} for an
     *                                  unknown id)
     */
    public AgentRegistry.Moved moveComputer(String computerId, String site, String region, String movedBy) {
        AgentRegistry.Moved moved = registry.moveComputer(computerId, site, region, movedBy);
        EnrolledComputer before = moved.before();
        EnrolledComputer after = moved.after();
        Instant now = now();
        ComputerMoveRecord record = new ComputerMoveRecord(after.computerId(), after.hostname(), after.hardwareId(), after.site(),
                after.region(), before.site(), before.region(), after.credentialGeneration(), movedBy, now);
        store(new LandingEnvelope("move-" + after.computerId() + "-" + now.toEpochMilli(), LandingKind.ENROLLMENT,
                after.computerId(), now, AgentProtocol.VERSION, record));
        log.info("event=computer_moved computer={} from={}/{} to={}/{} by={}", computerId, before.region(), before.site(),
                after.region(), after.site(), movedBy);
        return moved;
    }

    /**
     * Stores a validated inventory. {@code asSent} is the JSON the agent sent (landed byte for byte, see
     * {@link SentJson}); null lands the report re-serialized.
     */
    public Receipt storeInventory(EnrolledComputer computer, InventoryReport report, SentJson asSent) {
        return store(new LandingEnvelope(report.messageId(), LandingKind.INVENTORY, computer.computerId(), now(),
                AgentProtocol.VERSION, asSent == null ? report : asSent));
    }

    public Receipt storeDeliveries(EnrolledComputer computer, DeliveryReport report, SentJson asSent) {
        return store(new LandingEnvelope(report.messageId(), LandingKind.DELIVERY, computer.computerId(), now(),
                AgentProtocol.VERSION, asSent == null ? report : asSent));
    }

    /** For the web module: an operational change (kind {@code event}), stored durably and once per message id. */
    public Receipt storeEvent(String messageId, Object payload) {
        return store(new LandingEnvelope(messageId, LandingKind.EVENT, null, now(), AgentProtocol.VERSION, payload));
    }

    public PolicySet policies(EnrolledComputer computer) {
        return policies.policiesFor(computer.computerId(), now(), config.agentSettings());
    }

    /**
     * Stores the envelope once: a message id already stored (or being stored by a concurrent request) gets the
     * original acknowledgement; otherwise the call returns when the bytes are durable.
     */
    public Receipt store(LandingEnvelope envelope) {
        String key = envelope.dedupKey();
        Instant stored = dedup.receivedAt(key);
        if (stored != null) {
            return new Receipt(new Ack(envelope.messageId(), stored), true);
        }
        CompletableFuture<Instant> mine = new CompletableFuture<>();
        CompletableFuture<Instant> other = inFlight.putIfAbsent(key, mine);
        if (other != null) {
            return new Receipt(new Ack(envelope.messageId(), await(other, envelope)), true);
        }
        try {
            stored = dedup.receivedAt(key);
            if (stored != null) {
                mine.complete(stored);
                return new Receipt(new Ack(envelope.messageId(), stored), true);
            }
            await(writer.append(envelope).thenApply(ignored -> envelope.receivedAt()), envelope);
            mine.complete(envelope.receivedAt());
            return new Receipt(new Ack(envelope.messageId(), envelope.receivedAt()), false);
        } catch (RuntimeException e) {
            mine.completeExceptionally(e);
            throw e;
        } finally {
            inFlight.remove(key, mine);
        }
    }

    private static Instant await(CompletableFuture<Instant> future, LandingEnvelope envelope) {
        try {
            return future.get(STORE_TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IngestException(ErrorCode.UNAVAILABLE, null, "interrupted while storing message " + envelope.messageId());
        } catch (ExecutionException | TimeoutException e) {
            Throwable cause = e instanceof ExecutionException ? e.getCause() : e;
            throw new IngestException(ErrorCode.UNAVAILABLE, null, "message " + envelope.messageId()
                    + " was not stored (" + cause + "); nothing was acknowledged, send it again", cause);
        }
    }

    /** Seals every open landing file now (returns when done). */
    public void sealLanding() {
        writer.sealAll().join();
    }

    /** Group commits (shared fsync rounds) so far; with {@code messages} stored, the sharing factor. */
    public long groupCommits() {
        return writer.groupCommits();
    }

    public AgentRegistry registry() {
        return registry;
    }

    public ProtocolJson json() {
        return json;
    }

    public IngestConfig config() {
        return config;
    }

    public Clock clock() {
        return clock;
    }

    public Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }

    private void refreshRegistry() {
        try {
            registry.refresh();
        } catch (RuntimeException e) {
            log.error("cannot refresh the agent registry", e);
        }
    }

    /** Writes what is queued, seals landing files, releases the node lock. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        housekeeping.shutdownNow();
        writer.close();
        try {
            lock.release();
            lockChannel.close();
        } catch (IOException e) {
            log.warn("cannot release ingest lock", e);
        }
    }
}
