package org.patchlake.etl.faults;

import org.patchlake.etl.spark.SparkSessions;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The ETL kill campaign ({@link EtlKillCampaign}) with three kills in the build: one drawn from the seed, one between the
 * marker and the switch, one between the switch and the manifest. The full campaign:
 * {@code ./patchlake bench faults etl --kills 20 --seed 1} (this test with {@code -Dpatchlake.faults.kills=20}).
 */
class EtlKillTest {
    static SparkSession spark;

    @TempDir
    Path work;

    @BeforeAll
    static void start() {
        spark = SparkSessions.forTests("patchlake-etl-test");
    }

    @AfterAll
    static void stop() {
        spark.stop();
    }

    @Test
    void after_a_sigkill_at_any_point_readers_see_a_complete_snapshot_and_the_next_run_equals_an_uninterrupted_one() throws Exception {
        int kills = Integer.getInteger("patchlake.faults.kills", 3);
        long seed = Long.getLong("patchlake.faults.seed", 1);
        EtlKillCampaign.Result result = EtlKillCampaign.run(spark, work, kills, seed, System.out);
        assertThat(result.kills()).hasSize(kills);
        assertThat(result.kills()).allSatisfy(kill -> assertThat(kill.problems()).as("kill at point %d (%s %s)", kill.point(),
                kill.operation(), kill.path()).isEmpty());
        assertThat(result.kills()).as("kills before the switch keep the previous snapshot").anyMatch(EtlKillCampaign.Kill::previousKept);
        assertThat(result.kills()).as("a kill after the switch, before the manifest").anyMatch(kill -> !kill.previousKept());
    }
}
