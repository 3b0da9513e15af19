package org.patchlake.web.http;

/** An HTTP error with a status and a message safe to show: 401, 403, 404, 409, 429, 501, 503. */
public class WebException extends RuntimeException {
    private final int status;
    private final String code;

    public WebException(int status, String code, String message) {
        super(message);
        this.status = status;
        this.code = code;
    }

    public int status() {
        return status;
    }

    public String code() {
        return code;
    }

    public static WebException notFound(String message) {
        return new WebException(404, "not_found", message);
    }

    public static WebException forbidden(String message) {
        return new WebException(403, "forbidden", message);
    }

    public static WebException conflict(String message) {
        return new WebException(409, "conflict", message);
    }
}
