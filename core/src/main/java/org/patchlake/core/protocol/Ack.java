package org.patchlake.core.protocol;

import java.time.Instant;

/**
 * 200 answer to an inventory or delivery upload: the message is durable. A resend of the same message id
 * gets the same answer (the original {@code receivedAt}).
 */
public record Ack(String messageId, Instant receivedAt) {
    public Ack {
        messageId = Checks.identifier(messageId, "messageId");
        Checks.required(receivedAt, "receivedAt");
    }
}
