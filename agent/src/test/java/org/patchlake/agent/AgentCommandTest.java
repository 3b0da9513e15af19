package org.patchlake.agent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class AgentCommandTest {

    private static AgentConfig config(String... args) {
        return AgentCommand.config(args);
    }

    @Test
    void flags_become_the_agent_configuration_with_defaults_for_the_rest() {
        AgentConfig config = config("--server", "http://ingest:7070", "--enroll", "plt_x", "--simulate", "m.json",
            "--state-dir", "/var/lib/agent", "--spool-limit-mb", "8");
        assertThat(config.server().toString()).isEqualTo("http://ingest:7070");
        assertThat(config.enrollmentToken()).isEqualTo("plt_x");
        assertThat(config.simulateMachine()).isEqualTo(Path.of("m.json"));
        assertThat(config.stateDirectory()).isEqualTo(Path.of("/var/lib/agent"));
        assertThat(config.spoolLimitBytes()).isEqualTo(8L * 1024 * 1024);
        assertThat(config.retryDelay().toMinutes()).isEqualTo(30);
        assertThat(config.offlineScanFile()).as("the server's setting, else online").isNull();
    }

    @Test
    void an_offline_scan_file_of_the_agents_own_is_taken_from_its_flag() {
        AgentConfig config = config("--server", "http://ingest:7070", "--offline-scan-file", "D:\\wsus\\wsusscn2.cab");
        assertThat(config.offlineScanFile()).isEqualTo(Path.of("D:\\wsus\\wsusscn2.cab"));
        assertThat(config.withoutFsync().offlineScanFile()).isEqualTo(config.offlineScanFile());
    }

    @Test
    void bad_flags_are_refused_with_the_flag_named() {
        assertThatThrownBy(() -> config("--enroll", "x")).hasMessageContaining("Missing required option: '--server=URL'");
        assertThatThrownBy(() -> config("--server", "ftp://x")).hasMessageContaining("must be an http(s) URL");
        assertThatThrownBy(() -> config("--server", "http://x", "--verbose")).hasMessageContaining("Unknown option: '--verbose'");
        assertThatThrownBy(() -> config("--server")).hasMessageContaining("Missing required parameter for option '--server'");
        assertThatThrownBy(() -> config("--server", "http://x", "--spool-limit-mb", "lots"))
            .hasMessageContaining("--spool-limit-mb").hasMessageContaining("'lots' is not a long");
    }
}
