package org.patchlake.agent.spool;

import static java.util.Objects.requireNonNull;

import java.nio.file.Path;

/**
 * One message waiting in the spool: its sequence number (delivery order), kind, stable message id and the
 * JSON body exactly as it will be sent (so a resend is byte-identical and the server deduplicates it).
 */
public record SpooledMessage(long sequence, MessageKind kind, String messageId, byte[] body, Path file) {
    public SpooledMessage {
        requireNonNull(kind, "kind is null");
        requireNonNull(messageId, "messageId is null");
        requireNonNull(body, "body is null");
        requireNonNull(file, "file is null");
    }

    /** What a spooled message is; inventories may be compacted (latest wins), deliveries never are. */
    public enum MessageKind {
        INVENTORY, DELIVERY;

        String fileTag() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }

        static MessageKind ofTag(String tag) {
            return valueOf(tag.toUpperCase(java.util.Locale.ROOT));
        }
    }
}
