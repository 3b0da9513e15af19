package org.patchlake.agent.endpoint.windows;

import org.patchlake.core.rules.Version;

/** VS_FIXEDFILEINFO's dwFileVersionMS / dwFileVersionLS to {@code major.minor.build.revision}. */
public final class FileVersionWords {

    private FileVersionWords() {
    }

    public static Version toVersion(int mostSignificant, int leastSignificant) {
        return Version.of(mostSignificant >>> 16, mostSignificant & 0xFFFF,
            leastSignificant >>> 16, leastSignificant & 0xFFFF);
    }
}
