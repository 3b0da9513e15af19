package org.patchlake.core.csv;

import java.util.regex.Pattern;

/**
 * The one formula-injection rule for every CSV the product writes (reports, web exports, {@code evaluate --format csv}):
 * a cell that starts with {@code =}, {@code +}, {@code -}, {@code @}, a tab or a carriage return is prefixed with a single
 * quote, so a spreadsheet shows it as text instead of running it as a formula (OWASP "CSV injection"), unless the whole
 * cell is a plain number ({@code -12}, {@code -0.5}, {@code -1.5E3}): negative numbers stay numbers. Quoting of commas,
 * quotes and line breaks is the CSV writer's job (Commons CSV in the modules that write CSV); this is only the content
 * rule, a pure function so every module can use it without a dependency.
 */
public final class CsvCells {
    private static final Pattern PLAIN_NUMBER = Pattern.compile("-?(?:\\d+(?:\\.\\d*)?|\\.\\d+)(?:[eE][-+]?\\d+)?");

    private CsvCells() {
    }

    /** The cell as it may be written: unchanged, or with a leading {@code '} when a spreadsheet would read a formula. */
    public static String safe(String cell) {
        if (cell == null || cell.isEmpty() || !startsLikeFormula(cell.charAt(0)) || PLAIN_NUMBER.matcher(cell).matches()) {
            return cell;
        }
        return "'" + cell;
    }

    /** {@link #safe(String)} of a value's text; null stays null (an empty cell), numbers and booleans are their text. */
    public static String safe(Object value) {
        return value == null ? null : safe(value.toString());
    }

    private static boolean startsLikeFormula(char first) {
        return first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' || first == '\r';
    }
}
