package org.patchlake.core.inventory;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The "label: value" layout of systeminfo, read by structure: every top-level line pads its label to one
 * value column (27 in English, 38 in Italian, 43 in Spanish, ...), continuation lines are indented. The
 * column is found as the most common position where a value starts after "label:" and spaces, so labels in
 * any language (and labels with colons, "Virtual Memory: Max Size:") split right. Chinese, Japanese and Korean
 * labels are padded to the column the way the console shows them, each wide character taking two cells: columns
 * are then counted in cells ({@link Layout#cells}) when that lines more values up than counting characters.
 */
final class SysteminfoFields {
    /** One top-level field with its indented continuation lines (trimmed). */
    record Field(String label, String value, List<String> continuation) {
    }

    /** Where values start: a column, counted in characters or in console cells (wide characters count two). */
    record Layout(int column, boolean cells) {
    }

    /** Marks the second cell of a wide character while columns are counted in cells. */
    private static final char SECOND_CELL = '\u0001';

    private SysteminfoFields() {
    }

    /** The value column, or -1 when fewer than {@code minimumLines} lines share one. */
    static int valueColumn(List<String> lines, int minimumLines) {
        Layout layout = layout(lines, minimumLines);
        return layout == null ? -1 : layout.column();
    }

    /** The layout lining up the most values, or null when fewer than {@code minimumLines} lines share a column. */
    static Layout layout(List<String> lines, int minimumLines) {
        int[] characters = column(lines);
        if (lines.stream().noneMatch(SysteminfoFields::hasWide)) {
            return characters[1] >= minimumLines ? new Layout(characters[0], false) : null;
        }
        int[] cells = column(lines.stream().map(SysteminfoFields::toCells).toList());
        if (cells[1] > characters[1]) {
            return cells[1] >= minimumLines ? new Layout(cells[0], true) : null;
        }
        return characters[1] >= minimumLines ? new Layout(characters[0], false) : null;
    }

    /** The fields of {@code lines} split at {@code layout}'s column. */
    static List<Field> fields(List<String> lines, Layout layout) {
        if (!layout.cells()) {
            return fields(lines, layout.column());
        }
        List<Field> fields = new ArrayList<>();
        for (Field field : fields(lines.stream().map(SysteminfoFields::toCells).toList(), layout.column())) {
            fields.add(new Field(fromCells(field.label()), fromCells(field.value()),
                    field.continuation().stream().map(SysteminfoFields::fromCells).toList()));
        }
        return fields;
    }

    /** A character the console shows two cells wide (CJK ideographs, kana, Hangul, full-width forms). */
    static boolean isWide(char c) {
        return c >= 0x1100 && (c <= 0x115F || c == 0x2329 || c == 0x232A
                || c >= 0x2E80 && c <= 0xA4CF && c != 0x303F || c >= 0xAC00 && c <= 0xD7A3
                || c >= 0xF900 && c <= 0xFAFF || c >= 0xFE30 && c <= 0xFE4F
                || c >= 0xFF00 && c <= 0xFF60 || c >= 0xFFE0 && c <= 0xFFE6);
    }

    private static boolean hasWide(String line) {
        for (int i = 0; i < line.length(); i++) {
            if (isWide(line.charAt(i))) {
                return true;
            }
        }
        return false;
    }

    private static String toCells(String line) {
        if (!hasWide(line)) {
            return line;
        }
        StringBuilder cells = new StringBuilder(line.length() + 8);
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            cells.append(c);
            if (isWide(c)) {
                cells.append(SECOND_CELL);
            }
        }
        return cells.toString();
    }

    private static String fromCells(String text) {
        return text.indexOf(SECOND_CELL) < 0 ? text : text.replace(String.valueOf(SECOND_CELL), "");
    }

    /** {column, votes}: the most common position where a value starts after "label:" and spaces. */
    private static int[] column(List<String> lines) {
        Map<Integer, Integer> votes = new HashMap<>();
        for (String line : lines) {
            if (line.isEmpty() || Character.isWhitespace(line.charAt(0))) {
                continue;
            }
            Set<Integer> candidates = new HashSet<>();
            for (int i = 1; i < line.length(); i++) {
                if (line.charAt(i) != ' ' && line.charAt(i - 1) == ' ') {
                    int colon = i - 1;
                    while (colon >= 0 && line.charAt(colon) == ' ') {
                        colon--;
                    }
                    if (colon >= 0 && line.charAt(colon) == ':') {
                        candidates.add(i);
                    }
                }
            }
            candidates.forEach(column -> votes.merge(column, 1, Integer::sum));
        }
        int best = -1;
        int bestVotes = 0;
        for (Map.Entry<Integer, Integer> vote : votes.entrySet()) {
            if (vote.getValue() > bestVotes || (vote.getValue() == bestVotes && vote.getKey() < best)) {
                best = vote.getKey();
                bestVotes = vote.getValue();
            }
        }
        return new int[] {best, bestVotes};
    }

    static List<Field> fields(List<String> lines, int column) {
        List<Field> fields = new ArrayList<>();
        String label = null;
        String value = null;
        List<String> continuation = new ArrayList<>();
        for (String line : lines) {
            if (line.isBlank()) {
                continue;
            }
            boolean topLevel = !Character.isWhitespace(line.charAt(0));
            if (topLevel && isFieldLine(line, column)) {
                if (label != null) {
                    fields.add(new Field(label, value, List.copyOf(continuation)));
                }
                String labelPart = line.substring(0, Math.min(column, line.length())).trim();
                label = labelPart.endsWith(":") ? labelPart.substring(0, labelPart.length() - 1).trim() : labelPart;
                value = line.length() > column ? line.substring(column).trim() : "";
                continuation = new ArrayList<>();
            } else if (!topLevel && label != null) {
                continuation.add(line.trim());
            }
        }
        if (label != null) {
            fields.add(new Field(label, value, List.copyOf(continuation)));
        }
        return fields;
    }

    /** A top-level line whose label ends in ':' before the value column. */
    private static boolean isFieldLine(String line, int column) {
        String labelPart = line.substring(0, Math.min(column, line.length())).stripTrailing();
        if (labelPart.endsWith(":")) {
            return line.length() <= column || line.charAt(column - 1) == ' ';
        }
        return false;
    }
}
