package org.patchlake.core.rules;

import java.util.ArrayList;
import java.util.List;

/**
 * A dotted version such as a file version {@code 5.2.3790.2606} or an OS build {@code 10.0.19041.1}.
 * Compared numerically part by part; missing trailing parts count as zero ({@code 10.0 == 10.0.0.0}).
 */
public record Version(List<Long> parts) implements Comparable<Version> {

    public Version {
        parts = List.copyOf(parts);
        if (parts.isEmpty()) {
            throw new IllegalArgumentException("version has no parts");
        }
        for (Long part : parts) {
            if (part < 0) {
                throw new IllegalArgumentException("version part is negative: " + parts);
            }
        }
    }

    /**
     * Parses {@code 5.2.3790.462}. Windows file versions are sometimes followed by a label
     * ({@code "6.1.7601.17514 (win7sp1_rtm.101119-1850)"}): everything from the first space is ignored.
     * Commas (as in the binary FILEVERSION resource) are accepted as separators.
     */
    public static Version parse(String text) {
        if (text == null) {
            throw new IllegalArgumentException("version is null");
        }
        String trimmed = text.trim().replaceAll(",\\s+", ",");
        int space = trimmed.indexOf(' ');
        String core = space < 0 ? trimmed : trimmed.substring(0, space);
        if (core.isEmpty()) {
            throw new IllegalArgumentException("version is empty: '" + text + "'");
        }
        List<Long> parts = new ArrayList<>();
        for (String part : core.split("[.,]", -1)) {
            if (part.isEmpty() || part.length() > 18 || !part.chars().allMatch(Character::isDigit)) {
                throw new IllegalArgumentException("version part is not a number: '" + part + "' in '" + text + "'");
            }
            parts.add(Long.parseLong(part));
        }
        return new Version(parts);
    }

    public static Version of(long... parts) {
        List<Long> list = new ArrayList<>(parts.length);
        for (long part : parts) {
            list.add(part);
        }
        return new Version(list);
    }

    @Override
    public int compareTo(Version other) {
        int length = Math.max(parts.size(), other.parts.size());
        for (int i = 0; i < length; i++) {
            long mine = i < parts.size() ? parts.get(i) : 0L;
            long theirs = i < other.parts.size() ? other.parts.get(i) : 0L;
            if (mine != theirs) {
                return Long.compare(mine, theirs);
            }
        }
        return 0;
    }

    public boolean isAtLeast(Version other) {
        return compareTo(other) >= 0;
    }

    @Override
    public String toString() {
        StringBuilder text = new StringBuilder();
        for (Long part : parts) {
            if (text.length() > 0) {
                text.append('.');
            }
            text.append(part);
        }
        return text.toString();
    }
}
