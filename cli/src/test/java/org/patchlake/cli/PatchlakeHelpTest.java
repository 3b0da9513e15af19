package org.patchlake.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class PatchlakeHelpTest {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int help(String... args) {
        return PatchlakeHelp.print(List.of(args), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    @Test
    void the_root_help_lists_every_top_level_command_with_its_summary() {
        assertThat(help("--help")).isZero();

        String text = out.toString(StandardCharsets.UTF_8);
        for (CommandEntry entry : Commands.TREE) {
            assertThat(text).containsPattern("(?m)^ +" + entry.name() + " ");
        }
        assertThat(text).containsPattern("(?m)^ +revoke-computer +Revoke").containsPattern("(?m)^ +visibility +How soon")
                .containsPattern("(?m)^ +serve +Serve the web UI");
    }

    @Test
    void the_help_of_a_group_lists_its_subcommands() {
        assertThat(help("bench", "--help")).isZero();

        assertThat(out.toString(StandardCharsets.UTF_8)).contains("Usage: patchlake bench")
                .containsPattern("(?m)^ +visibility +" + Commands.BENCH_VISIBILITY_SUMMARY.substring(0, 20));
    }

    @Test
    void an_unknown_command_is_a_usage_error_that_names_it() {
        assertThat(help("bogus")).isEqualTo(2);

        assertThat(err.toString(StandardCharsets.UTF_8)).contains("unknown command 'bogus'");
    }

    @Test
    void every_duration_form_converts_and_a_bad_one_names_the_value() {
        assertThat(DurationConverter.parse("90s")).hasSeconds(90);
        assertThat(DurationConverter.parse("30m")).hasMinutes(30);
        assertThat(DurationConverter.parse("24h")).hasHours(24);
        assertThat(DurationConverter.parse("2d")).hasDays(2);
        assertThat(DurationConverter.parse("0")).isZero();
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> DurationConverter.parse("5 minutes"))
                .hasMessageContaining("'5 minutes'");
    }
}
