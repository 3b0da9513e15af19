package org.patchlake.cli;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * One command of the tree: its name, its one-line summary and its subcommands (none for a leaf).
 *
 * @param name        the word typed after ./patchlake (or after its parent)
 * @param summary     one line, as the help lists it
 * @param subcommands the words that may follow it, empty for a leaf
 */
public record CommandEntry(String name, String summary, List<CommandEntry> subcommands) {
    public CommandEntry {
        requireNonNull(name, "name is null");
        requireNonNull(summary, "summary is null");
        subcommands = List.copyOf(subcommands);
        if (!name.matches("[a-z][a-z-]*")) {
            throw new IllegalArgumentException("command name must be lower-case words joined by '-', was '" + name + "'");
        }
    }

    public static CommandEntry leaf(String name, String summary) {
        return new CommandEntry(name, summary, List.of());
    }

    public static CommandEntry group(String name, String summary, CommandEntry... subcommands) {
        return new CommandEntry(name, summary, List.of(subcommands));
    }
}
