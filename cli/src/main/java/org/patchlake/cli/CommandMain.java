package org.patchlake.cli;

import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import picocli.CommandLine;

/**
 * Runs one command of the tree with the same conventions everywhere: {@code --help} on every command, exit code 0
 * when it succeeded, 1 when it failed, 2 for a usage error (an unknown option, a missing or malformed value, or an
 * {@link IllegalArgumentException} from the command: bad input named in its message, nothing changed). An
 * {@link java.io.IOException} or {@link IllegalStateException} is reported by its message alone, anything else with
 * its stack trace.
 */
public final class CommandMain {
    private CommandMain() {
    }

    /** Runs {@code command} as {@code patchlake NAME} and exits with its code (the process may hold non-daemon threads). */
    public static void exit(String name, Object command, String... args) {
        System.exit(execute(name, command, System.out, System.err, args));
    }

    /**
     * Runs {@code command} and exits only when it failed: for commands whose work goes on in threads they started
     * (a server) after their {@code call()} returned.
     */
    public static void exitOnFailure(String name, Object command, String... args) {
        int code = execute(name, command, System.out, System.err, args);
        if (code != 0) {
            System.exit(code);
        }
    }

    /** Runs {@code command} as {@code patchlake NAME}, help and errors to the given streams; returns the exit code. */
    public static int execute(String name, Object command, PrintStream out, PrintStream err, String... args) {
        return commandLine(name, command, out, err).execute(args);
    }

    /** The configured picocli command line, for tests that parse without running. */
    public static CommandLine commandLine(String name, Object command, PrintStream out, PrintStream err) {
        CommandLine line = new CommandLine(command);
        line.setCommandName("patchlake " + name);
        line.setOut(new PrintWriter(new java.io.OutputStreamWriter(out, StandardCharsets.UTF_8), true));
        line.setErr(new PrintWriter(new java.io.OutputStreamWriter(err, StandardCharsets.UTF_8), true));
        line.setCaseInsensitiveEnumValuesAllowed(true);
        line.setUsageHelpLongOptionsMaxWidth(32);
        line.setUsageHelpAutoWidth(true);
        line.setExecutionExceptionHandler((exception, failed, parseResult) -> {
            String qualified = failed.getCommandSpec().qualifiedName();
            if (exception instanceof IllegalArgumentException) {
                failed.getErr().println(qualified + ": " + exception.getMessage());
                failed.getErr().println("Run '" + qualified.replaceFirst("^patchlake", "./patchlake") + " --help' for its options.");
                return CommandLine.ExitCode.USAGE;
            }
            if (exception instanceof java.io.IOException || exception instanceof java.io.UncheckedIOException
                    || exception instanceof IllegalStateException) {
                // an input or an environment that is not as it must be: the message names it
                failed.getErr().println(qualified + ": " + exception.getMessage());
            } else {
                failed.getErr().println(qualified + ": failed: " + exception);
                exception.printStackTrace(failed.getErr());
            }
            return CommandLine.ExitCode.SOFTWARE;
        });
        return line;
    }
}
