package org.patchlake.core.inventory;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parses {@code wmic qfe list} output: a header of WMI property names (never localized) and rows aligned to
 * it. Values are cut at the header's column positions, so empty columns stay empty. The KB comes from
 * HotFixID ("KB4487017", "KB982632-IE8", "943729", "Q147222"); where XP writes "File 1" there, from
 * ServicePackInEffect ("KB893803v2"); the date from InstalledOn (or InstallDate).
 */
final class QfeParser {
    private static final Pattern HEADER_WORD = Pattern.compile("\\S+");
    private static final String[] FIRST_COLUMNS = {"Caption", "CSName", "Description"};

    private QfeParser() {
    }

    /** Index of the header line (the one naming HotFixID), or -1. */
    static int headerIndex(List<String> lines) {
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).contains("HotFixID")) {
                return i;
            }
        }
        return -1;
    }

    static Inventory parse(String sourceFile, DecodedText text) {
        List<String> lines = text.lines();
        int headerIndex = headerIndex(lines);
        String header = lines.get(headerIndex);
        int start = firstColumnStart(header);
        Map<String, int[]> columns = columns(header.substring(start));
        if (!columns.containsKey("HotFixID")) {
            throw new InventoryParseException(sourceFile, "wmic qfe header without a HotFixID column: '" + header.trim() + "'");
        }
        Map<String, InstalledKb> installed = new LinkedHashMap<>();
        List<String> withoutKb = new ArrayList<>();
        List<String> badDates = new ArrayList<>();
        for (int i = headerIndex + 1; i < lines.size(); i++) {
            String row = lines.get(i);
            if (row.isBlank()) {
                continue;
            }
            String hotfixId = value(row, columns, "HotFixID");
            Optional<String> kb = KbPatterns.hotfixId(hotfixId);
            if (kb.isEmpty()) {
                kb = KbPatterns.hotfixId(value(row, columns, "ServicePackInEffect"));
            }
            if (kb.isEmpty()) {
                kb = KbPatterns.anywhere(value(row, columns, "Description"));
            }
            if (kb.isEmpty()) {
                withoutKb.add(hotfixId.isEmpty() ? row.trim() : hotfixId);
                continue;
            }
            String installedOn = value(row, columns, "InstalledOn");
            if (installedOn.isEmpty()) {
                installedOn = value(row, columns, "InstallDate");
            }
            Optional<java.time.LocalDate> date = WmicDates.parse(installedOn);
            if (date.isEmpty()) {
                date = dateAnywhere(row);
            }
            if (date.isEmpty() && !installedOn.isEmpty()) {
                badDates.add("line " + (i + 1) + ": '" + installedOn + "'");
            }
            String id = kb.get();
            installed.merge(id, new InstalledKb(id, date.orElse(null)), QfeParser::earlier);
        }
        List<String> warnings = new ArrayList<>();
        if (!withoutKb.isEmpty()) {
            warnings.add(withoutKb.size() + " rows without a KB id (e.g. '" + withoutKb.get(0) + "')");
        }
        if (!badDates.isEmpty()) {
            warnings.add(badDates.size() + " install dates not understood (" + badDates.get(0) + ")");
        }
        return new Inventory(sourceFile, InventoryFormat.QFE, text.encoding(), hostName(lines, headerIndex, columns),
                null, List.copyOf(installed.values()), -1, List.of(), warnings);
    }

    /**
     * Rows whose text is wider than wmic measured it (non-ASCII user names, "TEST_dc\\Администратор") shift the
     * later columns left; then the date is the last value of the row that reads as a date.
     */
    private static Optional<java.time.LocalDate> dateAnywhere(String row) {
        String[] values = row.trim().split("\\s{2,}");
        for (int i = values.length - 1; i > 0; i--) {
            Optional<java.time.LocalDate> date = WmicDates.parse(values[i]);
            if (date.isPresent()) {
                return date;
            }
        }
        return Optional.empty();
    }

    /** Keeps the earliest known install date when a KB is listed twice. */
    private static InstalledKb earlier(InstalledKb first, InstalledKb second) {
        if (first.installedOn() == null) {
            return second;
        }
        if (second.installedOn() == null || !second.installedOn().isBefore(first.installedOn())) {
            return first;
        }
        return second;
    }

    private static String hostName(List<String> lines, int headerIndex, Map<String, int[]> columns) {
        for (int i = headerIndex + 1; i < lines.size(); i++) {
            if (!lines.get(i).isBlank()) {
                return value(lines.get(i), columns, "CSName");
            }
        }
        return "";
    }

    /** wmic's own "Please wait while WMIC is being installed." can precede the header on the same line. */
    private static int firstColumnStart(String header) {
        int start = -1;
        for (String name : FIRST_COLUMNS) {
            int index = header.indexOf(name);
            if (index >= 0 && (start < 0 || index < start)) {
                start = index;
            }
        }
        return start < 0 ? 0 : start;
    }

    /** Column name -> [start, end) (end = -1 for the last column). */
    private static Map<String, int[]> columns(String header) {
        Map<String, int[]> columns = new LinkedHashMap<>();
        Matcher word = HEADER_WORD.matcher(header);
        String previous = null;
        while (word.find()) {
            if (previous != null) {
                columns.get(previous)[1] = word.start();
            }
            columns.put(word.group(), new int[] {word.start(), -1});
            previous = word.group();
        }
        return columns;
    }

    private static String value(String row, Map<String, int[]> columns, String name) {
        int[] range = columns.get(name);
        if (range == null || range[0] >= row.length()) {
            return "";
        }
        int end = range[1] < 0 ? row.length() : Math.min(range[1], row.length());
        return row.substring(range[0], end).trim();
    }
}
