package org.patchlake.core.protocol;

import java.time.Instant;

/**
 * One install attempt.
 *
 * @param policyId   the policy that asked for it (required)
 * @param kb         {@code KB5034441} (required)
 * @param attempt    1 for the first attempt (required, >= 1)
 * @param startedAt  required
 * @param endedAt    required, not before startedAt
 * @param returnCode the installer's exit code or HRESULT as an unsigned 32-bit value, e.g. 0, 3010, 1603,
 *                   2149842967 for 0x80240017 (required, 0..4294967295)
 * @param outcome    required
 * @param message    installer / WUA message, or null
 */
public record DeliveryAttempt(
        String policyId,
        String kb,
        int attempt,
        Instant startedAt,
        Instant endedAt,
        Long returnCode,
        DeliveryOutcome outcome,
        String message) {

    public static final long MAX_RETURN_CODE = 0xFFFF_FFFFL;

    public DeliveryAttempt {
        policyId = Checks.identifier(policyId, "policyId");
        kb = Checks.kb(kb, "kb");
        Checks.atLeast(attempt, 1, "attempt");
        Checks.required(startedAt, "startedAt");
        Checks.required(endedAt, "endedAt");
        if (endedAt.isBefore(startedAt)) {
            throw new ProtocolViolation("endedAt", "is before startedAt (" + endedAt + " < " + startedAt + ")");
        }
        Checks.required(returnCode, "returnCode");
        if (returnCode < 0 || returnCode > MAX_RETURN_CODE) {
            throw new ProtocolViolation("returnCode", "must be an unsigned 32-bit value (0..4294967295) but was " + returnCode);
        }
        Checks.required(outcome, "outcome");
        message = Checks.optionalText(message, "message");
    }

    /** A signed 32-bit HRESULT (as Windows APIs return it) as the unsigned wire value. */
    public static long unsigned(int hresult) {
        return Integer.toUnsignedLong(hresult);
    }

    /** {@code 0x80240017} form of the return code. */
    public String returnCodeHex() {
        return String.format("0x%08X", returnCode);
    }
}
