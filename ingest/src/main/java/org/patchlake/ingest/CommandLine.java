package org.patchlake.ingest;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Minimal {@code --flag value} parsing for the ingest commands; unknown flags are errors. */
final class CommandLine {
    private final Map<String, String> flags = new HashMap<>();
    private final List<String> positional = new ArrayList<>();

    private CommandLine() {
    }

    static CommandLine parse(String[] args, Set<String> allowedFlags) {
        CommandLine line = new CommandLine();
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if (arg.startsWith("--")) {
                if (!allowedFlags.contains(arg)) {
                    throw new IllegalArgumentException("unknown option " + arg + " (allowed: " + String.join(", ", allowedFlags) + ")");
                }
                if (i + 1 >= args.length) {
                    throw new IllegalArgumentException("option " + arg + " needs a value");
                }
                line.flags.put(arg, args[++i]);
            } else {
                line.positional.add(arg);
            }
        }
        return line;
    }

    String flag(String name, String fallback) {
        return flags.getOrDefault(name, fallback);
    }

    int intFlag(String name, int fallback) {
        String value = flags.get(name);
        if (value == null) {
            return fallback;
        }
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("option " + name + " must be a number but was '" + value + "'");
        }
    }

    /** A duration flag written {@code 90s}, {@code 30m}, {@code 24h} or {@code 2d}. */
    java.time.Duration durationFlag(String name, java.time.Duration fallback) {
        String value = flags.get(name);
        if (value == null) {
            return fallback;
        }
        if (!value.matches("[0-9]{1,6}[smhd]")) {
            throw new IllegalArgumentException("option " + name + " must be like 90s, 30m, 24h or 2d but was '" + value + "'");
        }
        long amount = Long.parseLong(value.substring(0, value.length() - 1));
        return switch (value.charAt(value.length() - 1)) {
            case 's' -> java.time.Duration.ofSeconds(amount);
            case 'm' -> java.time.Duration.ofMinutes(amount);
            case 'h' -> java.time.Duration.ofHours(amount);
            default -> java.time.Duration.ofDays(amount);
        };
    }

    List<String> positional() {
        return positional;
    }
}
