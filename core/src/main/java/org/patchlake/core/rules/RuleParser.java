package org.patchlake.core.rules;

import java.util.ArrayList;
import java.util.List;

/**
 * Reads detection rules in seed format, an s-expression:
 * <pre>
 * (or (registry-value "HKLM\SOFTWARE\Microsoft\Updates\KB958644" "Installed" = "1")
 *     (and (not (registry-key "HKLM\SOFTWARE\Microsoft\Windows NT\CurrentVersion\Hotfix\KB958644"))
 *          (file-version "%SystemRoot%\system32\netapi32.dll" >= "5.2.3790.462"))
 *     (and (registry-key "HKLM\...") (file-version "%SystemRoot%\system32\netapi32.dll" >= "5.2.3790.2606")))
 * </pre>
 * Forms: {@code and}, {@code or}, {@code not}, {@code registry-key}, {@code registry-value K N = V},
 * {@code file}, {@code file-version P >= V}, {@code kb}, {@code os-product}, {@code os-build >= V}.
 * Strings are double-quoted with literal backslashes ({@code ""} is a quote); plain words need no quotes;
 * {@code ;} starts a comment to the end of the line. Errors name the offset and what was found.
 */
public final class RuleParser {
    /** Deeper nesting than any real rule, and shallow enough that parsing, writing and evaluating never run out of stack. */
    static final int MAX_DEPTH = 100;

    private final String text;
    private int position;
    private int depth;

    private RuleParser(String text) {
        this.text = text;
    }

    public static DetectionRule parse(String text) {
        if (text == null) {
            throw new RuleSyntaxException("rule text is null");
        }
        RuleParser parser = new RuleParser(text);
        DetectionRule rule = parser.rule();
        parser.skipSpace();
        if (parser.position < text.length()) {
            throw parser.error("unexpected text after the rule");
        }
        return rule;
    }

    private DetectionRule rule() {
        expect('(');
        if (++depth > MAX_DEPTH) {
            position--;
            throw error("rule nests deeper than " + MAX_DEPTH + " levels");
        }
        int operatorAt = position;
        String operator = atom("an operator");
        DetectionRule rule = switch (operator) {
            case "and" -> new DetectionRule.And(operands());
            case "or" -> new DetectionRule.Or(operands());
            case "not" -> new DetectionRule.Not(rule());
            case "registry-key" -> new DetectionRule.RegistryKeyExists(atom("a registry key"));
            case "registry-value" -> registryValue();
            case "file" -> new DetectionRule.FileExists(atom("a file path"));
            case "file-version" -> {
                String path = atom("a file path");
                keyword(">=");
                yield new DetectionRule.FileVersionAtLeast(path, version());
            }
            case "kb" -> installedKb();
            case "os-product" -> new DetectionRule.OsProduct(atom("an OS product name"));
            case "os-build" -> {
                keyword(">=");
                yield new DetectionRule.OsBuildAtLeast(version());
            }
            default -> {
                position = operatorAt;
                throw error("unknown operator '" + operator + "'");
            }
        };
        expect(')');
        depth--;
        return rule;
    }

    private List<DetectionRule> operands() {
        List<DetectionRule> operands = new ArrayList<>();
        skipSpace();
        while (position < text.length() && text.charAt(position) == '(') {
            operands.add(rule());
            skipSpace();
        }
        if (operands.isEmpty()) {
            throw error("expected at least one operand");
        }
        return operands;
    }

    private DetectionRule registryValue() {
        String key = atom("a registry key");
        String name = atom("a registry value name");
        keyword("=");
        return new DetectionRule.RegistryValueEquals(key, name, atom("the expected value"));
    }

    private DetectionRule installedKb() {
        skipSpace();
        int at = position;
        String kb = atom("a KB number");
        try {
            return new DetectionRule.InstalledKb(kb);
        } catch (IllegalArgumentException e) {
            position = at;
            throw error(e.getMessage());
        }
    }

    private Version version() {
        skipSpace();
        int at = position;
        String value = atom("a version");
        try {
            return Version.parse(value);
        } catch (IllegalArgumentException e) {
            position = at;
            throw error(e.getMessage());
        }
    }

    private void keyword(String expected) {
        skipSpace();
        int at = position;
        String found = atom("'" + expected + "'");
        if (!found.equals(expected)) {
            position = at;
            throw error("expected '" + expected + "'");
        }
    }

    private String atom(String what) {
        skipSpace();
        if (position >= text.length()) {
            throw error("expected " + what + " but the text ended");
        }
        char first = text.charAt(position);
        if (first == '"') {
            return quoted();
        }
        if (first == '(' || first == ')') {
            throw error("expected " + what);
        }
        int start = position;
        while (position < text.length() && !isDelimiter(text.charAt(position))) {
            position++;
        }
        return text.substring(start, position);
    }

    private String quoted() {
        StringBuilder value = new StringBuilder();
        int start = position++;
        while (position < text.length()) {
            char c = text.charAt(position++);
            if (c == '"') {
                if (position < text.length() && text.charAt(position) == '"') {
                    value.append('"');
                    position++;
                } else {
                    return value.toString();
                }
            } else {
                value.append(c);
            }
        }
        position = start;
        throw error("string is not closed");
    }

    private void expect(char expected) {
        skipSpace();
        if (position >= text.length() || text.charAt(position) != expected) {
            throw error("expected '" + expected + "'");
        }
        position++;
    }

    private void skipSpace() {
        while (position < text.length()) {
            char c = text.charAt(position);
            if (c == ';') {
                while (position < text.length() && text.charAt(position) != '\n') {
                    position++;
                }
            } else if (Character.isWhitespace(c)) {
                position++;
            } else {
                return;
            }
        }
    }

    private static boolean isDelimiter(char c) {
        return Character.isWhitespace(c) || c == '(' || c == ')' || c == '"' || c == ';';
    }

    private RuleSyntaxException error(String message) {
        int end = Math.min(text.length(), position + 30);
        String found = position >= text.length() ? "end of text" : "'" + text.substring(position, end) + "'";
        return new RuleSyntaxException("rule text at offset " + position + ": " + message + ", found " + found);
    }
}
