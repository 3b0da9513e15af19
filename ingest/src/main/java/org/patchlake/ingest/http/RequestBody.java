package org.patchlake.ingest.http;

import java.io.ByteArrayInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Locale;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;
import org.patchlake.core.protocol.ErrorCode;
import org.patchlake.ingest.IngestException;

/**
 * Bounded body reading: the body as sent is read up to {@code maxBodyBytes} (a larger Content-Length is
 * refused before reading), and gzip is inflated into at most {@code maxDecompressedBytes}, so neither a huge
 * upload nor a gzip bomb can exhaust memory.
 */
public final class RequestBody {
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
            byte[] body = in.readNBytes(maxBodyBytes + 1);
            if (body.length > maxBodyBytes) {
                throw new IngestException(ErrorCode.BODY_TOO_LARGE, "body", "request body exceeds the limit of " + maxBodyBytes + " bytes");
            }
            return body;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read request body", e);
        }
    }

    /** The JSON bytes: the body itself, or the inflated gzip body for {@code Content-Encoding: gzip}. */
    public byte[] decode(byte[] body, String contentEncoding) {
        String encoding = contentEncoding == null ? "identity" : contentEncoding.trim().toLowerCase(Locale.ROOT);
        switch (encoding) {
            case "", "identity" -> {
                return body;
            }
            case "gzip", "x-gzip" -> {
                return gunzip(body);
            }
            default -> throw new IngestException(ErrorCode.UNSUPPORTED_MEDIA_TYPE, "Content-Encoding",
                    "Content-Encoding '" + contentEncoding + "' is not supported; send gzip or identity");
        }
    }

    private byte[] gunzip(byte[] body) {
        try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(body), 8192)) {
            byte[] json = in.readNBytes(maxDecompressedBytes + 1);
            if (json.length > maxDecompressedBytes) {
                throw new IngestException(ErrorCode.BODY_TOO_LARGE, "body", "decompressed request body exceeds the limit of "
                        + maxDecompressedBytes + " bytes");
            }
            return json;
        } catch (ZipException | EOFException e) {
            throw new IngestException(ErrorCode.BAD_GZIP, "body", "body is not valid gzip: " + e.getMessage(), e);
        } catch (IOException e) {
            throw new IngestException(ErrorCode.BAD_GZIP, "body", "cannot inflate gzip body: " + e.getMessage(), e);
        }
    }
}
