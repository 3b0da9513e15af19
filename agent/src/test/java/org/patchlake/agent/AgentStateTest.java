package org.patchlake.agent;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.patchlake.agent.policy.RestartRecord;
import org.patchlake.agent.policy.UpdateProgress;
import org.patchlake.agent.upload.AgentJson;
import org.patchlake.core.protocol.RebootBehaviour;

class AgentStateTest {

    @TempDir
    Path directory;

    @Test
    void a_state_file_written_before_restart_answers_were_kept_still_loads_and_round_trips() throws Exception {
        Path file = Files.writeString(directory.resolve("agent-state.json"), """
            {"computerId": "c-1", "agentSecret": "s", "settings": {"scanIntervalMinutes": 240, "checkInIntervalMinutes": 60,
              "stalenessDays": 14},
             "progress": {"p-1|KB4489899": {"attempts": 1, "lastAttemptAt": "2026-11-23T22:15:00Z", "finished": true,
                                            "lastOutcome": "SUCCEEDED_REBOOT_REQUIRED", "awaitingRestart": true}},
             "restarts": [{"policyId": "p-1", "behaviour": "END_OF_CYCLE", "requestedAt": "2026-11-23T22:15:00Z",
                           "noticeMinutes": 5, "noticeMessage": "bye"}]}
            """);
        AgentState state = AgentState.load(file, AgentJson.mapper());
        UpdateProgress progress = state.progress.get("p-1|KB4489899");
        assertThat(progress.awaitingRestart()).isTrue();
        assertThat(progress.restartFailedAt()).isNull();
        assertThat(state.restarts).containsExactly(new RestartRecord("p-1", RebootBehaviour.END_OF_CYCLE,
            Instant.parse("2026-11-23T22:15:00Z"), 5, "bye"));
        assertThat(state.settings.offlineScanFile()).isNull();

        state.progress.put("p-1|KB4489899", progress.restartFailed(Instant.parse("2026-11-23T22:16:00Z")));
        state.save(file, AgentJson.mapper(), false);
        assertThat(AgentState.load(file, AgentJson.mapper()).progress.get("p-1|KB4489899").restartFailedAt())
            .isEqualTo(Instant.parse("2026-11-23T22:16:00Z"));
    }
}
