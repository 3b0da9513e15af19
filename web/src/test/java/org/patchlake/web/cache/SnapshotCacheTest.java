package org.patchlake.web.cache;

import org.junit.jupiter.api.Test;
import org.patchlake.web.metrics.Metrics;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

class SnapshotCacheTest {
    final Metrics metrics = new Metrics();
    final SnapshotCache cache = new SnapshotCache(100, 1, Duration.ofSeconds(1), metrics);
    final AtomicInteger computations = new AtomicInteger();

    private String get(String key, long weight) {
        return cache.get("kind", "s-1", key, () -> "value " + computations.incrementAndGet(), value -> weight);
    }

    @Test
    void a_value_heavier_than_a_tenth_of_the_budget_is_returned_but_not_kept() {
        assertThat(get("heavy", 11)).isEqualTo("value 1");
        assertThat(get("heavy", 11)).isEqualTo("value 2");
        assertThat(cache.size()).isZero();
    }

    @Test
    void a_value_weighed_negative_is_returned_but_not_kept_and_a_light_one_is_kept_with_its_weight() {
        assertThat(get("other-snapshot", -1)).isEqualTo("value 1");
        assertThat(get("light", 7)).isEqualTo("value 2");
        assertThat(get("light", 7)).isEqualTo("value 2");
        assertThat(cache.size()).isEqualTo(1);
        assertThat(metrics.gaugeValue("patchlake_report_cache_weight")).isEqualTo(7.0);
    }
}
