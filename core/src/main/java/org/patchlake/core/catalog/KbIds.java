package org.patchlake.core.catalog;

/** The one spelling of a KB id in Patchlake: "KB" followed by the digits ("4012212" and "kb4012212" -> "KB4012212"). */
public final class KbIds {
    private KbIds() {
    }

    /**
     * Normalizes a KB reference. Digits get the "KB" prefix; "kb123" is upper-cased; other ids (the
     * service-pack pseudo ids of wesng's Custom file such as "SP81X64", or the fix references of non-Windows
     * products such as "CBL-Mariner Releases") are kept as they are, trimmed.
     * Returns "" for blank input.
     */
    public static String normalize(String text) {
        String trimmed = text == null ? "" : text.trim();
        if (trimmed.isEmpty()) {
            return "";
        }
        if (isDigits(trimmed)) {
            return "KB" + trimmed;
        }
        if (trimmed.length() > 2 && trimmed.regionMatches(true, 0, "KB", 0, 2) && isDigits(trimmed.substring(2))) {
            return "KB" + trimmed.substring(2);
        }
        return trimmed;
    }

    /** True for "KB" followed by digits, the form {@link #normalize} gives real KB numbers. */
    public static boolean isKbNumber(String kb) {
        return kb.length() > 2 && kb.startsWith("KB") && isDigits(kb.substring(2));
    }

    private static boolean isDigits(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (!Character.isDigit(text.charAt(i))) {
                return false;
            }
        }
        return !text.isEmpty();
    }
}
