package org.patchlake.web.faults;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The flags of a fault campaign: {@code [--cycles N] [--seed S] [--data DIR]} (a fresh temporary directory by default). */
record CampaignArguments(int count, long seed, Path data) {
    static CampaignArguments parse(String[] args, String name, int defaultCount) {
        int count = defaultCount;
        long seed = 1;
        Path data = null;
        for (int i = 0; i < args.length; i += 2) {
            if (i + 1 >= args.length) {
                throw usage(name, "missing value after " + args[i]);
            }
            String value = args[i + 1];
            try {
                switch (args[i]) {
                    case "--cycles" -> count = Integer.parseInt(value);
                    case "--seed" -> seed = Long.parseLong(value);
                    case "--data" -> data = Path.of(value);
                    default -> throw usage(name, "unknown argument " + args[i]);
                }
            } catch (NumberFormatException e) {
                throw usage(name, args[i] + " is not a number: '" + value + "'");
            }
        }
        if (count < 1 || count > 1000) {
            throw usage(name, "--cycles must be 1..1000, was " + count);
        }
        try {
            return new CampaignArguments(count, seed, data != null ? data : Files.createTempDirectory("patchlake-faults-" + name));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static IllegalArgumentException usage(String name, String problem) {
        return new IllegalArgumentException("bench faults " + name + ": " + problem
                + " (usage: ./patchlake bench faults " + name + " [--cycles N] [--seed S] [--data DIR])");
    }
}
