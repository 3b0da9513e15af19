package org.patchlake.core.rules;

import java.util.List;
import java.util.Locale;

/** Small helpers shared by the rule tree's writer and the parser. */
final class RuleText {

    private RuleText() {
    }

    static String list(String operator, List<DetectionRule> operands) {
        StringBuilder text = new StringBuilder("(").append(operator);
        for (DetectionRule operand : operands) {
            text.append(' ').append(operand.toSeedText());
        }
        return text.append(')').toString();
    }

    /** Strings are written in double quotes; backslashes are literal (registry and file paths), quotes are doubled. */
    static String quote(String value) {
        return '"' + value.replace("\"", "\"\"") + '"';
    }

    static String normaliseKb(String kb) {
        String trimmed = kb.trim().toUpperCase(Locale.ROOT);
        String digits = trimmed.startsWith("KB") ? trimmed.substring(2) : trimmed;
        if (digits.isEmpty() || !digits.chars().allMatch(Character::isDigit)) {
            throw new IllegalArgumentException("not a KB number: '" + kb + "'");
        }
        return "KB" + digits;
    }
}
