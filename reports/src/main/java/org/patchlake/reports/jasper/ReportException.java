package org.patchlake.reports.jasper;

/** A report could not be compiled, filled or exported; the message names the report and the cause. */
public class ReportException extends RuntimeException {
    public ReportException(String message) {
        super(message);
    }

    public ReportException(String message, Throwable cause) {
        super(message, cause);
    }
}
