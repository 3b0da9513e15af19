package org.patchlake.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.patchlake.ingest.IngestConfig;

class ServeArgumentsTest {
    @TempDir
    Path home;

    private ServeCommand.ServeArguments parse(String... args) throws Exception {
        Path launcher = home.resolve("patchlake");
        if (!Files.exists(launcher)) {
            Files.writeString(launcher, "#!/bin/sh\n");
            Files.setPosixFilePermissions(launcher, PosixFilePermissions.fromString("rwxr-xr-x"));
        }
        return ServeCommand.ServeArguments.parse(args, Map.of(), home.toString());
    }

    @Test
    void the_scheduled_etl_quarantines_agent_times_past_the_bound_ingest_refuses() throws Exception {
        assertThat(parse("--data", home.resolve("data").toString()).config().etlCommand())
                .containsExactly(home.resolve("patchlake").toString(), "etl", "--max-timestamp-ahead", "86400s");
        assertThat(parse("--data", home.resolve("data").toString(), "--max-timestamp-ahead", "2h").config().etlCommand())
                .endsWith("--max-timestamp-ahead", "7200s");
    }

    @Test
    void an_offline_scan_file_given_to_serve_is_sent_to_agents_in_their_settings() throws Exception {
        IngestConfig defaults = IngestConfig.defaults(home.resolve("data"));
        assertThat(parse().ingest(defaults).agentSettings().offlineScanFile()).isNull();
        ServeCommand.ServeArguments arguments = parse("--offline-scan-file", "\\\\files\\wsus\\wsusscn2.cab", "--max-timestamp-ahead", "2h");
        IngestConfig ingest = arguments.ingest(defaults);
        assertThat(ingest.agentSettings().offlineScanFile()).isEqualTo("\\\\files\\wsus\\wsusscn2.cab");
        assertThat(ingest.agentSettings().scanIntervalMinutes()).isEqualTo(defaults.agentSettings().scanIntervalMinutes());
        assertThat(ingest.maxTimestampAhead()).isEqualTo(Duration.ofHours(2));
    }
}
