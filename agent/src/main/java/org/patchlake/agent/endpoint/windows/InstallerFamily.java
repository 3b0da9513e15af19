package org.patchlake.agent.endpoint.windows;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Which installer framework built an .exe, found from the markers each leaves in the file: WiX Burn bundles
 * have a {@code .wixburn} PE section, Inno Setup installers carry {@code Inno Setup Setup Data} (and the loader's
 * {@code rDlPtS} signature), NSIS installers {@code NullsoftInst}. Each family has its own unattended switches;
 * the Windows Installer style {@code /quiet /norestart} makes NSIS and Inno show their wizard, which in session 0
 * waits for a click no one can give until the install times out.
 */
public enum InstallerFamily {
    WIX_BURN("WiX Burn bundle", List.of("/quiet", "/norestart"), ".wixburn"),
    INNO_SETUP("Inno Setup", List.of("/VERYSILENT", "/SUPPRESSMSGBOXES", "/NORESTART", "/SP-"),
        "Inno Setup Setup Data", "rDlPtS"),
    NSIS("NSIS", List.of("/S"), "NullsoftInst"),
    UNKNOWN("unrecognised installer", List.of());

    private final String label;
    private final List<String> silentSwitches;
    private final List<String> markers;

    InstallerFamily(String label, List<String> silentSwitches, String... markers) {
        this.label = label;
        this.silentSwitches = List.copyOf(silentSwitches);
        this.markers = List.of(markers);
    }

    public String label() {
        return label;
    }

    /** The switches that install without any window and without restarting; empty for {@link #UNKNOWN}. */
    public List<String> silentSwitches() {
        return silentSwitches;
    }

    /** Reads the whole stream once; the first family (in declaration order) whose marker appears wins. */
    public static InstallerFamily detect(InputStream in) throws IOException {
        InstallerFamily[] families = {WIX_BURN, INNO_SETUP, NSIS};
        boolean[] found = new boolean[families.length];
        int overlap = 32;
        byte[] buffer = new byte[256 * 1024 + overlap];
        int carried = 0;
        int read;
        while ((read = in.read(buffer, carried, buffer.length - carried)) >= 0) {
            int length = carried + read;
            // one byte per char: String.indexOf is the fastest search the JDK has for this
            String chunk = new String(buffer, 0, length, StandardCharsets.ISO_8859_1);
            for (int family = 0; family < families.length; family++) {
                for (String marker : families[family].markers) {
                    found[family] |= chunk.contains(marker);
                }
            }
            carried = Math.min(overlap, length);
            System.arraycopy(buffer, length - carried, buffer, 0, carried);
        }
        for (int family = 0; family < families.length; family++) {
            if (found[family]) {
                return families[family];
            }
        }
        return UNKNOWN;
    }
}
