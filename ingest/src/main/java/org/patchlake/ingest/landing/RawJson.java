package org.patchlake.ingest.landing;

import static java.util.Objects.requireNonNull;

/**
 * A payload kept exactly as the agent sent it (after it was parsed and validated), so landing holds the message
 * "as sent" and ingest does not pay for serializing it again. Raw line breaks, which valid JSON only allows as
 * insignificant whitespace, are turned into spaces so the envelope stays one line.
 */
public record RawJson(byte[] json) implements SentJson {
    public RawJson {
        requireNonNull(json, "json is null");
        int start = json.length >= 3 && (json[0] & 0xff) == 0xEF && (json[1] & 0xff) == 0xBB && (json[2] & 0xff) == 0xBF ? 3 : 0;
        boolean clean = start == 0;
        for (int i = start; clean && i < json.length; i++) {
            clean = json[i] != '\n' && json[i] != '\r';
        }
        if (!clean) {
            byte[] copy = java.util.Arrays.copyOfRange(json, start, json.length);
            for (int i = 0; i < copy.length; i++) {
                if (copy[i] == '\n' || copy[i] == '\r') {
                    copy[i] = ' ';
                }
            }
            json = copy;
        }
    }
}
