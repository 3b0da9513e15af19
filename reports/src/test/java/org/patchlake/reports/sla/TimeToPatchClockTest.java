package org.patchlake.reports.sla;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.patchlake.reports.query.FixtureWarehouse;
import org.patchlake.reports.query.QueryFilter;
import org.patchlake.reports.query.QueryRunner;
import org.patchlake.reports.query.Scope;
import org.patchlake.reports.query.Warehouse;
import org.patchlake.reports.sla.SlaRows.TimeToPatch;

/**
 * A computer that joins the fleet with an update already installed: its clock starts at its first scan
 * (2026-11-10), after the install date it reports (2026-11-04). It was patched when its clock started, so it
 * counts as patched after 0 hours, never as a negative time that would pull the mean below zero.
 */
class TimeToPatchClockTest {
    @TempDir
    static Path warehouseDirectory;
    static Warehouse warehouse;
    static SlaQueries queries;

    @BeforeAll
    static void publishFixtureWithALateJoiner() throws Exception {
        FixtureWarehouse.publish(warehouseDirectory, "s-20261120123000000",
                "INSERT INTO bulletin_state VALUES ('c7','KB5000001','INSTALLED','2026-11-10 00:00','2026-11-04 00:00',"
                        + "'US','us-nyc','workstation',2)",
                FixtureWarehouse.PUBLISHED_AT);
        warehouse = FixtureWarehouse.open(warehouseDirectory);
        queries = new SlaQueries(new QueryRunner(warehouse, (sql, values, nanos) -> { }),
                BusinessCalendar.saturdaySunday(Set.of()), new SlaEvaluator(SlaEvaluator.DEFAULT_WINDOW));
    }

    @AfterAll
    static void close() {
        warehouse.close();
    }

    @Test
    void an_update_installed_before_the_clock_started_counts_as_patched_after_zero_hours() {
        QueryFilter thisYear = QueryFilter.none().between(LocalDate.of(2026, 1, 1), null);
        for (int days : new int[] {1, 7}) {
            List<TimeToPatch> summarized = queries.timeToPatch(Scope.all(), thisYear, SlaQueries.Grouping.SEVERITY, days).rows();
            List<TimeToPatch> fromStates = queries.timeToPatchFromStates(Scope.all(), thisYear, SlaQueries.Grouping.SEVERITY, days)
                    .rows();
            for (List<TimeToPatch> rows : List.of(summarized, fromStates)) {
                TimeToPatch critical = rows.get(0);
                assertThat(critical.group()).isEqualTo("Critical");
                // c1 after 34 h, c2 after 96 h, c7 at its clock start
                assertThat(critical.patched()).isEqualTo(3);
                assertThat(critical.meanHoursToPatch()).isCloseTo((34.0 + 96.0 + 0.0) / 3, org.assertj.core.data.Offset.offset(1e-9));
                // within 1 day: only c7; within 7 days: c1, c2 and c7
                assertThat(critical.patchedWithin()).isEqualTo(days == 1 ? 1 : 3);
            }
        }
    }
}
