package org.patchlake.core.rules;

/** A fact could not be read (as opposed to: it was read and is absent). */
public class FactUnavailableException extends RuntimeException {

    public FactUnavailableException(String message) {
        super(message);
    }

    public FactUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
