package org.patchlake.etl;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EtlSummaryTest {
  private static EtlSummary summary(Map<String, Long> unresolved) {
    return new EtlSummary("s-1", "v-1", 2, 10, 9, 1, 0, 3, 0, Map.of("computers", 3L), Duration.ofSeconds(5), true, 3,
        unresolved);
  }

  @Test
  void the_summary_states_the_unresolved_count_even_when_it_is_zero() {
    assertThat(summary(Map.of()).format()).contains("etl: 0 computers with an unresolved OS").doesNotContain("WARNING");
    assertThat(summary(Map.of("OS version '17763' is not an NT version such as 10.0.19045", 2L)).format())
        .contains("etl: WARNING 2 computers have an OS that could not be placed", "       2  OS version '17763'")
        .doesNotContain("0 computers with an unresolved OS");
  }
}
