package org.patchlake.web.http;

import java.time.Duration;

/** 503: the server is too busy to compute this now; the answer carries Retry-After. */
public final class BusyException extends WebException {
    private final Duration retryAfter;

    public BusyException(String message, Duration retryAfter) {
        super(503, "busy", message);
        this.retryAfter = retryAfter;
    }

    public Duration retryAfter() {
        return retryAfter;
    }
}
