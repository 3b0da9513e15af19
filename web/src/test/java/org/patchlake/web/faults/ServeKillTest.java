package org.patchlake.web.faults;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The serve kill campaign, three cycles (the full twenty: {@code ./patchlake bench faults ingest}): the real serve
 * process under a steady load of signed uploads, SIGKILLed and restarted; landing is counted after every restart.
 */
class ServeKillTest {
    @TempDir
    Path data;

    @Test
    void every_upload_acknowledged_before_a_sigkill_of_serve_is_in_landing_exactly_once_after_restart() throws Exception {
        ServeKillCampaign.Result result = ServeKillCampaign.run(data, 3, 7, System.out);
        assertThat(result.cycles()).isEqualTo(3);
        assertThat(result.acknowledgedBeforeKills()).as("uploads acknowledged before the last kill")
                .isGreaterThanOrEqualTo(3 * ServeKillCampaign.ACKNOWLEDGED_PER_CYCLE);
        assertThat(result.missing()).as("acknowledged, then missing from landing").isZero();
        assertThat(result.duplicated()).as("message ids in landing more than once").isZero();
        assertThat(result.attempted()).isGreaterThanOrEqualTo(result.acknowledgedBeforeKills());
    }
}
