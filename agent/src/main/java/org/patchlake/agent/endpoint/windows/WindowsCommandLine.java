package org.patchlake.agent.endpoint.windows;

import java.util.ArrayList;
import java.util.List;

/**
 * Windows command-line arguments as {@code CommandLineToArgvW} reads them (the rules most installers use, and the
 * ones an administrator types switches by): white space separates arguments outside quotes; {@code "} opens and
 * closes a quoted part that may sit inside an argument ({@code INSTALLDIR="C:\Program Files\App"} is one argument);
 * 2n backslashes before a quote give n backslashes and a delimiting quote, 2n+1 give n and a literal quote;
 * backslashes elsewhere are literal; a doubled quote inside quotes gives a literal quote.
 *
 * <p>{@link #forProcessBuilder} is the way back: Java's ProcessBuilder on Windows wraps an argument holding a space
 * or tab in quotes but leaves embedded quotes and backslashes alone, so they are escaped first and the installer
 * reads exactly the argument intended.
 */
public final class WindowsCommandLine {

    private WindowsCommandLine() {
    }

    /** The arguments of a command line (without the program name), exactly as CommandLineToArgvW splits them. */
    public static List<String> split(String commandLine) {
        List<String> arguments = new ArrayList<>();
        if (commandLine == null) {
            return arguments;
        }
        StringBuilder argument = null;
        int backslashes = 0;
        int quotes = 0;
        int index = 0;
        while (index < commandLine.length()) {
            char c = commandLine.charAt(index);
            if ((c == ' ' || c == '\t') && quotes == 0) {
                if (argument != null) {
                    arguments.add(argument.toString());
                    argument = null;
                }
                backslashes = 0;
                index++;
                continue;
            }
            if (argument == null) {
                argument = new StringBuilder();
            }
            if (c == '\\') {
                argument.append('\\');
                backslashes++;
                index++;
            } else if (c == '"') {
                if (backslashes % 2 == 0) {
                    argument.setLength(argument.length() - backslashes / 2);
                    quotes++;
                } else {
                    argument.setLength(argument.length() - backslashes / 2 - 1);
                    argument.append('"');
                }
                index++;
                backslashes = 0;
                while (index < commandLine.length() && commandLine.charAt(index) == '"') {
                    if (++quotes == 3) {
                        argument.append('"');
                        quotes = 0;
                    }
                    index++;
                }
                if (quotes == 2) {
                    quotes = 0;
                }
            } else {
                argument.append(c);
                backslashes = 0;
                index++;
            }
        }
        if (argument != null) {
            arguments.add(argument.toString());
        }
        return arguments;
    }

    /**
     * Each argument escaped so that, after ProcessBuilder's quoting (an argument with a space or tab is wrapped in
     * quotes, one backslash added when it ends with one), {@link #split} gives it back unchanged. The program
     * (first element) is left as it is.
     */
    public static List<String> forProcessBuilder(List<String> command) {
        List<String> escaped = new ArrayList<>(command.size());
        for (int index = 0; index < command.size(); index++) {
            escaped.add(index == 0 ? command.get(0) : escape(command.get(index)));
        }
        return escaped;
    }

    static String escape(String argument) {
        StringBuilder out = new StringBuilder();
        int backslashes = 0;
        for (int index = 0; index < argument.length(); index++) {
            char c = argument.charAt(index);
            if (c == '\\') {
                backslashes++;
                out.append(c);
            } else if (c == '"') {
                out.append("\\".repeat(backslashes)).append("\\\"");
                backslashes = 0;
            } else {
                backslashes = 0;
                out.append(c);
            }
        }
        boolean wrapped = argument.indexOf(' ') >= 0 || argument.indexOf('\t') >= 0;
        if (wrapped && backslashes > 1) {
            // ProcessBuilder doubles only one trailing backslash before its closing quote; double the rest here
            out.append("\\".repeat(backslashes - 1));
        }
        return out.toString();
    }
}
