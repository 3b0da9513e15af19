package org.patchlake.cli;

import picocli.CommandLine.Option;

/** {@code -h, --help} for every command (mixed in with {@code @Mixin HelpOption help;}). */
public final class HelpOption {
    @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help and exit.")
    boolean requested;
}
