package org.patchlake.agent.endpoint.windows;

import com.sun.jna.platform.win32.WinError;

/** The decisions around {@code CoInitializeEx} and {@code CoInitializeSecurity} results, apart from the calls. */
final class ComApartment {

    static final int S_OK = 0;
    static final int S_FALSE = 1;

    private ComApartment() {
    }

    /**
     * Whether the caller must call {@code CoUninitialize} after its work: yes after S_OK or S_FALSE (each
     * successful call must be balanced), no after RPC_E_CHANGED_MODE (the thread keeps the apartment it had);
     * anything else is a failure.
     */
    static boolean mustUninitialize(String what, int hresult) {
        if (hresult == S_OK || hresult == S_FALSE) {
            return true;
        }
        if (hresult == WinError.RPC_E_CHANGED_MODE) {
            return false;
        }
        throw new ComFailure(what + ": CoInitializeEx", hresult, "COM could not be initialised on this thread");
    }

    /** CoInitializeSecurity may be called once per process: RPC_E_TOO_LATE means it already was (by us or a library). */
    static void checkSecurity(String what, int hresult) {
        if (hresult != S_OK && hresult != WinError.RPC_E_TOO_LATE) {
            throw new ComFailure(what + ": CoInitializeSecurity", hresult, "COM security could not be initialised");
        }
    }
}
