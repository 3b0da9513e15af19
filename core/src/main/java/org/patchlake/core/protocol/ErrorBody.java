package org.patchlake.core.protocol;

/**
 * The JSON body of every 4xx/5xx answer.
 *
 * @param error   a stable machine-readable code (see {@link ErrorCode})
 * @param field   the offending field path ({@code installedUpdates[3].kb}, a header name), or null
 * @param message human-readable explanation
 */
public record ErrorBody(String error, String field, String message) {
    public ErrorBody {
        Checks.text(error, "error");
        Checks.text(message, "message");
    }
}
