package org.patchlake.core.protocol;

import java.util.List;

/**
 * {@code POST /api/agent/v1/deliveries}: install attempts since the last report.
 *
 * @param messageId  chosen by the agent
 * @param computerId the enrolled computer id
 * @param attempts   at least one attempt
 */
public record DeliveryReport(String messageId, String computerId, List<DeliveryAttempt> attempts) {
    public static final int MAX_ATTEMPTS = 10_000;

    public DeliveryReport {
        messageId = Checks.identifier(messageId, "messageId");
        computerId = Checks.identifier(computerId, "computerId");
        attempts = Checks.list(attempts, "attempts");
        if (attempts.isEmpty()) {
            throw new ProtocolViolation("attempts", "is empty");
        }
        if (attempts.size() > MAX_ATTEMPTS) {
            throw new ProtocolViolation("attempts", "has more than " + MAX_ATTEMPTS + " entries");
        }
    }
}
