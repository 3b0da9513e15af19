package org.patchlake.etl.landing;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.patchlake.core.rules.InstallReturnCodes;

class DeliveryOutcomesTest {
  @Test
  void meanings_come_from_cores_table_with_their_symbol() {
    assertThat(DeliveryOutcomes.meaning(0x800F081FL)).isEqualTo("CBS_E_SOURCE_MISSING: "
        + InstallReturnCodes.describe(0x800F081FL).meaning());
    assertThat(DeliveryOutcomes.meaning(2359302L)).startsWith("WU_S_ALREADY_INSTALLED: ");
    // a signed exit value as the agent may report it
    assertThat(DeliveryOutcomes.meaning((long) (int) 0x80240017L)).startsWith("WU_E_NOT_APPLICABLE: ");
    assertThat(DeliveryOutcomes.knownCodes()).contains(0L, 3010L, 0x800F081FL, 2359302L);
  }

  @Test
  void an_unknown_code_says_which_code_it_was() {
    assertThat(DeliveryOutcomes.meaning(0x12345678L)).isEqualTo("unknown return code 0x12345678");
    assertThat(DeliveryOutcomes.hex((long) (int) 0x80240017L)).isEqualTo("0x80240017");
    assertThat(DeliveryOutcomes.meaning(null)).isNull();
  }
}
