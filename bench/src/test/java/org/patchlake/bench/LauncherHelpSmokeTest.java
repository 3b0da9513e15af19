package org.patchlake.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.patchlake.cli.CommandEntry;
import org.patchlake.cli.Commands;

/** ./patchlake --help, and --help of every command and subcommand, through the launcher and each module's class path. */
@Tag("smoke")
class LauncherHelpSmokeTest {
    @TempDir
    Path directory;

    @Test
    void the_root_help_prints_the_whole_tree() throws Exception {
        Launcher.Result help = Launcher.run(directory, 2, "--help");

        assertThat(help.exitCode()).as(help.output()).isZero();
        for (CommandEntry entry : Commands.TREE) {
            assertThat(help.output()).containsPattern("(?m)^ {2}" + entry.name() + " ");
            for (CommandEntry child : entry.subcommands()) {
                assertThat(help.output()).containsPattern("(?m)^ {4}" + child.name() + " ");
            }
        }
        assertThat(Launcher.run(directory, 2, "help").output()).isEqualTo(help.output());
    }

    @Test
    void every_command_answers_help_with_its_own_usage() throws Exception {
        List<List<String>> paths = new ArrayList<>();
        for (CommandEntry entry : Commands.TREE) {
            paths.add(List.of(entry.name()));
            for (CommandEntry child : entry.subcommands()) {
                paths.add(List.of(entry.name(), child.name()));
            }
        }
        SoftAssertions softly = new SoftAssertions();
        for (List<String> path : paths) {
            List<String> args = new ArrayList<>(path);
            args.add("--help");
            Launcher.Result help = Launcher.run(directory, 2, args.toArray(String[]::new));
            String name = String.join(" ", path);
            softly.assertThat(help.exitCode()).as(name + " --help exit code; output:\n" + help.output()).isZero();
            softly.assertThat(help.output()).as(name + " --help").contains("Usage:");
            if (!path.get(0).equals(Commands.HELP) && !path.get(0).equals(Commands.TEST) && !path.get(0).equals(Commands.BUILD)
                    && !name.equals("bench faults") && !name.equals("bench fuzz")) {
                softly.assertThat(help.output()).as(name + " --help").contains("Usage: patchlake " + name);
            }
        }
        softly.assertAll();
    }

    @Test
    void unknown_commands_and_options_are_usage_errors() throws Exception {
        Launcher.Result unknown = Launcher.run(directory, 2, "frobnicate");
        assertThat(unknown.exitCode()).isEqualTo(2);
        assertThat(unknown.output()).contains("unknown command 'frobnicate'");

        Launcher.Result option = Launcher.run(directory, 2, "evaluate", "--frobnicate");
        assertThat(option.exitCode()).isEqualTo(2);
        assertThat(option.output()).contains("Unknown option: '--frobnicate'").contains("Usage: patchlake evaluate");

        Launcher.Result bench = Launcher.run(directory, 2, "bench", "frobnicate");
        assertThat(bench.exitCode()).isEqualTo(2);
    }
}
