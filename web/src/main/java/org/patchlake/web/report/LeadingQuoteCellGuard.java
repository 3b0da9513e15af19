package org.patchlake.web.report;

import java.util.regex.Pattern;

/**
 * The spreadsheet formula-injection rule: a cell starting with {@code = + - @}, a tab or a carriage return is prefixed
 * with a single quote, so Excel, LibreOffice and Google Sheets show it as text instead of running it, unless it is a
 * plain number ({@code -12}, {@code -0.5} stay numbers).
 */
public final class LeadingQuoteCellGuard implements CsvCellGuard {
    private static final String TRIGGERS = "=+-@\t\r";
    private static final Pattern PLAIN_NUMBER = Pattern.compile("[-+]?[0-9]+(\\.[0-9]+)?");

    @Override
    public String cell(String value) {
        if (value == null || value.isEmpty()) {
            return "";
        }
        if (TRIGGERS.indexOf(value.charAt(0)) >= 0 && !PLAIN_NUMBER.matcher(value).matches()) {
            return "'" + value;
        }
        return value;
    }
}
