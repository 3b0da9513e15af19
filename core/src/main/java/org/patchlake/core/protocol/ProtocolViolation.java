package org.patchlake.core.protocol;

import static java.util.Objects.requireNonNull;

/**
 * A wire value that breaks the protocol contract. Names the offending field (relative to the record that
 * rejected it) so the server can answer "field installedUpdates[3].kb: ..." and the agent can log the same.
 */
public final class ProtocolViolation extends IllegalArgumentException {
    private final String field;

    public ProtocolViolation(String field, String message) {
        super(field + ": " + message);
        this.field = requireNonNull(field, "field is null");
    }

    /** The field path, e.g. {@code kb} or {@code installedUpdates}. */
    public String field() {
        return field;
    }

    /** The message without the field prefix. */
    public String reason() {
        String message = getMessage();
        return message.substring(field.length() + 2);
    }
}
