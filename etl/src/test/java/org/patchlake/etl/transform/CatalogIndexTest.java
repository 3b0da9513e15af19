package org.patchlake.etl.transform;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class CatalogIndexTest {
  final CatalogIndex index = new CatalogIndex("v-1", List.of(
      new CatalogIndex.CatalogUpdate("KB1", "KB1", "Windows Server 2022", "", "Critical", "", LocalDate.parse("2026-06-09"),
          false, "may_require", List.of())));

  @Test
  void a_release_day_between_two_runs_is_noticed_once() {
    assertThat(index.releasedBetween(Instant.parse("2026-06-08T22:00:00Z"), Instant.parse("2026-06-09T00:05:00Z")))
        .isTrue();
    assertThat(index.releasedBetween(Instant.parse("2026-06-09T00:05:00Z"), Instant.parse("2026-06-09T00:10:00Z")))
        .as("the run after the one that crossed the day").isFalse();
    assertThat(index.releasedBetween(Instant.parse("2026-06-01T00:00:00Z"), Instant.parse("2026-06-08T23:59:00Z")))
        .isFalse();
  }
}
