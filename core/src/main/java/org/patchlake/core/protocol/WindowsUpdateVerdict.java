package org.patchlake.core.protocol;

import java.time.Instant;
import java.util.List;

/**
 * The Windows Update Agent's own answer to "which software updates does this computer miss", kept beside
 * Patchlake's verdict as a second opinion (additive in protocol v1: older agents send none).
 *
 * @param source       what the search ran against (required)
 * @param searchedAt   when the search finished (required)
 * @param missing      the updates it listed as not installed (empty when none or when the search failed)
 * @param errorCode    the search's failure, e.g. {@code 0x8024402C}, or null when it completed
 * @param errorMessage human-readable detail of the failure, or null
 */
public record WindowsUpdateVerdict(
        WindowsUpdateSearchSource source,
        Instant searchedAt,
        List<MissingUpdate> missing,
        String errorCode,
        String errorMessage) {

    public static final int MAX_MISSING = 5_000;

    public WindowsUpdateVerdict {
        Checks.required(source, "source");
        Checks.required(searchedAt, "searchedAt");
        missing = Checks.optionalList(missing, "missing");
        if (missing.size() > MAX_MISSING) {
            throw new ProtocolViolation("missing", "has more than " + MAX_MISSING + " entries");
        }
        errorCode = Checks.optionalText(errorCode, "errorCode");
        errorMessage = Checks.optionalText(errorMessage, "errorMessage");
        if (errorCode != null && !missing.isEmpty()) {
            throw new ProtocolViolation("missing", "must be empty when the search failed (errorCode " + errorCode + ")");
        }
    }

    /** True when the search completed, so {@link #missing()} is Windows Update's whole answer. */
    public boolean completed() {
        return errorCode == null;
    }
}
