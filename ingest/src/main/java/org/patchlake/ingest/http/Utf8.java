package org.patchlake.ingest.http;

/** Strict UTF-8 (RFC 3629: no overlong forms, no surrogates, nothing past U+10FFFF) without a zero byte, checked in one pass. */
final class Utf8 {
    private Utf8() {
    }

    /** Null when {@code bytes} are UTF-8 text without a zero byte, else what is wrong and where. */
    static String problem(byte[] bytes) {
        int i = 0;
        int length = bytes.length;
        while (i < length) {
            int b = bytes[i];
            if (b > 0) {
                i++;
                continue;
            }
            if (b == 0) {
                return "zero byte at offset " + i + (i < 4 ? " (UTF-16 or UTF-32 text?)" : "");
            }
            int lead = b & 0xff;
            int extra;
            int minimum;
            if (lead >= 0xC2 && lead <= 0xDF) {
                extra = 1;
                minimum = 0x80;
            } else if (lead >= 0xE0 && lead <= 0xEF) {
                extra = 2;
                minimum = 0x800;
            } else if (lead >= 0xF0 && lead <= 0xF4) {
                extra = 3;
                minimum = 0x10000;
            } else {
                return invalid(lead, i);
            }
            if (i + extra >= length) {
                return "truncated UTF-8 sequence at offset " + i;
            }
            int codePoint = lead & (0x3F >> extra);
            for (int k = 1; k <= extra; k++) {
                int next = bytes[i + k] & 0xff;
                if ((next & 0xC0) != 0x80) {
                    return invalid(next, i + k);
                }
                codePoint = codePoint << 6 | next & 0x3F;
            }
            if (codePoint < minimum || codePoint > 0x10FFFF || codePoint >= 0xD800 && codePoint <= 0xDFFF) {
                return "invalid UTF-8 sequence at offset " + i;
            }
            i += extra + 1;
        }
        return null;
    }

    private static String invalid(int value, int offset) {
        return String.format("invalid UTF-8 byte 0x%02X at offset %d", value, offset);
    }
}
