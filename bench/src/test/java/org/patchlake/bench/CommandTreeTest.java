package org.patchlake.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;
import org.patchlake.agent.AgentCommand;
import org.patchlake.bench.agent.AgentBench;
import org.patchlake.bench.etl.CatalogBench;
import org.patchlake.bench.etl.EtlBench;
import org.patchlake.bench.etl.EvaluateBench;
import org.patchlake.bench.ingest.IngestBench;
import org.patchlake.bench.reports.QueryBench;
import org.patchlake.bench.reports.ReportBench;
import org.patchlake.bench.web.VisibilityBench;
import org.patchlake.bench.web.WebBench;
import org.patchlake.cli.CommandEntry;
import org.patchlake.cli.Commands;
import org.patchlake.etl.EtlCommand;
import org.patchlake.etl.catalog.CatalogCommand;
import org.patchlake.etl.evaluate.EvaluateCommand;
import org.patchlake.ingest.IngestCommand;
import org.patchlake.ingest.TokensCommand;
import org.patchlake.reports.ReportCommand;
import org.patchlake.sample.DemoCommand;
import org.patchlake.sample.FleetCommand;
import org.patchlake.web.ServeCommand;
import picocli.CommandLine;

/**
 * The tree that ./patchlake --help prints (cli's Commands) against the picocli commands of every module, and the
 * README's command table against the tree. Reflection only: nothing is run.
 */
class CommandTreeTest {
    /** Answered by the launcher itself (Maven, or Maven-run campaigns), not by a module's picocli command. */
    private static final Set<String> LAUNCHER_ONLY = Set.of("help", "test", "build", "bench faults", "bench fuzz");

    private static Map<String, Object> commands() {
        Map<String, Object> commands = new LinkedHashMap<>();
        commands.put(Commands.DEMO, new DemoCommand());
        commands.put(Commands.CATALOG, new CatalogCommand());
        commands.put(Commands.EVALUATE, new EvaluateCommand());
        commands.put(Commands.SERVE, new ServeCommand());
        commands.put(Commands.INGEST, new IngestCommand());
        commands.put(Commands.TOKENS, new TokensCommand());
        commands.put(Commands.ETL, new EtlCommand());
        commands.put(Commands.REPORT, new ReportCommand());
        commands.put(Commands.AGENT, new AgentCommand());
        commands.put(Commands.FLEET, new FleetCommand());
        commands.put("bench " + Commands.BENCH_CATALOG, new CatalogBench());
        commands.put("bench " + Commands.BENCH_EVALUATE, new EvaluateBench());
        commands.put("bench " + Commands.BENCH_INGEST, new IngestBench());
        commands.put("bench " + Commands.BENCH_ETL, new EtlBench());
        commands.put("bench " + Commands.BENCH_QUERIES, new QueryBench());
        commands.put("bench " + Commands.BENCH_REPORTS, new ReportBench());
        commands.put("bench " + Commands.BENCH_WEB, new WebBench());
        commands.put("bench " + Commands.BENCH_VISIBILITY, new VisibilityBench());
        commands.put("bench " + Commands.BENCH_AGENT, new AgentBench());
        return commands;
    }

    @Test
    void every_command_of_the_tree_is_a_module_command_with_the_same_name_summary_and_subcommands() {
        Map<String, Object> commands = commands();
        SoftAssertions softly = new SoftAssertions();
        for (CommandEntry entry : Commands.TREE) {
            if (entry.name().equals(Commands.BENCH)) {
                for (CommandEntry bench : entry.subcommands()) {
                    check(softly, "bench " + bench.name(), bench, commands.remove("bench " + bench.name()));
                }
            } else {
                check(softly, entry.name(), entry, commands.remove(entry.name()));
            }
        }
        softly.assertThat(commands.keySet()).as("module commands missing from the tree").isEmpty();
        softly.assertAll();
    }

    private static void check(SoftAssertions softly, String path, CommandEntry entry, Object command) {
        if (LAUNCHER_ONLY.contains(path)) {
            softly.assertThat(command).as(path + " is the launcher's").isNull();
            return;
        }
        softly.assertThat(command).as("a module command for " + path).isNotNull();
        if (command != null) {
            compare(softly, path, entry, new CommandLine(command));
        }
    }

    private static void compare(SoftAssertions softly, String path, CommandEntry entry, CommandLine line) {
        softly.assertThat(line.getCommandName()).as(path + " name").isEqualTo(entry.name());
        softly.assertThat(String.join(" ", line.getCommandSpec().usageMessage().description())).as(path + " summary")
                .isEqualTo(entry.summary());
        Map<String, CommandLine> subcommands = line.getSubcommands();
        if (!path.equals("bench queries")) { // its snapshot-load is a bench detail, not in the tree
            softly.assertThat(new TreeSet<>(subcommands.keySet())).as(path + " subcommands")
                    .isEqualTo(new TreeSet<>(entry.subcommands().stream().map(CommandEntry::name).toList()));
        }
        for (CommandEntry child : entry.subcommands()) {
            CommandLine sub = subcommands.get(child.name());
            if (sub != null) {
                compare(softly, path + " " + child.name(), child, sub);
            }
        }
        softly.assertThat(line.getCommandSpec().optionsMap()).as(path + " has --help").containsKey("--help");
    }

    @Test
    void the_readme_command_table_names_every_command_of_the_tree_and_no_other() throws IOException {
        String readme = Files.readString(Path.of("..", "README.md"));
        String table = readme.substring(readme.indexOf("## Commands"));
        table = table.substring(0, table.indexOf("\n#", 1));
        Set<String> mentioned = new TreeSet<>();
        for (String row : table.lines().filter(line -> line.startsWith("| ")).toList()) {
            Matcher command = Pattern.compile("`\\./patchlake ([a-z-]+)").matcher(row);
            while (command.find()) {
                mentioned.add(command.group(1));
            }
        }
        Set<String> tree = new TreeSet<>();
        Commands.TREE.stream().map(CommandEntry::name).filter(name -> !LAUNCHER_ONLY.contains(name)).forEach(tree::add);

        assertThat(mentioned).isEqualTo(tree);
    }
}
