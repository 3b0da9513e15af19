package org.patchlake.agent.spool;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.patchlake.agent.spool.SpooledMessage.MessageKind;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The on-disk outbox every upload goes through. A message is written to a temporary file, fsync'd, renamed
 * into place ({@code <sequence>.<kind>.<messageId>.json}) and the directory fsync'd before
 * {@link #append} returns, so an acknowledged enqueue survives a crash. Messages leave in sequence order and
 * only after the server acknowledged them ({@link #remove}); a crash between the acknowledgement and the
 * removal resends the same bytes with the same message id, which the server stores once.
 *
 * <p>Past {@code limitBytes} the spool compacts: older inventories are dropped (the latest full inventory
 * wins), deliveries are always kept. Every drop is logged and counted ({@link #stats()}); when deliveries
 * alone exceed the limit the spool keeps them anyway and counts the overflow.
 */
public final class Spool {

    private static final Logger LOG = LoggerFactory.getLogger(Spool.class);
    private static final Pattern NAME = Pattern.compile("(\\d{12})\\.(inventory|delivery)\\.([A-Za-z0-9._:-]+)\\.json");

    private final Path directory;
    private final Path rejectedDirectory;
    private final Path statsFile;
    private final long limitBytes;
    private final boolean fsync;
    private long nextSequence;

    public Spool(Path directory, long limitBytes) {
        this(directory, limitBytes, true);
    }

    /** {@code fsync} false only for the fleet simulator (see {@code AgentConfig.withoutFsync}). */
    public Spool(Path directory, long limitBytes, boolean fsync) {
        this.fsync = fsync;
        this.directory = requireNonNull(directory, "directory is null");
        this.rejectedDirectory = directory.resolve("rejected");
        this.statsFile = directory.resolve("spool-stats.properties");
        this.limitBytes = limitBytes;
        try {
            Files.createDirectories(rejectedDirectory);
            deleteLeftoverTemporaryFiles();
        } catch (IOException e) {
            throw new UncheckedIOException("spool " + directory + ": " + e.getMessage(), e);
        }
        List<SpooledMessage> pending = pending();
        nextSequence = pending.isEmpty() ? Math.max(1, stats().lastSequence() + 1)
            : Math.max(pending.get(pending.size() - 1).sequence() + 1, stats().lastSequence() + 1);
    }

    /** Writes a message durably; returns after fsync. Compacts first when the spool is over its limit. */
    public synchronized SpooledMessage append(MessageKind kind, String messageId, byte[] body) {
        long sequence = nextSequence++;
        Path file = directory.resolve(String.format("%012d.%s.%s.json", sequence, kind.fileTag(), messageId));
        Path temporary = directory.resolve(file.getFileName() + ".tmp");
        try {
            try (FileChannel channel = FileChannel.open(temporary, StandardOpenOption.CREATE,
                StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.WRITE)) {
                ByteBuffer buffer = ByteBuffer.wrap(body);
                while (buffer.hasRemaining()) {
                    channel.write(buffer);
                }
                force(channel);
            }
            Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE);
            syncDirectory();
        } catch (IOException e) {
            throw new UncheckedIOException("spool " + directory + ": cannot write " + file.getFileName() + ": "
                + e.getMessage(), e);
        }
        SpoolStats stats = stats().withLastSequence(sequence);
        writeStats(stats);
        if (sizeBytes() > limitBytes) {
            compact();
        }
        return new SpooledMessage(sequence, kind, messageId, body, file);
    }

    /** Messages not yet acknowledged, oldest first. */
    public synchronized List<SpooledMessage> pending() {
        List<SpooledMessage> messages = new ArrayList<>();
        try (Stream<Path> files = Files.list(directory)) {
            for (Path file : files.sorted(Comparator.comparing(Path::getFileName)).toList()) {
                Matcher matcher = NAME.matcher(file.getFileName().toString());
                if (matcher.matches()) {
                    messages.add(new SpooledMessage(Long.parseLong(matcher.group(1)), MessageKind.ofTag(matcher.group(2)),
                        matcher.group(3), Files.readAllBytes(file), file));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("spool " + directory + ": cannot list: " + e.getMessage(), e);
        }
        return messages;
    }

    /** The server acknowledged the message: it leaves the spool. */
    public synchronized void remove(SpooledMessage message) {
        try {
            Files.deleteIfExists(message.file());
            syncDirectory();
        } catch (IOException e) {
            throw new UncheckedIOException("spool: cannot remove " + message.file() + ": " + e.getMessage(), e);
        }
        writeStats(stats().withSent(1));
    }

    /** The server refused the message for good (a 4xx that a resend cannot fix): keep it aside, count it. */
    public synchronized void reject(SpooledMessage message, String reason) {
        try {
            Files.move(message.file(), rejectedDirectory.resolve(message.file().getFileName()), StandardCopyOption.ATOMIC_MOVE);
            Files.writeString(rejectedDirectory.resolve(message.file().getFileName() + ".reason.txt"), reason,
                StandardCharsets.UTF_8);
            syncDirectory();
        } catch (IOException e) {
            throw new UncheckedIOException("spool: cannot set aside " + message.file() + ": " + e.getMessage(), e);
        }
        LOG.error("spool: server rejected {} {} for good, kept in {}: {}", message.kind(), message.messageId(),
            rejectedDirectory, reason);
        writeStats(stats().withRejected(1));
    }

    public synchronized long sizeBytes() {
        long size = 0;
        for (SpooledMessage message : pending()) {
            size += message.body().length;
        }
        return size;
    }

    public synchronized SpoolStats stats() {
        return SpoolStats.read(statsFile);
    }

    /** Drops every inventory but the newest; deliveries stay. Logs and counts what it dropped. */
    synchronized void compact() {
        List<SpooledMessage> inventories = pending().stream().filter(m -> m.kind() == MessageKind.INVENTORY).toList();
        int dropped = 0;
        for (int i = 0; i < inventories.size() - 1; i++) {
            try {
                Files.deleteIfExists(inventories.get(i).file());
                dropped++;
            } catch (IOException e) {
                throw new UncheckedIOException("spool: cannot compact " + inventories.get(i).file(), e);
            }
        }
        syncDirectoryQuietly();
        SpoolStats stats = stats().withCompactedInventories(dropped);
        long size = sizeBytes();
        if (size > limitBytes) {
            stats = stats.withOverLimit(1);
            LOG.warn("spool {} holds {} bytes, over its limit of {} bytes, after compaction; delivery results are kept "
                + "anyway", directory, size, limitBytes);
        }
        if (dropped > 0) {
            LOG.warn("spool {} over its limit of {} bytes: dropped {} older inventories (the newest is kept; "
                + "{} dropped so far)", directory, limitBytes, dropped, stats.compactedInventories());
        }
        writeStats(stats);
    }

    private void writeStats(SpoolStats stats) {
        Properties properties = stats.toProperties();
        Path temporary = statsFile.resolveSibling(statsFile.getFileName() + ".tmp");
        try (FileChannel channel = FileChannel.open(temporary, StandardOpenOption.CREATE,
            StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.WRITE)) {
            java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
            properties.store(bytes, "patchlake agent spool counters");
            channel.write(ByteBuffer.wrap(bytes.toByteArray()));
            force(channel);
        } catch (IOException e) {
            throw new UncheckedIOException("spool: cannot write " + statsFile + ": " + e.getMessage(), e);
        }
        try {
            Files.move(temporary, statsFile, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException("spool: cannot write " + statsFile + ": " + e.getMessage(), e);
        }
    }

    private void deleteLeftoverTemporaryFiles() throws IOException {
        try (Stream<Path> files = Files.list(directory)) {
            for (Path file : files.filter(f -> f.getFileName().toString().endsWith(".tmp")).toList()) {
                Files.deleteIfExists(file);
            }
        }
    }

    private void force(FileChannel channel) throws IOException {
        if (fsync) {
            channel.force(true);
        }
    }

    private void syncDirectory() throws IOException {
        if (!fsync) {
            return;
        }
        // fsync of a directory works on Linux and macOS; Windows refuses to open a directory, and NTFS makes
        // the rename durable with its journal, so there is nothing to do there.
        try (FileChannel channel = FileChannel.open(directory, StandardOpenOption.READ)) {
            force(channel);
        } catch (IOException | UnsupportedOperationException e) {
            if (!System.getProperty("os.name", "").startsWith("Windows")) {
                throw e instanceof IOException io ? io : new IOException(e);
            }
        }
    }

    private void syncDirectoryQuietly() {
        try {
            syncDirectory();
        } catch (IOException e) {
            LOG.warn("spool {}: directory fsync failed: {}", directory, e.getMessage());
        }
    }
}
