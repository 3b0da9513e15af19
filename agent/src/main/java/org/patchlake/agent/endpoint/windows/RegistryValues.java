package org.patchlake.agent.endpoint.windows;

import java.util.HexFormat;

/** Registry values as text, the way detection rules compare them. */
final class RegistryValues {

    private RegistryValues() {
    }

    /** REG_DWORD as unsigned decimal, REG_QWORD as decimal, REG_MULTI_SZ joined by newlines, REG_BINARY as hex. */
    static String asText(Object value) {
        if (value instanceof Integer dword) {
            return Integer.toUnsignedString(dword);
        }
        if (value instanceof String[] strings) {
            return String.join("\n", strings);
        }
        if (value instanceof byte[] bytes) {
            return HexFormat.of().formatHex(bytes);
        }
        return String.valueOf(value);
    }

    static boolean isNonEmpty(Object value) {
        if (value instanceof String[] strings) {
            for (String string : strings) {
                if (string != null && !string.isEmpty()) {
                    return true;
                }
            }
            return false;
        }
        if (value instanceof String string) {
            return !string.isEmpty();
        }
        if (value instanceof byte[] bytes) {
            return bytes.length > 0;
        }
        return value != null;
    }
}
