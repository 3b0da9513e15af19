package org.patchlake.web.metrics;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class MetricsTest {
    final Metrics metrics = new Metrics();

    @Test
    void a_duration_counts_in_every_bucket_at_or_above_it_under_its_prometheus_name() {
        metrics.observe("patchlake_report_duration_seconds", "Time to compute a report", 0.2, "report", "dashboard");
        metrics.observe("patchlake_report_duration_seconds", "Time to compute a report", 0.25, "report", "dashboard");

        assertThat(metrics.render()).contains("# TYPE patchlake_report_duration_seconds histogram",
                "patchlake_report_duration_seconds_bucket{report=\"dashboard\",le=\"0.1\"} 0\n",
                "patchlake_report_duration_seconds_bucket{report=\"dashboard\",le=\"0.25\"} 2\n",
                "patchlake_report_duration_seconds_bucket{report=\"dashboard\",le=\"+Inf\"} 2\n",
                "patchlake_report_duration_seconds_count{report=\"dashboard\"} 2\n",
                "patchlake_report_duration_seconds_sum{report=\"dashboard\"} 0.45\n");
    }

    @Test
    void counters_keep_their_total_suffix_and_count_per_label_set() {
        metrics.increment("patchlake_etl_runs_total", "ETL runs by outcome", "outcome", "failed");
        metrics.increment("patchlake_etl_runs_total", "ETL runs by outcome", "outcome", "failed");
        metrics.increment("patchlake_etl_runs_total", "ETL runs by outcome", "outcome", "succeeded");

        assertThat(metrics.counterValue("patchlake_etl_runs_total", "outcome", "failed")).isEqualTo(2);
        assertThat(metrics.counterValue("patchlake_etl_runs_total", "outcome", "never")).isZero();
        assertThat(metrics.render()).contains("# HELP patchlake_etl_runs_total ETL runs by outcome\n",
                "# TYPE patchlake_etl_runs_total counter\n", "patchlake_etl_runs_total{outcome=\"failed\"} 2.0\n");
    }

    @Test
    void a_gauge_registered_again_reads_the_new_value_and_a_failing_one_reads_nan() {
        metrics.gauge("patchlake_schedules_failing", "Failing schedules", () -> 1);
        metrics.gauge("patchlake_schedules_failing", "Failing schedules", () -> 3);
        metrics.gauge("patchlake_snapshot_age_seconds", "Snapshot age", () -> {
            throw new IllegalStateException("no snapshot");
        });

        assertThat(metrics.gaugeValue("patchlake_schedules_failing")).isEqualTo(3.0);
        assertThat(metrics.gaugeValue("patchlake_no_such_gauge")).isNaN();
        assertThat(metrics.render()).contains("patchlake_schedules_failing 3.0\n", "patchlake_snapshot_age_seconds NaN\n");
    }
}
