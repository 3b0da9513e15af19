package org.patchlake.core.protocol;

import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/** Argument checks shared by the protocol records; every failure is a {@link ProtocolViolation} naming the field. */
final class Checks {
    /** Message ids and computer ids: printable, no whitespace, bounded. */
    static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._:-]{0,127}");
    static final Pattern KB = Pattern.compile("KB[0-9]{4,8}");
    static final int MAX_TEXT = 4096;

    private Checks() {
    }

    static <T> T required(T value, String field) {
        if (value == null) {
            throw new ProtocolViolation(field, "is required");
        }
        return value;
    }

    static String text(String value, String field) {
        required(value, field);
        if (value.isBlank()) {
            throw new ProtocolViolation(field, "is blank");
        }
        return optionalText(value, field);
    }

    static String optionalText(String value, String field) {
        if (value != null && value.length() > MAX_TEXT) {
            throw new ProtocolViolation(field, "is longer than " + MAX_TEXT + " characters");
        }
        return value;
    }

    static String identifier(String value, String field) {
        required(value, field);
        if (!IDENTIFIER.matcher(value).matches()) {
            throw new ProtocolViolation(field, "must match " + IDENTIFIER.pattern() + " but was '" + shorten(value) + "'");
        }
        return value;
    }

    static String kb(String value, String field) {
        required(value, field);
        if (!isKb(value)) {
            throw new ProtocolViolation(field, "must look like KB5034441 but was '" + shorten(value) + "'");
        }
        return value;
    }

    /** Same as {@link #KB} without a regex: this runs for every installed update of every inventory. */
    static boolean isKb(String value) {
        int length = value.length();
        if (length < 6 || length > 10 || value.charAt(0) != 'K' || value.charAt(1) != 'B') {
            return false;
        }
        for (int i = 2; i < length; i++) {
            char c = value.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }

    static long atLeast(long value, long minimum, String field) {
        if (value < minimum) {
            throw new ProtocolViolation(field, "must be >= " + minimum + " but was " + value);
        }
        return value;
    }

    static <T> List<T> list(List<T> values, String field) {
        required(values, field);
        return optionalList(values, field);
    }

    /** A missing optional list is the empty list; null elements are rejected with their index. */
    static <T> List<T> optionalList(List<T> values, String field) {
        if (values == null) {
            return List.of();
        }
        for (int i = 0; i < values.size(); i++) {
            if (values.get(i) == null) {
                throw new ProtocolViolation(field + "[" + i + "]", "is null");
            }
        }
        return List.copyOf(values);
    }

    static <T> Set<T> optionalSet(Collection<T> values, String field) {
        if (values == null) {
            return Set.of();
        }
        if (values.contains(null)) {
            throw new ProtocolViolation(field, "contains null");
        }
        return Set.copyOf(values);
    }

    static String shorten(String value) {
        return value.length() <= 64 ? value : value.substring(0, 64) + "...";
    }
}
