package org.patchlake.web.http;

import static java.util.Objects.requireNonNull;

/** Bad input in one named request parameter (query, form or JSON field): answered with 400 naming it. */
public final class BadParameterException extends RuntimeException {
    private final String parameter;

    public BadParameterException(String parameter, String message) {
        super(message);
        this.parameter = requireNonNull(parameter, "parameter is null");
    }

    public String parameter() {
        return parameter;
    }
}
