package org.patchlake.core.inventory;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Recognizes hotfix ids as Windows writes them: "KB4487017", "KB893803v2", "KB2536276-v2", "KB941569_WM11", "Q147222", "943729". */
final class KbPatterns {
    private static final Pattern HOTFIX_ID = Pattern.compile("(?i)^(?:KB|Q)(\\d{4,8})(?![0-9]).*");
    private static final Pattern DIGITS_ONLY = Pattern.compile("^(\\d{5,8})$");
    private static final Pattern KB_ANYWHERE = Pattern.compile("(?<![A-Za-z0-9])KB(\\d{4,8})(?![0-9])");

    private KbPatterns() {
    }

    /** The KB of a hotfix id at the start of {@code text}; digits alone count ("943729" in Vista's wmic). */
    static Optional<String> hotfixId(String text) {
        String trimmed = text.trim();
        Matcher matcher = HOTFIX_ID.matcher(trimmed);
        if (matcher.matches()) {
            return Optional.of("KB" + matcher.group(1));
        }
        Matcher digits = DIGITS_ONLY.matcher(trimmed);
        return digits.matches() ? Optional.of("KB" + digits.group(1)) : Optional.empty();
    }

    /** The first "KBnnnn" anywhere in {@code text}. */
    static Optional<String> anywhere(String text) {
        Matcher matcher = KB_ANYWHERE.matcher(text);
        return matcher.find() ? Optional.of("KB" + matcher.group(1)) : Optional.empty();
    }
}
