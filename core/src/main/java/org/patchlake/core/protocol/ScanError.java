package org.patchlake.core.protocol;

/**
 * An error the scan met and survived.
 *
 * @param code    e.g. {@code 0x8024402C} or {@code WMI_TIMEOUT} (required)
 * @param message human-readable detail, or null
 */
public record ScanError(String code, String message) {
    public ScanError {
        code = Checks.text(code, "code");
        message = Checks.optionalText(message, "message");
    }
}
