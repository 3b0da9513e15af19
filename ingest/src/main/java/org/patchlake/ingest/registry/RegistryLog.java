package org.patchlake.ingest.registry;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Append-only, fsynced JSON-lines log shared by the server and the {@code tokens} CLI (even while the server
 * runs): appends take an OS file lock, readers tail the file from the offset they reached. A torn last line
 * (crash mid-append, never acknowledged) is ignored and overwritten.
 *
 * <p>Group commit: an append writes its lines under the lock, then waits, outside it, until the file is forced
 * through its last byte. One fsync covers every append written before it started, so concurrent enrollments share
 * fsyncs instead of queueing one each behind the lock. An append returns only once its lines are durable; its
 * events are applied in memory when written (so the next append decides on them). If a force fails, that append
 * fails and the log refuses every later append: memory may then hold events the disk lacks.
 */
final class RegistryLog {
    private final Path file;
    private final ObjectMapper mapper;
    private final Object forceLock = new Object();
    private long offset;
    /** The file is durable through this byte (guarded by forceLock). */
    private long forced;
    private volatile IOException forceFailure;

    RegistryLog(Path file, ObjectMapper mapper) {
        this.file = file;
        this.mapper = mapper;
    }

    Path file() {
        return file;
    }

    /** Reads lines appended since the last call and hands each event to {@code apply}. */
    synchronized void readNew(Consumer<RegistryEvent> apply) {
        try {
            if (!Files.exists(file) || Files.size(file) == offset) {
                return;
            }
            try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
                long size = channel.size();
                ByteBuffer buffer = ByteBuffer.allocate((int) (size - offset));
                while (buffer.hasRemaining() && channel.read(buffer, offset + buffer.position()) > 0) {
                    // read fully
                }
                byte[] bytes = buffer.array();
                int start = 0;
                for (int i = 0; i < buffer.position(); i++) {
                    if (bytes[i] == '\n') {
                        if (i > start) {
                            apply.accept(parse(bytes, start, i - start));
                        }
                        start = i + 1;
                    }
                }
                offset += start;
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read registry log " + file, e);
        }
    }

    /**
     * Under the file lock: first applies what others appended, then lets {@code decide} look at the current
     * state and return the events to append (possibly none), appends and applies them; then returns once they
     * are forced to disk (group commit, see the class comment).
     */
    List<RegistryEvent> append(Consumer<RegistryEvent> apply, java.util.function.Supplier<List<RegistryEvent>> decide) {
        Written written = write(apply, decide);
        if (!written.events().isEmpty()) {
            forceThrough(written.end());
        }
        return written.events();
    }

    private record Written(List<RegistryEvent> events, long end) {
    }

    /** Makes everything written through {@code end} durable: one fsync for all appends waiting at that moment. */
    private void forceThrough(long end) {
        synchronized (forceLock) {
            if (forced >= end) {
                return;
            }
            long target;
            synchronized (this) {
                target = offset;
            }
            try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
                channel.force(false);
            } catch (IOException e) {
                forceFailure = e;
                throw new UncheckedIOException("cannot force registry log " + file + " to disk", e);
            }
            forced = Math.max(forced, target);
        }
    }

    private synchronized Written write(Consumer<RegistryEvent> apply, java.util.function.Supplier<List<RegistryEvent>> decide) {
        if (forceFailure != null) {
            throw new UncheckedIOException("registry log " + file + " could not be forced to disk earlier; "
                + "restart the server before enrolling more", forceFailure);
        }
        try {
            Files.createDirectories(file.getParent());
            try (FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.READ);
                    FileLock ignored = channel.lock()) {
                readNew(apply);
                List<RegistryEvent> events = new ArrayList<>(decide.get());
                if (events.isEmpty()) {
                    return new Written(events, offset);
                }
                StringBuilder lines = new StringBuilder();
                for (RegistryEvent event : events) {
                    lines.append(mapper.writeValueAsString(event)).append('\n');
                }
                ByteBuffer buffer = ByteBuffer.wrap(lines.toString().getBytes(StandardCharsets.UTF_8));
                long position = offset;
                while (buffer.hasRemaining()) {
                    position += channel.write(buffer, position);
                }
                channel.truncate(position);
                offset = position;
                events.forEach(apply);
                return new Written(events, position);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot append to registry log " + file, e);
        }
    }

    private RegistryEvent parse(byte[] bytes, int start, int length) {
        try {
            return mapper.readValue(bytes, start, length, RegistryEvent.class);
        } catch (IOException e) {
            throw new UncheckedIOException("registry log " + file + " at byte " + (offset + start) + ": unreadable line", e);
        }
    }
}
