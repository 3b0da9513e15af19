package org.patchlake.bench.ingest;

import java.util.HashMap;
import java.util.Map;

/** {@code --name value} pairs of the bench mains. */
final class BenchFlags {
    private BenchFlags() {
    }

    static Map<String, String> parse(String[] args) {
        Map<String, String> flags = new HashMap<>();
        for (int i = 0; i < args.length; i++) {
            if (!args[i].startsWith("--") || i + 1 >= args.length) {
                throw new IllegalArgumentException("expected --name value pairs but got '" + args[i] + "'");
            }
            flags.put(args[i], args[++i]);
        }
        return flags;
    }
}
