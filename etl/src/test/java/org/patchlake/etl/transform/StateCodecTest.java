package org.patchlake.etl.transform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.List;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.catalyst.expressions.GenericRowWithSchema;
import org.junit.jupiter.api.Test;
import org.patchlake.etl.landing.LandingSchemas;

class StateCodecTest {
  @Test
  void update_states_come_back_field_for_field_with_nulls_and_microseconds() {
    List<Row> states = List.of(
        state("KB1-p", "KB1", "B1", "p", "INSTALLED", Instant.parse("2026-11-01T10:00:00.123456Z"),
            Instant.parse("2026-10-01T00:00:00Z"), Instant.parse("2026-11-01T10:00:00.123456Z"), "KB9", 0, false),
        state("KB2-p", "KB2", "B2", "p", "FAILED", null, null, null, null, 3, true));
    List<Row> back = StateCodec.decodeStates(StateCodec.encodeStates(states));
    assertThat(back).hasSize(2);
    for (int i = 0; i < states.size(); i++) {
      for (int field = 0; field < 11; field++) assertThat(back.get(i).get(field)).isEqualTo(states.get(i).get(field));
      assertThat(back.get(i).<String>getAs("state")).isEqualTo(states.get(i).<String>getAs("state"));
    }
  }

  @Test
  void installed_kbs_keep_their_order_dates_and_the_three_valued_restart_flag() {
    List<Row> installed = List.of(installed("KB3", Instant.parse("2026-11-02T00:00:00Z"), true),
        installed("KB1", null, null), installed("KB2", Instant.parse("2025-01-01T00:00:00Z"), false));
    List<Row> back = StateCodec.decodeInstalled(StateCodec.encodeInstalled(installed));
    assertThat(back).extracting(row -> row.getString(0)).containsExactly("KB3", "KB1", "KB2");
    assertThat(back).extracting(row -> row.get(1)).containsExactly(installed.get(0).get(1), null, installed.get(2).get(1));
    assertThat(back).extracting(row -> row.get(2)).containsExactly(true, null, false);
    assertThat(StateCodec.decodeInstalled(StateCodec.encodeInstalled(List.of()))).isEmpty();
  }

  @Test
  void bytes_of_another_encoding_are_refused_with_a_clear_error() {
    assertThatThrownBy(() -> StateCodec.decodeStates(new byte[] {9, 0, 0, 0, 0}))
        .isInstanceOf(UncheckedIOException.class).hasMessageContaining("computer_latest: unreadable update states");
  }

  private static Row state(String updateId, String kb, String bulletin, String product, String state, Instant since,
      Instant firstApplicable, Instant installedAt, String via, int attempts, boolean regression) {
    return new GenericRowWithSchema(new Object[] {updateId, kb, bulletin, product, state, since, firstApplicable,
        installedAt, via, attempts, regression}, ComputerSchemas.STATE);
  }

  private static Row installed(String kb, Instant at, Boolean pending) {
    return new GenericRowWithSchema(new Object[] {kb, at, pending}, LandingSchemas.INSTALLED_KB);
  }
}
