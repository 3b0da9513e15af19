package org.patchlake.agent.endpoint.windows;

import com.sun.jna.Native;
import com.sun.jna.WString;
import com.sun.jna.win32.StdCallLibrary;
import com.sun.jna.win32.W32APIOptions;
import java.util.Locale;
import java.util.Optional;

/**
 * The machine's short date pattern and locale name through {@code GetLocaleInfoEx} (the service account's
 * locale, which for LocalSystem is the system default), for reading QFE dates. Windows only.
 */
final class WindowsLocale {

    private static final int LOCALE_SSHORTDATE = 0x1F;
    private static final int LOCALE_SNAME = 0x5C;

    /** GetLocaleInfoEx, which jna-platform does not declare. */
    interface Kernel32Locale extends StdCallLibrary {
        int GetLocaleInfoEx(WString localeName, int type, char[] data, int size);
    }

    private WindowsLocale() {
    }

    /** The machine's QFE date reader; the US form when the locale cannot be read. */
    static QuickFixDates quickFixDates() {
        Kernel32Locale kernel32 = Native.load("kernel32", Kernel32Locale.class, W32APIOptions.DEFAULT_OPTIONS);
        Optional<String> pattern = info(kernel32, LOCALE_SSHORTDATE);
        Locale locale = info(kernel32, LOCALE_SNAME).map(Locale::forLanguageTag).orElse(Locale.US);
        if (pattern.isEmpty()) {
            return QuickFixDates.unitedStates();
        }
        try {
            return new QuickFixDates(pattern.get(), locale);
        } catch (IllegalArgumentException e) {
            return QuickFixDates.unitedStates();
        }
    }

    private static Optional<String> info(Kernel32Locale kernel32, int type) {
        char[] buffer = new char[128];
        int length = kernel32.GetLocaleInfoEx(null, type, buffer, buffer.length);
        return length <= 1 ? Optional.empty() : Optional.of(new String(buffer, 0, length - 1));
    }
}
