package org.patchlake.ingest.landing;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Instant;

/** One landing file being written under {@code _incoming}, and how it is sealed into place. */
final class LandingFile {
    private final Path incoming;
    private final Path target;
    private final FileChannel channel;
    private final Instant openedAt;
    private long durableLength;

    private LandingFile(Path incoming, Path target, FileChannel channel, Instant openedAt) {
        this.incoming = incoming;
        this.target = target;
        this.channel = channel;
        this.openedAt = openedAt;
    }

    static LandingFile create(Path incoming, Path target, Instant now, LandingChannels channels) throws IOException {
        Files.createDirectories(incoming.getParent());
        FileChannel channel = channels.open(incoming, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
        syncDirectory(incoming.getParent());
        return new LandingFile(incoming, target, channel, now);
    }

    /** Writes all buffers (not yet durable). */
    void write(ByteBuffer[] buffers) throws IOException {
        long remaining = 0;
        for (ByteBuffer buffer : buffers) {
            remaining += buffer.remaining();
        }
        while (remaining > 0) {
            remaining -= channel.write(buffers);
        }
    }

    /** Makes everything written so far durable. */
    void force() throws IOException {
        channel.force(false);
        durableLength = channel.position();
    }

    /** After a failed write: cut back to the last durable commit so the file stays a sequence of whole members. */
    void rollBack() throws IOException {
        channel.truncate(durableLength);
        channel.position(durableLength);
        channel.force(false);
    }

    long length() {
        return durableLength;
    }

    Instant openedAt() {
        return openedAt;
    }

    Path target() {
        return target;
    }

    /** Closes the file without sealing it (it stays in {@code _incoming} for recovery). */
    void close() {
        try {
            channel.close();
        } catch (IOException ignored) {
            // nothing more can be lost: what is durable is on disk, recovery trims the rest
        }
    }

    /** Closes the file and renames it into place; an empty file is deleted instead. Can be retried after a failure. */
    void seal() throws IOException {
        channel.close();
        if (durableLength == 0) {
            Files.deleteIfExists(incoming);
            return;
        }
        moveIntoPlace(incoming, target);
    }

    /** Atomic rename into the landing folder (created if needed), then the folder is synced. */
    static void moveIntoPlace(Path source, Path target) throws IOException {
        Files.createDirectories(target.getParent());
        if (Files.exists(target)) {
            throw new IOException("landing file " + target + " already exists; refusing to overwrite it with " + source);
        }
        try {
            Files.move(source, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            throw new IOException("landing and _incoming must be on one file system (atomic rename " + source + " -> " + target + ")", e);
        }
        syncDirectory(target.getParent());
    }

    static void syncDirectory(Path directory) {
        try (FileChannel dir = FileChannel.open(directory, StandardOpenOption.READ)) {
            dir.force(true);
        } catch (IOException | UnsupportedOperationException notSupportedHere) {
            // Some file systems (and Windows) cannot open a directory for sync; rename is still atomic there.
        }
    }
}
