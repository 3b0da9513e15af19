package org.patchlake.web.database;

/** An insert that would create a second row with the same name or key. */
public final class DuplicateException extends RuntimeException {
    public DuplicateException(String message) {
        super(message);
    }
}
