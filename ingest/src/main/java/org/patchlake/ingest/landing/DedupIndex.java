package org.patchlake.ingest.landing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

/**
 * Which messages are already in landing (key: kind, computer, message id → receivedAt), for the dedup window.
 *
 * <p>Durability without a second fsync per group commit: entries are appended to a per-day log
 * ({@code DATA/ingest/dedup/YYYY-MM-DD.log}) after their landing bytes are durable, and the log is forced only
 * before a landing file is sealed ({@link #sync()}). So every message in a sealed landing file is in a durable
 * log, and every message in an unsealed file is re-read from {@code _incoming} by recovery at start.
 */
public final class DedupIndex implements AutoCloseable {
    private final Path directory;
    private final Duration window;
    private final LandingChannels channels;
    private final Map<String, Long> receivedAtByKey = new ConcurrentHashMap<>();
    private FileChannel log;
    private LocalDate logDay;
    /** Bytes of the open log that hold whole lines. */
    private long logLength;
    /** Lines recorded in memory whose append to the log failed; appended first next time. */
    private final StringBuilder pending = new StringBuilder();
    private LocalDate pendingDay;

    private DedupIndex(Path directory, Duration window, LandingChannels channels) {
        this.directory = directory;
        this.window = window;
        this.channels = channels;
    }

    public static DedupIndex open(Path directory, Duration window, Instant now) {
        return open(directory, window, now, LandingChannels.FILE_SYSTEM);
    }

    public static DedupIndex open(Path directory, Duration window, Instant now, LandingChannels channels) {
        DedupIndex index = new DedupIndex(directory, window, java.util.Objects.requireNonNull(channels, "channels is null"));
        try {
            Files.createDirectories(directory);
            LocalDate oldest = day(now.minus(window));
            try (Stream<Path> files = Files.list(directory)) {
                for (Path file : files.sorted().toList()) {
                    LocalDate day = dayOf(file);
                    if (day != null && !day.isBefore(oldest)) {
                        index.load(file);
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open dedup index " + directory, e);
        }
        return index;
    }

    private void load(Path file) throws IOException {
        byte[] bytes = Files.readAllBytes(file);
        int start = 0;
        for (int i = 0; i < bytes.length; i++) {
            if (bytes[i] == '\n') {
                String line = new String(bytes, start, i - start, StandardCharsets.UTF_8);
                int tab = line.indexOf('\t');
                if (tab > 0) {
                    receivedAtByKey.put(line.substring(tab + 1), Long.parseLong(line.substring(0, tab)));
                }
                start = i + 1;
            }
        }
        if (start < bytes.length) {
            // A torn last line belongs to a message whose file is still in _incoming (recovery re-adds it);
            // cut it so the next append starts on a fresh line.
            try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
                channel.truncate(start);
                channel.force(false);
            }
        }
    }

    /** When the message was first received, or null when it is not (or no longer) known. */
    public Instant receivedAt(String key) {
        Long millis = receivedAtByKey.get(key);
        return millis == null ? null : Instant.ofEpochMilli(millis);
    }

    public int size() {
        return receivedAtByKey.size();
    }

    /**
     * Records messages whose landing bytes are durable. Called by the single writer thread. When the log cannot take
     * them (no space left), the torn part is cut off again, the lines stay pending and are appended before anything
     * else at the next {@link #record} or {@link #sync}, and this throws: a landing file is sealed only after a
     * successful sync, so until then its messages are still known to recovery through {@code _incoming}.
     */
    public synchronized void record(Collection<Entry> entries) {
        if (entries.isEmpty()) {
            return;
        }
        for (Entry entry : entries) {
            long millis = entry.receivedAt().toEpochMilli();
            receivedAtByKey.put(entry.key(), millis);
            pending.append(millis).append('\t').append(entry.key()).append('\n');
            pendingDay = day(entry.receivedAt());
        }
        appendPending();
    }

    /** Appends the pending lines; the log keeps only whole lines whatever happens. */
    private void appendPending() {
        if (pending.isEmpty()) {
            return;
        }
        byte[] bytes = pending.toString().getBytes(StandardCharsets.UTF_8);
        try {
            FileChannel channel = logFor(pendingDay);
            if (channel.size() != logLength) {
                channel.truncate(logLength); // the torn end of an earlier failed append
            }
            ByteBuffer buffer = ByteBuffer.wrap(bytes);
            try {
                while (buffer.hasRemaining()) {
                    channel.write(buffer);
                }
            } catch (IOException e) {
                channel.truncate(logLength);
                throw e;
            }
            logLength += bytes.length;
            pending.setLength(0);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot append to the dedup log in " + directory + " (" + e.getMessage()
                    + "); the ids are kept and appended with the next ones", e);
        }
    }

    /** Appends what is pending and forces the log to disk; called before a landing file is sealed. */
    public synchronized void sync() {
        appendPending();
        if (log != null) {
            try {
                log.force(false);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot sync dedup log in " + directory, e);
            }
        }
    }

    /** Forgets entries older than the window and deletes logs that only hold such entries. */
    public synchronized void purge(Instant now) {
        long oldest = now.minus(window).toEpochMilli();
        receivedAtByKey.values().removeIf(millis -> millis < oldest);
        LocalDate oldestDay = day(now.minus(window));
        try (Stream<Path> files = Files.list(directory)) {
            for (Path file : files.toList()) {
                LocalDate day = dayOf(file);
                if (day != null && day.isBefore(oldestDay) && !day.equals(logDay)) {
                    Files.deleteIfExists(file);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot purge dedup logs in " + directory, e);
        }
    }

    private FileChannel logFor(LocalDate day) throws IOException {
        if (log == null || !day.equals(logDay)) {
            if (log != null) {
                log.force(false);
                log.close();
            }
            log = null;
            FileChannel opened = channels.open(directory.resolve(day + ".log"), StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                    StandardOpenOption.APPEND);
            logLength = opened.size();
            log = opened;
            logDay = day;
        }
        return log;
    }

    @Override
    public synchronized void close() {
        try {
            appendPending();
        } catch (UncheckedIOException e) {
            // the ids are in the landing files still in _incoming, which recovery reads at the next start
        }
        if (log != null) {
            try {
                log.force(false);
                log.close();
            } catch (IOException e) {
                throw new UncheckedIOException("cannot close dedup log in " + directory, e);
            } finally {
                log = null;
            }
        }
    }

    /** A stored message: its dedup key ({@link LandingEnvelope#dedupKey()}) and when it was received. */
    public record Entry(String key, Instant receivedAt) {
        public Entry {
            java.util.Objects.requireNonNull(key, "key is null");
            java.util.Objects.requireNonNull(receivedAt, "receivedAt is null");
        }

        static Entry of(LandingEnvelope envelope) {
            return new Entry(envelope.dedupKey(), envelope.receivedAt());
        }
    }

    static LocalDate day(Instant instant) {
        return LocalDate.ofInstant(instant, ZoneOffset.UTC);
    }

    private static LocalDate dayOf(Path file) {
        String name = file.getFileName().toString();
        if (!name.endsWith(".log") || name.length() != 14) {
            return null;
        }
        try {
            return LocalDate.parse(name.substring(0, 10));
        } catch (RuntimeException notADay) {
            return null;
        }
    }
}
