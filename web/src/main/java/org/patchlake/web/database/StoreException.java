package org.patchlake.web.database;

/** A failure of the operational store, naming the operation that failed. */
public final class StoreException extends RuntimeException {
    public StoreException(String message, Throwable cause) {
        super(message + ": " + cause.getMessage(), cause);
    }
}
