package org.patchlake.agent.upload;

/** The server refused a request with a 4xx answer; {@code error} is its machine-readable code when it sent one. */
public class IngestRejectedException extends Exception {

    private final int status;
    private final String error;

    public IngestRejectedException(int status, String error, String message) {
        super(message);
        this.status = status;
        this.error = error;
    }

    public int status() {
        return status;
    }

    public String error() {
        return error;
    }
}
