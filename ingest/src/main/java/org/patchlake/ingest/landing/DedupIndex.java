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
    private final Map<String, Long> receivedAtByKey = new ConcurrentHashMap<>();
    private FileChannel log;
    private LocalDate logDay;

    private DedupIndex(Path directory, Duration window) {
        this.directory = directory;
        this.window = window;
    }

    public static DedupIndex open(Path directory, Duration window, Instant now) {
        DedupIndex index = new DedupIndex(directory, window);
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

    /** Records messages whose landing bytes are durable. Called by the single writer thread. */
    public synchronized void record(Collection<Entry> entries) {
        if (entries.isEmpty()) {
            return;
        }
        StringBuilder lines = new StringBuilder(entries.size() * 64);
        LocalDate day = null;
        for (Entry entry : entries) {
            long millis = entry.receivedAt().toEpochMilli();
            receivedAtByKey.put(entry.key(), millis);
            lines.append(millis).append('\t').append(entry.key()).append('\n');
            day = day(entry.receivedAt());
        }
        try {
            FileChannel channel = logFor(day);
            ByteBuffer buffer = ByteBuffer.wrap(lines.toString().getBytes(StandardCharsets.UTF_8));
            while (buffer.hasRemaining()) {
                channel.write(buffer);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot append to dedup log in " + directory, e);
        }
    }

    /** Forces the log to disk; called before a landing file is sealed. */
    public synchronized void sync() {
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
            log = FileChannel.open(directory.resolve(day + ".log"), StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                    StandardOpenOption.APPEND);
            logDay = day;
        }
        return log;
    }

    @Override
    public synchronized void close() {
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
