package org.patchlake.core.inventory;

import java.util.Locale;
import java.util.Optional;

/** Processor architecture of a Windows installation, as systeminfo's "System Type" states it. */
public enum Architecture {
    X86, X64, ARM64, IA64;

    /**
     * Reads a system type value: "x64-based PC", "X86-based PC", "ARM64-based PC", "Itanium (TM) -based System"
     * (the value is not localized; the label is).
     */
    public static Optional<Architecture> fromSystemType(String value) {
        String text = value.trim().toLowerCase(Locale.ROOT);
        if (text.startsWith("x64") || text.startsWith("amd64")) {
            return Optional.of(X64);
        }
        if (text.startsWith("x86")) {
            return Optional.of(X86);
        }
        if (text.startsWith("arm64") || text.startsWith("arm")) {
            return Optional.of(ARM64);
        }
        if (text.startsWith("ia64") || text.startsWith("itanium")) {
            return Optional.of(IA64);
        }
        return Optional.empty();
    }
}
