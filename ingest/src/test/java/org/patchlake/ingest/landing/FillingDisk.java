package org.patchlake.ingest.landing;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.ReadableByteChannel;
import java.nio.channels.WritableByteChannel;
import java.nio.file.OpenOption;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;

/**
 * A disk that fills up, at the file system edge of ingest ({@link LandingChannels}): real files, but every byte that
 * makes a file longer is taken from a shared budget, and once it is spent a write fails as the kernel's does: a short
 * write for what still fits, then {@code IOException: No space left on device}. Truncating gives the space back.
 * Unlimited until {@link #leave} or {@link #fill}; {@link #refuse} makes writes to some files fail while others work
 * (a landing write that fits and the dedup append after it that does not).
 */
public final class FillingDisk implements LandingChannels {
    public static final String NO_SPACE = "No space left on device";

    private final AtomicLong free = new AtomicLong(Long.MAX_VALUE);
    private final AtomicLong refusals = new AtomicLong();
    private volatile Predicate<Path> refused = path -> false;

    /** Leaves this many bytes free. */
    public void leave(long bytes) {
        free.set(bytes);
    }

    public void fill() {
        leave(0);
    }

    /** Space returns. */
    public void unlimited() {
        free.set(Long.MAX_VALUE);
        refused = path -> false;
    }

    /** Writes to files matching {@code files} fail with no space (after a short write of half the bytes). */
    public void refuse(Predicate<Path> files) {
        refused = files;
    }

    /** How many writes failed with "No space left on device". */
    public long refusals() {
        return refusals.get();
    }

    @Override
    public FileChannel open(Path file, OpenOption... options) throws IOException {
        return new Channel(file, FileChannel.open(file, options));
    }

    private final class Channel extends FileChannel {
        private final Path file;
        private final FileChannel real;

        Channel(Path file, FileChannel real) {
            this.file = file;
            this.real = real;
        }

        /** Bytes of the next write that fit: all, some (a short write), or none (no space). */
        private long allowed(long position, long length) throws IOException {
            if (refused.test(file)) {
                if (length > 1) {
                    return length / 2;
                }
                refusals.incrementAndGet();
                throw new IOException(NO_SPACE);
            }
            long growth = Math.max(0, position + length - real.size());
            while (true) {
                long available = free.get();
                if (available == Long.MAX_VALUE) {
                    return length;
                }
                if (available <= 0 && growth > 0) {
                    refusals.incrementAndGet();
                    throw new IOException(NO_SPACE);
                }
                long taken = Math.min(growth, available);
                if (free.compareAndSet(available, available - taken)) {
                    return length - (growth - taken);
                }
            }
        }

        private int writeLimited(ByteBuffer source, long position, boolean positional) throws IOException {
            long fits = allowed(position, source.remaining());
            ByteBuffer slice = source.duplicate();
            slice.limit(slice.position() + (int) fits);
            int written = positional ? real.write(slice, position) : real.write(slice);
            source.position(source.position() + written);
            return written;
        }

        @Override
        public int write(ByteBuffer source) throws IOException {
            return writeLimited(source, real.position(), false);
        }

        @Override
        public long write(ByteBuffer[] sources, int offset, int length) throws IOException {
            long written = 0;
            for (int i = offset; i < offset + length; i++) {
                while (sources[i].hasRemaining()) {
                    int n;
                    try {
                        n = write(sources[i]);
                    } catch (IOException e) {
                        if (written > 0) {
                            return written;
                        }
                        throw e;
                    }
                    written += n;
                    if (sources[i].hasRemaining()) {
                        return written;
                    }
                }
            }
            return written;
        }

        @Override
        public int write(ByteBuffer source, long position) throws IOException {
            return writeLimited(source, position, true);
        }

        @Override
        public FileChannel truncate(long size) throws IOException {
            long before = real.size();
            real.truncate(size);
            long released = Math.max(0, before - real.size());
            free.getAndUpdate(available -> available == Long.MAX_VALUE ? available : available + released);
            return this;
        }

        @Override
        public int read(ByteBuffer destination) throws IOException {
            return real.read(destination);
        }

        @Override
        public long read(ByteBuffer[] destinations, int offset, int length) throws IOException {
            return real.read(destinations, offset, length);
        }

        @Override
        public int read(ByteBuffer destination, long position) throws IOException {
            return real.read(destination, position);
        }

        @Override
        public long position() throws IOException {
            return real.position();
        }

        @Override
        public FileChannel position(long newPosition) throws IOException {
            real.position(newPosition);
            return this;
        }

        @Override
        public long size() throws IOException {
            return real.size();
        }

        @Override
        public void force(boolean metaData) throws IOException {
            real.force(metaData);
        }

        @Override
        public long transferTo(long position, long count, WritableByteChannel target) throws IOException {
            return real.transferTo(position, count, target);
        }

        @Override
        public long transferFrom(ReadableByteChannel source, long position, long count) {
            throw new UnsupportedOperationException("not used by landing");
        }

        @Override
        public MappedByteBuffer map(MapMode mode, long position, long size) {
            throw new UnsupportedOperationException("not used by landing");
        }

        @Override
        public FileLock lock(long position, long size, boolean shared) throws IOException {
            return real.lock(position, size, shared);
        }

        @Override
        public FileLock tryLock(long position, long size, boolean shared) throws IOException {
            return real.tryLock(position, size, shared);
        }

        @Override
        protected void implCloseChannel() throws IOException {
            real.close();
        }
    }
}
