package org.patchlake.agent.endpoint.windows;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Switches split the way CommandLineToArgvW splits them, and handed to ProcessBuilder so the installer reads them back. */
class WindowsCommandLineTest {

    @Test
    void quoted_values_stay_one_argument_even_inside_an_argument() {
        assertThat(WindowsCommandLine.split("/VERYSILENT /DIR=\"C:\\Program Files\\Contoso App\" /LOG=\"C:\\Logs\\setup log.txt\""))
            .containsExactly("/VERYSILENT", "/DIR=C:\\Program Files\\Contoso App", "/LOG=C:\\Logs\\setup log.txt");
        assertThat(WindowsCommandLine.split("INSTALLDIR=\"C:\\Program Files\\App\" REBOOT=ReallySuppress   /qn"))
            .containsExactly("INSTALLDIR=C:\\Program Files\\App", "REBOOT=ReallySuppress", "/qn");
        assertThat(WindowsCommandLine.split("/S /D=C:\\Apps\\Tool")).containsExactly("/S", "/D=C:\\Apps\\Tool");
    }

    @Test
    void backslashes_are_literal_unless_they_come_before_a_quote() {
        assertThat(WindowsCommandLine.split("\"abc\" d e")).containsExactly("abc", "d", "e");
        assertThat(WindowsCommandLine.split("a\\\\b d\"e f\"g h")).containsExactly("a\\\\b", "de fg", "h");
        assertThat(WindowsCommandLine.split("a\\\\\\\"b c d")).containsExactly("a\\\"b", "c", "d");
        assertThat(WindowsCommandLine.split("a\\\\\\\\\"b c\" d e")).containsExactly("a\\\\b c", "d", "e");
        assertThat(WindowsCommandLine.split("DIR=\"C:\\Program Files\\App\\\" /qn"))
            .as("a backslash before the closing quote escapes it: the classic trap, read as Windows reads it")
            .containsExactly("DIR=C:\\Program Files\\App\" /qn");
    }

    @Test
    void a_doubled_quote_inside_quotes_is_a_literal_quote_that_ends_the_quoted_part() {
        assertThat(WindowsCommandLine.split("a\"b\"\" c d")).containsExactly("ab\"", "c", "d");
        assertThat(WindowsCommandLine.split("\"a \"\"b\"\" c\"")).containsExactly("a \"b", "c");
    }

    @Test
    void empty_and_blank_switches_give_no_arguments_but_an_empty_quoted_one_is_kept() {
        assertThat(WindowsCommandLine.split(null)).isEmpty();
        assertThat(WindowsCommandLine.split("   \t ")).isEmpty();
        assertThat(WindowsCommandLine.split("/a \"\" /b")).containsExactly("/a", "", "/b");
    }

    @Test
    void every_argument_survives_process_builder_quoting_unchanged() {
        List<List<String>> cases = new ArrayList<>(List.of(
            List.of("/DIR=C:\\Program Files\\Contoso App", "/LOG=C:\\Logs\\"),
            List.of("C:\\Program Files\\App\\\\", "say \"hi\"", "a\\\"b", ""),
            List.of("/v\"/qn REBOOT=ReallySuppress\"", "tab\there")));
        Random random = new Random(7);
        char[] alphabet = {'a', ' ', '"', '\\', '\t', '='};
        for (int example = 0; example < 500; example++) {
            List<String> arguments = new ArrayList<>();
            for (int count = random.nextInt(4); count >= 0; count--) {
                StringBuilder argument = new StringBuilder();
                for (int length = random.nextInt(8); length > 0; length--) {
                    argument.append(alphabet[random.nextInt(alphabet.length)]);
                }
                arguments.add(argument.toString());
            }
            cases.add(arguments);
        }
        for (List<String> arguments : cases) {
            List<String> command = new ArrayList<>(List.of("C:\\packages\\setup.exe"));
            command.addAll(arguments);
            String line = processBuilderCommandLine(WindowsCommandLine.forProcessBuilder(command));
            assertThat(WindowsCommandLine.split(line.substring(line.indexOf(' ') + 1))).as(line).isEqualTo(arguments);
        }
    }

    /**
     * How ProcessBuilder on Windows joins arguments (JDK 17, the default legacy mode): an argument already wrapped in
     * quotes, or without space or tab, goes in as it is; an empty one as {@code ""}; any other is wrapped in quotes,
     * with one more backslash when it ends with a backslash.
     */
    static String processBuilderCommandLine(List<String> command) {
        StringBuilder line = new StringBuilder(command.get(0));
        for (String argument : command.subList(1, command.size())) {
            line.append(' ');
            boolean quoted = argument.length() >= 2 && argument.startsWith("\"") && argument.endsWith("\"");
            if (argument.isEmpty()) {
                line.append("\"\"");
            } else if (!quoted && (argument.indexOf(' ') >= 0 || argument.indexOf('\t') >= 0)) {
                line.append('"').append(argument).append(argument.endsWith("\\") ? "\\" : "").append('"');
            } else {
                line.append(argument);
            }
        }
        return line.toString();
    }
}
