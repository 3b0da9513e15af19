package org.patchlake.ingest.landing;

import java.time.Instant;

import static java.util.Objects.requireNonNull;

/**
 * One line of a landing file:
 * {@code {"messageId":..,"kind":"inventory","computerId":"c-..","receivedAt":"..Z","protocolVersion":1,"payload":{..}}}.
 *
 * @param computerId null for kinds without a computer (operational events)
 */
public record LandingEnvelope(String messageId, String kind, String computerId, Instant receivedAt, int protocolVersion, Object payload) {
    public LandingEnvelope {
        requireNonNull(messageId, "messageId is null");
        requireNonNull(kind, "kind is null");
        if (!LandingKind.isValid(kind)) {
            throw new IllegalArgumentException("kind must be one of " + LandingKind.ALL + " but was '" + kind + "'");
        }
        requireNonNull(receivedAt, "receivedAt is null");
        requireNonNull(payload, "payload is null");
    }

    /** The idempotency key: a message id is unique per kind and computer. */
    public String dedupKey() {
        return dedupKey(kind, computerId, messageId);
    }

    public static String dedupKey(String kind, String computerId, String messageId) {
        return kind + '\t' + (computerId == null ? "-" : computerId) + '\t' + messageId;
    }
}
