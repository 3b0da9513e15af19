package org.patchlake.ingest.landing;

import static java.util.Objects.requireNonNull;

/**
 * A payload kept in the agent's own compression: the request body as sent, one plain gzip member (RFC 1952, no
 * optional header fields) whose content is JSON without line breaks or byte order mark, inflated, checked
 * (CRC and size) and validated before it gets here. Landing writes it between two small members holding the
 * envelope around it, so the line reads exactly as with {@link RawJson} while ingest neither inflates it into
 * a line nor deflates it again.
 */
public record GzipJson(byte[] member) implements SentJson {
    public GzipJson {
        requireNonNull(member, "member is null");
        if (member.length < 18 || (member[0] & 0xff) != 0x1f || (member[1] & 0xff) != 0x8b || member[2] != 8 || member[3] != 0) {
            throw new IllegalArgumentException("not a plain gzip member (" + member.length + " bytes)");
        }
    }
}
