package org.patchlake.etl.transform;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.patchlake.core.catalog.CumulativeRole;
import org.patchlake.core.state.ComputerFacts;
import org.patchlake.core.state.StatePolicy;
import org.patchlake.core.state.UpdateState;

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

  @Test
  void the_cumulative_packages_of_the_catalog_version_reach_the_executors_and_their_states() throws Exception {
    CatalogIndex withCumulative = new CatalogIndex("v-2", List.of(
        new CatalogIndex.CatalogUpdate("KB5048661", "KB5048661", "Windows Server 2022", "", "Critical", "",
            LocalDate.parse("2024-12-10"), false, "may_require", List.of()),
        new CatalogIndex.CatalogUpdate("KB5046616", "KB5046616", "Windows Server 2022", "", "Critical", "",
            LocalDate.parse("2024-11-12"), false, "may_require", List.of())),
        List.of(new CumulativeRole("KB5048661", "Windows Server 2022", CumulativeRole.Kind.CUMULATIVE,
            CumulativeRole.Scope.OS_STREAM, "cumulative update of Windows Server 2022")));

    CatalogIndex shipped = roundTrip(withCumulative);
    Instant now = Instant.parse("2025-01-05T00:00:00Z");
    ComputerFacts facts = ComputerFacts.scanned("c-1", Set.of("Windows Server 2022"), Set.of("KB5048661"), now);

    assertThat(shipped.catalog().coveredBy("KB5046616", "Windows Server 2022")).containsExactly("KB5048661");
    assertThat(shipped.deriver(StatePolicy.defaults()).derive(facts, now).updates())
        .allSatisfy(result -> assertThat(result.state()).isEqualTo(UpdateState.INSTALLED));
    assertThat(roundTrip(index).catalog().servicing().roles()).as("a catalog version without update_cumulative").isEmpty();
  }

  /** As Spark ships it to executors: Java serialization. */
  private static CatalogIndex roundTrip(CatalogIndex index) throws Exception {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
      out.writeObject(index);
    }
    try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
      return (CatalogIndex) in.readObject();
    }
  }
}
