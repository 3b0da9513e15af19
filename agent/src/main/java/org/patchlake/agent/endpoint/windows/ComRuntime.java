package org.patchlake.agent.endpoint.windows;

import com.sun.jna.platform.win32.COM.COMException;
import com.sun.jna.platform.win32.Ole32;
import com.sun.jna.platform.win32.WinError;
import com.sun.jna.platform.win32.WinNT;

/**
 * The one owner of COM for the Windows backend (history, WMI and the Windows Update search all go through it):
 * {@link #call} joins the calling thread to the multithreaded apartment, initialises process security once, runs
 * the work with a {@link ComScope} that releases every object the work obtained, and leaves the apartment only if
 * it entered it. {@code CoInitializeEx} answering {@code RPC_E_CHANGED_MODE} (the thread is already in a
 * single-threaded apartment) is used as it is and not uninitialised; any other failure is a {@link ComFailure}.
 * Windows only.
 */
final class ComRuntime {

    /** RPC_C_AUTHN_LEVEL_DEFAULT, RPC_C_IMP_LEVEL_IMPERSONATE, EOAC_NONE: what WMI clients use. */
    private static final int AUTHN_LEVEL_DEFAULT = 0;
    private static final int IMP_LEVEL_IMPERSONATE = 3;
    private static final int EOAC_NONE = 0;

    /** The work done inside an apartment, with a scope that owns every COM object it obtains. */
    @FunctionalInterface
    interface Work<T> {
        T run(ComScope scope);
    }

    private boolean securityInitialised;

    <T> T call(String what, Work<T> work) {
        WinNT.HRESULT entered = Ole32.INSTANCE.CoInitializeEx(null, Ole32.COINIT_MULTITHREADED);
        boolean leave = ComApartment.mustUninitialize(what, entered.intValue());
        try {
            initialiseSecurity(what);
            try (ComScope scope = new ComScope()) {
                return work.run(scope);
            }
        } catch (COMException e) {
            throw new ComFailure(what, e.getHresult() == null ? WinError.E_FAIL : e.getHresult().intValue(),
                e.getMessage(), e);
        } finally {
            if (leave) {
                Ole32.INSTANCE.CoUninitialize();
            }
        }
    }

    private void initialiseSecurity(String what) {
        if (securityInitialised) {
            return;
        }
        WinNT.HRESULT result = Ole32.INSTANCE.CoInitializeSecurity(null, -1, null, null, AUTHN_LEVEL_DEFAULT,
            IMP_LEVEL_IMPERSONATE, null, EOAC_NONE, null);
        ComApartment.checkSecurity(what, result.intValue());
        securityInitialised = true;
    }
}
