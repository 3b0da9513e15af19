package org.patchlake.core.catalog;

import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The .NET Framework versions a catalog name speaks of, as a bit mask ("Microsoft .NET Framework 4.5/4.5.1/4.5.2",
 * "Microsoft .NET Framework 3.5 AND 4.7.2 on Windows 10 ...", "Microsoft .NET Framework 2.0 Service Pack 2"), so
 * that "does this computer have one of the versions this update is for" is one AND.
 */
public final class DotNetVersions {
    private static final List<String> KNOWN = List.of("1.0", "1.1", "2.0", "3.0", "3.5", "3.5.1", "4", "4.5", "4.5.1",
            "4.5.2", "4.6", "4.6.1", "4.6.2", "4.7", "4.7.1", "4.7.2", "4.8", "4.8.1");
    private static final Pattern VERSION = Pattern.compile("\\d+(?:\\.\\d+)*");
    private static final Pattern SERVICE_PACK = Pattern.compile("service pack \\d+");
    private static final String FRAMEWORK = ".net framework";

    private DotNetVersions() {
    }

    /**
     * The versions named after ".NET Framework" in {@code name} (up to " on ", the OS), one bit each; 0 when
     * the name is not about the .NET Framework or names no version Patchlake knows.
     */
    public static long maskOf(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        int start = lower.indexOf(FRAMEWORK);
        if (start < 0) {
            return 0;
        }
        int end = lower.indexOf(" on ", start);
        String versions = SERVICE_PACK.matcher(lower.substring(start + FRAMEWORK.length(), end < 0 ? lower.length() : end))
                .replaceAll(" ");
        long mask = 0;
        Matcher matcher = VERSION.matcher(versions);
        while (matcher.find()) {
            String version = matcher.group().equals("4.0") ? "4" : matcher.group();
            int bit = KNOWN.indexOf(version);
            if (bit >= 0) {
                mask |= 1L << bit;
            }
        }
        return mask;
    }
}
