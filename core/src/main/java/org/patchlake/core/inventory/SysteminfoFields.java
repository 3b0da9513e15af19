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
 * any language (and labels with colons, "Virtual Memory: Max Size:") split right.
 */
final class SysteminfoFields {
    /** One top-level field with its indented continuation lines (trimmed). */
    record Field(String label, String value, List<String> continuation) {
    }

    private SysteminfoFields() {
    }

    /** The value column, or -1 when fewer than {@code minimumLines} lines share one. */
    static int valueColumn(List<String> lines, int minimumLines) {
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
        return bestVotes >= minimumLines ? best : -1;
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
