package org.patchlake.ingest.landing;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import static java.util.Objects.requireNonNull;

/**
 * Group-commit writer of landing files. Request threads serialize and gzip their envelope ({@link #append});
 * one writer thread takes everything queued, writes it, forces the files once for the whole group, and only
 * then completes the futures, so a request answered 2xx has durable bytes and many requests share one fsync.
 *
 * <p>Files live in {@code LANDING/_incoming/<kind>/dt=YYYY-MM-DD/<node>-<seq>.jsonl.gz} while written and are
 * renamed to {@code LANDING/<kind>/dt=YYYY-MM-DD/} when they reach the size or age limit, on {@link #sealAll()}
 * and on {@link #close()}. Each group commit appends one gzip member per message, so a file cut by a crash is
 * valid up to its last complete member ({@link LandingRecovery}).
 */
public final class LandingWriter implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(LandingWriter.class);
    private static final int MAX_BATCH = 4096;
    private static final Duration SEAL_RETRY = Duration.ofSeconds(5);

    private final LandingLayout layout;
    private final long rollBytes;
    private final Duration rollAge;
    private final DedupIndex dedup;
    private final LandingLines lines;
    private final Clock clock;
    private final LandingChannels channels;
    private final LinkedBlockingQueue<Task> queue = new LinkedBlockingQueue<>();
    /** Appenders share it (read lock), so they never queue behind each other; closing takes it alone. */
    private final ReentrantReadWriteLock admission = new ReentrantReadWriteLock();
    private final Map<String, LandingFile> openFiles = new HashMap<>();
    /** Files that take no more lines and wait to be sealed (oldest first). */
    private final List<LandingFile> unsealed = new ArrayList<>();
    private Instant sealRetryAt = Instant.MIN;
    private final Thread thread;
    private final java.util.concurrent.atomic.AtomicLong groupCommits = new java.util.concurrent.atomic.AtomicLong();
    private volatile boolean closing;

    public LandingWriter(LandingLayout layout, long rollBytes, Duration rollAge, int compressionLevel, DedupIndex dedup,
            ObjectMapper mapper, Clock clock) {
        this(layout, rollBytes, rollAge, compressionLevel, dedup, mapper, clock, LandingChannels.FILE_SYSTEM);
    }

    public LandingWriter(LandingLayout layout, long rollBytes, Duration rollAge, int compressionLevel, DedupIndex dedup,
            ObjectMapper mapper, Clock clock, LandingChannels channels) {
        this.layout = requireNonNull(layout, "layout is null");
        this.rollBytes = rollBytes;
        this.rollAge = requireNonNull(rollAge, "rollAge is null");
        this.dedup = requireNonNull(dedup, "dedup is null");
        this.lines = new LandingLines(compressionLevel, mapper);
        this.clock = requireNonNull(clock, "clock is null");
        this.channels = requireNonNull(channels, "channels is null");
        this.thread = new Thread(this::run, "landing-writer");
        this.thread.setDaemon(false);
        this.thread.start();
    }

    /** Appends one envelope; the future completes when its bytes are durable (or fails with the I/O error). */
    public CompletableFuture<Void> append(LandingEnvelope envelope) {
        ByteBuffer[] members;
        try {
            members = lines.members(envelope);
        } catch (JsonProcessingException e) {
            return CompletableFuture.failedFuture(new IllegalArgumentException("cannot serialize envelope " + envelope.messageId(), e));
        }
        return enqueue(new Task(envelope, members, new CompletableFuture<>()));
    }

    /** Seals every open file into landing (e.g. before an ETL run in a demo, or in tests). */
    public CompletableFuture<Void> sealAll() {
        return enqueue(new Task(null, null, new CompletableFuture<>()));
    }

    private CompletableFuture<Void> enqueue(Task task) {
        admission.readLock().lock();
        try {
            if (closing) {
                return CompletableFuture.failedFuture(new IllegalStateException("landing writer is closed"));
            }
            queue.add(task);
        } finally {
            admission.readLock().unlock();
        }
        return task.done;
    }

    private void run() {
        List<Task> batch = new ArrayList<>();
        while (true) {
            Task first;
            try {
                first = queue.poll(200, TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
            if (first == null) {
                admission.writeLock().lock();
                try {
                    if (closing && queue.isEmpty()) {
                        break;
                    }
                } finally {
                    admission.writeLock().unlock();
                }
            } else {
                batch.add(first);
                queue.drainTo(batch, MAX_BATCH);
                try {
                    commit(batch);
                } catch (RuntimeException unexpected) {
                    log.error("group commit failed unexpectedly; {} message(s) not acknowledged", batch.size(), unexpected);
                    batch.forEach(task -> task.done.completeExceptionally(unexpected));
                }
                batch.clear();
            }
            try {
                sealDue(clock.instant());
            } catch (RuntimeException unexpected) {
                log.error("sealing landing files failed unexpectedly", unexpected);
            }
        }
        sealOpenFiles();
        for (LandingFile file : unsealed) {
            log.error("landing file {} could not be sealed before shutdown; it stays in _incoming and is recovered at the next start",
                    file.target());
            file.close();
        }
        unsealed.clear();
    }

    private void commit(List<Task> batch) {
        Map<LandingFile, List<Task>> byFile = new LinkedHashMap<>();
        List<Task> sealRequests = new ArrayList<>();
        for (Task task : batch) {
            if (task.envelope == null) {
                sealRequests.add(task);
                continue;
            }
            try {
                byFile.computeIfAbsent(fileFor(task.envelope), file -> new ArrayList<>()).add(task);
            } catch (IOException | RuntimeException e) {
                task.done.completeExceptionally(e);
            }
        }
        List<DedupIndex.Entry> durable = new ArrayList<>(batch.size());
        List<Task> succeeded = new ArrayList<>(batch.size());
        if (!byFile.isEmpty()) {
            groupCommits.incrementAndGet();
        }
        byFile.forEach((file, tasks) -> {
            try {
                file.write(tasks.stream().flatMap(task -> java.util.Arrays.stream(task.members)).toArray(ByteBuffer[]::new));
                file.force();
                for (Task task : tasks) {
                    durable.add(DedupIndex.Entry.of(task.envelope));
                    succeeded.add(task);
                }
            } catch (IOException | RuntimeException e) {
                log.error("landing write to {} failed; {} message(s) not acknowledged", file.target(), tasks.size(), e);
                tasks.forEach(task -> task.done.completeExceptionally(e));
                abandon(file);
            }
        });
        try {
            dedup.record(durable);
        } catch (RuntimeException e) {
            // The landing bytes are durable: acknowledge. The ids are known in memory and stay pending for the log; the
            // files holding them are sealed only once the log has them (until then recovery would re-read them).
            log.error("dedup log append failed for {} message(s): {}", durable.size(), e.getMessage());
        }
        succeeded.forEach(task -> task.done.complete(null));
        if (!sealRequests.isEmpty()) {
            sealOpenFiles();
            sealRequests.forEach(task -> task.done.complete(null));
        }
    }

    private LandingFile fileFor(LandingEnvelope envelope) throws IOException {
        LocalDate day = DedupIndex.day(envelope.receivedAt());
        String key = envelope.kind() + "/" + day;
        LandingFile file = openFiles.get(key);
        if (file == null) {
            Instant now = clock.instant();
            String name = layout.nextFileName(now);
            file = LandingFile.create(layout.incoming(envelope.kind(), day, name), layout.sealed(envelope.kind(), day, name), now, channels);
            openFiles.put(key, file);
        }
        return file;
    }

    private void sealDue(Instant now) {
        Iterator<LandingFile> files = openFiles.values().iterator();
        while (files.hasNext()) {
            LandingFile file = files.next();
            if (file.length() >= rollBytes || !now.isBefore(file.openedAt().plus(rollAge))) {
                files.remove();
                unsealed.add(file);
            }
        }
        sealWaiting(now);
    }

    /** Seals every open file now; one that cannot be sealed yet is retried like any other. */
    private void sealOpenFiles() {
        unsealed.addAll(openFiles.values());
        openFiles.clear();
        sealRetryAt = Instant.MIN;
        sealWaiting(clock.instant());
    }

    /**
     * Seals the files that take no more lines, oldest first. One that cannot be sealed yet (its dedup ids or the rename
     * need space the disk does not have) stays in {@code _incoming}, complete and readable by recovery, and is retried
     * after {@link #SEAL_RETRY}; ingest goes on taking uploads into new files meanwhile.
     */
    private void sealWaiting(Instant now) {
        if (unsealed.isEmpty() || now.isBefore(sealRetryAt)) {
            return;
        }
        Iterator<LandingFile> waiting = unsealed.iterator();
        while (waiting.hasNext()) {
            LandingFile file = waiting.next();
            try {
                dedup.sync();
                file.seal();
                waiting.remove();
            } catch (IOException | RuntimeException e) {
                sealRetryAt = now.plus(SEAL_RETRY);
                log.error("cannot seal landing file {} yet ({}); retrying in {} s (a restart recovers it too)", file.target(),
                        e.getMessage(), SEAL_RETRY.toSeconds());
                return;
            }
        }
    }

    /** After a failed write: cut back to the last durable commit, then seal what is durable (no new lines go there). */
    private void abandon(LandingFile file) {
        openFiles.values().remove(file);
        try {
            file.rollBack();
        } catch (IOException | RuntimeException e) {
            log.error("cannot roll back landing file {}; it stays in _incoming, where recovery trims it at the next start",
                    file.target(), e);
            file.close();
            return;
        }
        unsealed.add(file);
        sealWaiting(clock.instant());
    }

    /** How many group commits (write + fsync rounds) ran so far. */
    public long groupCommits() {
        return groupCommits.get();
    }

    /** Stops accepting, writes what is queued, seals every file. */
    @Override
    public void close() {
        admission.writeLock().lock();
        try {
            closing = true;
        } finally {
            admission.writeLock().unlock();
        }
        try {
            thread.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        dedup.close();
    }

    private record Task(LandingEnvelope envelope, ByteBuffer[] members, CompletableFuture<Void> done) {
    }
}
