package org.patchlake.reports.query;

/** A query or snapshot operation that failed; the message names the statement or snapshot and the cause. */
public final class QueryException extends RuntimeException {
    public QueryException(String message, Throwable cause) {
        super(message, cause);
    }

    public QueryException(String message) {
        super(message);
    }
}
