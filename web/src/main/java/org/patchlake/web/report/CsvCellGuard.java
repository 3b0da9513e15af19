package org.patchlake.web.report;

/**
 * How a text cell is made safe to open in a spreadsheet before it is written to a CSV file. Every CSV web writes goes
 * through one guard, so the rule is the same in every file (see {@link LeadingQuoteCellGuard}).
 */
@FunctionalInterface
public interface CsvCellGuard {
    /** The cell as it is written; null is written as an empty cell. */
    String cell(String value);
}
