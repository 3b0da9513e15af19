package org.patchlake.web.report;

import org.patchlake.core.rules.InstallReturnCodes;

import java.util.Locale;

/**
 * Installer return codes as people read them, from core's one table ({@link InstallReturnCodes}). A code may be
 * stored unsigned (2149842967), signed (-2145124329) or as an exit code (1603); all forms name the same code.
 * An HRESULT wrapping a Win32 error (0x8007xxxx) is explained by that error when the table knows it
 * (0x80070643 = 1603), and an unknown code at least names its facility (Windows Update, servicing, Win32).
 */
public final class ReturnCodes {
    private static final long FACILITY_WIN32 = 7;
    private static final long FACILITY_WINDOWS_UPDATE = 0x24;
    private static final long FACILITY_SERVICING = 0x0F;

    private ReturnCodes() {
    }

    /**
     * The code in its usual forms: exit codes as "1603 (0x00000643)", HRESULTs as "0x80240017 (-2145124329)",
     * i.e. hexadecimal first and the signed 32-bit value Windows tools print; null for none.
     */
    public static String code(Long returnCode) {
        if (returnCode == null) {
            return null;
        }
        long unsigned = InstallReturnCodes.normalise(returnCode);
        if (unsigned > 0xFFFFFFFFL || unsigned < 0) {
            return Long.toString(returnCode);
        }
        String hex = InstallReturnCodes.hex(unsigned);
        if (unsigned < 0x80000000L) {
            return unsigned + " (" + hex + ")";
        }
        return hex + " (" + (int) unsigned + ")";
    }

    /**
     * What the code means: the meaning the warehouse recorded when it gave one, else core's table (with the
     * symbol), else the Win32 error inside an HRESULT, else "unknown return code 0x... (facility)"; null for no code.
     */
    public static String meaning(Long returnCode, String recorded) {
        if (returnCode == null) {
            return recorded;
        }
        if (recorded != null && !recorded.isBlank() && !recorded.startsWith("unknown return code")) {
            return recorded;
        }
        return describe(returnCode);
    }

    /** Core's meaning of a code, with its symbol ("WU_E_NOT_APPLICABLE: the update is not applicable to this computer"). */
    public static String describe(long returnCode) {
        long unsigned = InstallReturnCodes.normalise(returnCode);
        InstallReturnCodes.ReturnCode known = InstallReturnCodes.describe(unsigned);
        if (!"UNKNOWN".equals(known.symbol())) {
            return known.symbol() + ": " + known.meaning();
        }
        boolean failure = (unsigned & 0x80000000L) != 0 && unsigned <= 0xFFFFFFFFL;
        long facility = (unsigned >> 16) & 0x1FFF;
        if (failure && facility == FACILITY_WIN32) {
            InstallReturnCodes.ReturnCode win32 = InstallReturnCodes.describe(unsigned & 0xFFFF);
            if (!"UNKNOWN".equals(win32.symbol())) {
                return String.format(Locale.ROOT, "HRESULT of Win32 error %d, %s: %s", unsigned & 0xFFFF, win32.symbol(), win32.meaning());
            }
            return String.format(Locale.ROOT, "unknown return code %s (HRESULT of Win32 error %d)", InstallReturnCodes.hex(unsigned),
                    unsigned & 0xFFFF);
        }
        String where = !failure ? "" : facility == FACILITY_WINDOWS_UPDATE ? " (a Windows Update Agent error)"
                : facility == FACILITY_SERVICING ? " (a component-based servicing error)" : "";
        return "unknown return code " + InstallReturnCodes.hex(unsigned) + where;
    }
}
