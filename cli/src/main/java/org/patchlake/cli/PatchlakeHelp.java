package org.patchlake.cli;

import java.io.PrintStream;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code ./patchlake --help} / {@code ./patchlake help}: the whole command tree from {@link Commands#TREE}, in a JVM
 * that needs only this module (each command's own {@code --help} runs in its module, on its class path). Also the help
 * of a group whose subcommands run on different class paths ({@code ./patchlake bench --help}).
 */
public final class PatchlakeHelp {
    private PatchlakeHelp() {
    }

    /** {@code [GROUP...] [--help]}: prints the usage of the root or of the named group; exit code 2 for an unknown name. */
    public static void main(String[] args) {
        System.exit(print(List.of(args), System.out, System.err));
    }

    static int print(List<String> args, PrintStream out, PrintStream err) {
        CommandLine line = new CommandLine(root());
        line.setUsageHelpAutoWidth(true);
        line.getHelpSectionMap().put(CommandLine.Model.UsageMessageSpec.SECTION_KEY_COMMAND_LIST, PatchlakeHelp::tree);
        for (String word : args) {
            if (word.equals("-h") || word.equals("--help") || word.equals(Commands.HELP)) {
                continue;
            }
            CommandLine next = line.getSubcommands().get(word);
            if (next == null) {
                err.println(line.getCommandSpec().qualifiedName() + ": unknown command '" + word + "'");
                line.usage(err);
                return CommandLine.ExitCode.USAGE;
            }
            line = next;
        }
        line.usage(out);
        return CommandLine.ExitCode.OK;
    }

    /** The root command and its tree, as picocli specs (names and summaries; the options live in the modules). */
    public static CommandSpec root() {
        CommandSpec root = CommandSpec.create().name("patchlake");
        root.usageMessage()
                .description("Patchlake: patch-compliance reporting warehouse for Windows fleets.")
                .footerHeading("%n")
                .footer("Run './patchlake COMMAND --help' for a command's options.",
                        "Each command builds what it needs on first use. Environment: PATCHLAKE_HEAP (default 4g), JAVA_HOME.");
        root.usageMessage().customSynopsis("./patchlake COMMAND [ARGS...]");
        for (CommandEntry entry : Commands.TREE) {
            root.addSubcommand(entry.name(), spec(entry));
        }
        return root;
    }

    /** The command list of the root: every command and, indented under it, its subcommands. */
    private static String tree(CommandLine.Help help) {
        int width = help.commandSpec().usageMessage().width();
        CommandLine.Help.TextTable table = CommandLine.Help.TextTable.forColumns(help.colorScheme(),
                new CommandLine.Help.Column(22, 2, CommandLine.Help.Column.Overflow.SPAN),
                new CommandLine.Help.Column(Math.max(40, width - 22), 1, CommandLine.Help.Column.Overflow.WRAP));
        for (CommandEntry entry : Commands.TREE) {
            table.addRowValues(entry.name(), entry.summary());
            for (CommandEntry child : entry.subcommands()) {
                table.addRowValues("  " + child.name(), child.summary());
            }
        }
        return table.toString();
    }

    private static CommandSpec spec(CommandEntry entry) {
        CommandSpec spec = CommandSpec.create().name(entry.name());
        spec.usageMessage().description(entry.summary());
        for (CommandEntry child : entry.subcommands()) {
            spec.addSubcommand(child.name(), spec(child));
        }
        return spec;
    }
}
