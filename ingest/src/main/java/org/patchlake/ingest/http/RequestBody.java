package org.patchlake.ingest.http;

import java.io.ByteArrayInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Locale;
import java.util.zip.CRC32;
import java.util.zip.DataFormatException;
import java.util.zip.GZIPInputStream;
import java.util.zip.Inflater;
import java.util.zip.ZipException;
import org.patchlake.core.protocol.ErrorCode;
import org.patchlake.ingest.IngestException;

/**
 * Bounded body reading: the body as sent is read up to {@code maxBodyBytes} (a larger Content-Length is
 * refused before reading), and gzip is inflated into at most {@code maxDecompressedBytes}, so neither a huge
 * upload nor a gzip bomb can exhaust memory.
 */
public final class RequestBody {
    private static final int GZIP_HEADER = 10;
    private static final int GZIP_TRAILER = 8;
    /** Deflate expands at most about 1032:1, so a declared size beyond that is a lie, not a reason to allocate. */
    private static final int MAX_DEFLATE_RATIO = 1032;

    private final ThreadLocal<Inflater> inflaters = ThreadLocal.withInitial(() -> new Inflater(true));
    private final int maxBodyBytes;
    private final int maxDecompressedBytes;

    public RequestBody(int maxBodyBytes, int maxDecompressedBytes) {
        this.maxBodyBytes = maxBodyBytes;
        this.maxDecompressedBytes = maxDecompressedBytes;
    }

    /** The body bytes as sent (what the signature covers). */
    public byte[] read(long declaredLength, InputStream in) {
        if (declaredLength > maxBodyBytes) {
            throw new IngestException(ErrorCode.BODY_TOO_LARGE, "Content-Length", "request body of " + declaredLength
                    + " bytes exceeds the limit of " + maxBodyBytes + " bytes");
        }
        try {
            // A declared length is read into an array of that size (the container stops the body there).
            byte[] body = in.readNBytes(declaredLength >= 0 ? (int) declaredLength : maxBodyBytes + 1);
            if (body.length > maxBodyBytes) {
                throw new IngestException(ErrorCode.BODY_TOO_LARGE, "body", "request body exceeds the limit of " + maxBodyBytes + " bytes");
            }
            return body;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read request body", e);
        }
    }

    /**
     * The JSON of a body as sent, and the body itself when landing can keep it compressed: a gzip body that is
     * one plain member (no optional header fields, nothing after it) is inflated straight into an array of its
     * declared size with its CRC and size checked; any other gzip takes the general path, which also names
     * what is wrong with a bad one.
     */
    public record Decoded(byte[] json, byte[] plainGzipMember) {
    }

    /** The JSON bytes: the body itself, or the inflated gzip body for {@code Content-Encoding: gzip}. */
    public Decoded decode(byte[] body, String contentEncoding) {
        String encoding = contentEncoding == null ? "identity" : contentEncoding.trim().toLowerCase(Locale.ROOT);
        switch (encoding) {
            case "", "identity" -> {
                return new Decoded(body, null);
            }
            case "gzip", "x-gzip" -> {
                byte[] json = inflatePlainMember(body);
                return json != null ? new Decoded(json, body) : new Decoded(gunzip(body), null);
            }
            default -> throw new IngestException(ErrorCode.UNSUPPORTED_MEDIA_TYPE, "Content-Encoding",
                    "Content-Encoding '" + contentEncoding + "' is not supported; send gzip or identity");
        }
    }

    /** The content of a body that is exactly one intact plain gzip member, or null for anything else. */
    private byte[] inflatePlainMember(byte[] body) {
        int length = body.length;
        if (length < GZIP_HEADER + GZIP_TRAILER || (body[0] & 0xff) != 0x1f || (body[1] & 0xff) != 0x8b || body[2] != 8 || body[3] != 0) {
            return null;
        }
        long declaredSize = littleEndianInt(body, length - 4) & 0xffffffffL;
        if (declaredSize > maxDecompressedBytes || declaredSize > (long) length * MAX_DEFLATE_RATIO + 1024) {
            // Too large, or a size deflate cannot reach from this body: the general path decides, inflating no more than the limit.
            return null;
        }
        byte[] json = new byte[(int) declaredSize];
        Inflater inflater = inflaters.get();
        inflater.reset();
        inflater.setInput(body, GZIP_HEADER, length - GZIP_HEADER);
        try {
            int size = 0;
            while (size < json.length) {
                int n = inflater.inflate(json, size, json.length - size);
                if (n == 0) {
                    break; // finished early, truncated, or a preset dictionary: the general path decides
                }
                size += n;
            }
            if (size != json.length || !inflater.finished() && (inflater.inflate(new byte[1]) != 0 || !inflater.finished())
                    || inflater.getRemaining() != GZIP_TRAILER) {
                return null;
            }
        } catch (DataFormatException corrupt) {
            return null;
        }
        CRC32 crc = new CRC32();
        crc.update(json);
        return littleEndianInt(body, length - GZIP_TRAILER) == (int) crc.getValue() ? json : null;
    }

    private IngestException tooLargeInflated() {
        return new IngestException(ErrorCode.BODY_TOO_LARGE, "body", "decompressed request body exceeds the limit of "
                + maxDecompressedBytes + " bytes");
    }

    private static int littleEndianInt(byte[] bytes, int offset) {
        return (bytes[offset] & 0xff) | (bytes[offset + 1] & 0xff) << 8 | (bytes[offset + 2] & 0xff) << 16 | (bytes[offset + 3] & 0xff) << 24;
    }

    private byte[] gunzip(byte[] body) {
        try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(body), 8192)) {
            byte[] json = in.readNBytes(maxDecompressedBytes + 1);
            if (json.length > maxDecompressedBytes) {
                throw tooLargeInflated();
            }
            return json;
        } catch (ZipException | EOFException e) {
            throw new IngestException(ErrorCode.BAD_GZIP, "body", "body is not valid gzip: " + e.getMessage(), e);
        } catch (IOException e) {
            throw new IngestException(ErrorCode.BAD_GZIP, "body", "cannot inflate gzip body: " + e.getMessage(), e);
        }
    }
}
