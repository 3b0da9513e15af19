package org.patchlake.agent.endpoint.windows;

import java.util.Locale;
import org.patchlake.core.rules.FactUnavailableException;

/**
 * A COM call that failed, with its HRESULT ({@code 0x8024402C}) and what was being done. A fact that cannot be read,
 * so the scan records it and carries on.
 */
public final class ComFailure extends FactUnavailableException {

    private final int hresult;

    public ComFailure(String what, int hresult, String detail) {
        super(what + ": HRESULT " + hex(hresult) + (detail == null || detail.isBlank() ? "" : " (" + detail.strip() + ")"));
        this.hresult = hresult;
    }

    public ComFailure(String what, int hresult, String detail, Throwable cause) {
        this(what, hresult, detail);
        initCause(cause);
    }

    public int hresult() {
        return hresult;
    }

    /** {@code 0x8024402C}: eight upper-case hex digits, as Windows documents HRESULTs. */
    public String hex() {
        return hex(hresult);
    }

    static String hex(int hresult) {
        return "0x" + String.format(Locale.ROOT, "%08X", hresult);
    }
}
