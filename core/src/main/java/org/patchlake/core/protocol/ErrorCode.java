package org.patchlake.core.protocol;

/** Error codes of protocol v1 and the HTTP status each is sent with. */
public enum ErrorCode {
    MALFORMED_JSON(400),
    SCHEMA_VIOLATION(400),
    BAD_GZIP(400),
    MISMATCH(400),
    UNSUPPORTED_MEDIA_TYPE(415),
    BODY_TOO_LARGE(413),
    MISSING_CREDENTIALS(401),
    UNKNOWN_COMPUTER(401),
    BAD_SIGNATURE(401),
    CLOCK_SKEW(401),
    COMPUTER_REVOKED(403),
    BAD_ENROLLMENT_TOKEN(403),
    /** A token of one site tried to re-enroll a computer of another site. */
    COMPUTER_OF_ANOTHER_SITE(403),
    UNSUPPORTED_PROTOCOL_VERSION(404),
    NOT_FOUND(404),
    METHOD_NOT_ALLOWED(405),
    UNAVAILABLE(503),
    INTERNAL(500);

    private final int status;

    ErrorCode(int status) {
        this.status = status;
    }

    public int status() {
        return status;
    }

    /** The wire form, e.g. {@code schema_violation}. */
    public String wire() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
