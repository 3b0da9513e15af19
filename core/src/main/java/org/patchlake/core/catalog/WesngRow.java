package org.patchlake.core.catalog;

/**
 * One data row of a wesng CSV, fields as in the file (unquoted, not yet validated).
 *
 * @param sourceFile "CVEs_20260628.csv" or "Custom_20190321.csv"
 * @param line       1-based physical line where the row starts (the header is line 1)
 * @param raw        the row as written in the file
 */
public record WesngRow(
        String sourceFile,
        long line,
        String datePosted,
        String cve,
        String bulletinKb,
        String title,
        String affectedProduct,
        String affectedComponent,
        String severity,
        String impact,
        String supersedes,
        String exploits,
        String raw) {
}
