package org.patchlake.ingest;

import org.patchlake.core.protocol.ErrorCode;

import static java.util.Objects.requireNonNull;

/** Every refusal of an agent request: a protocol error code (which fixes the HTTP status), the field, why. */
public final class IngestException extends RuntimeException {
    private final ErrorCode code;
    private final String field;

    public IngestException(ErrorCode code, String field, String message) {
        this(code, field, message, null);
    }

    public IngestException(ErrorCode code, String field, String message, Throwable cause) {
        super(requireNonNull(message, "message is null"), cause);
        this.code = requireNonNull(code, "code is null");
        this.field = field;
    }

    public ErrorCode code() {
        return code;
    }

    /** The offending field or header, or null. */
    public String field() {
        return field;
    }
}
