package org.patchlake.agent.upload;

/** The server could not be reached or answered in a way that cannot be used (after the retries). */
public class IngestUnavailableException extends Exception {

    public IngestUnavailableException(String message) {
        super(message);
    }

    public IngestUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
