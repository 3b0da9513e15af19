package org.patchlake.etl.landing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

class JsonFieldsInstantTest {
  @Test
  void the_fast_path_gives_what_the_formatters_give() {
    for (String text : List.of("2026-11-21T10:00:00Z", "2026-11-21T23:59:59.5Z", "2026-02-28T00:00:00.123456789Z",
        "1999-12-28T12:34:56.000001Z", "2024-01-01T00:00:00Z")) {
      assertThat(JsonFields.fastIsoInstant(text)).as(text).isEqualTo(Instant.parse(text));
      assertThat(JsonFields.parseInstant("f", text)).as(text).isEqualTo(Instant.parse(text));
    }
    for (String text : List.of("2026-10-20", "2024-02-28", "1970-01-01")) {
      Instant expected = LocalDate.parse(text).atStartOfDay().toInstant(ZoneOffset.UTC);
      assertThat(JsonFields.fastIsoInstant(text)).as(text).isEqualTo(expected);
    }
  }

  @Test
  void other_shapes_take_the_general_path_with_its_checks() {
    for (String text : List.of("2024-02-29", "2026-10-31T10:00:00Z", "2026-11-21T10:00:00+01:00", "11/21/2026",
        "2026-11-21T10:00Z", "2026-11-21T24:00:00Z", "2026-13-01", "2026-11-21T10:00:00.Z")) {
      assertThat(JsonFields.fastIsoInstant(text)).as(text).isNull();
    }
    assertThat(JsonFields.parseInstant("f", "2024-02-29")).isEqualTo(Instant.parse("2024-02-29T00:00:00Z"));
    assertThat(JsonFields.parseInstant("f", "2026-10-31T10:00:00Z")).isEqualTo(Instant.parse("2026-10-31T10:00:00Z"));
    assertThatThrownBy(() -> JsonFields.parseInstant("installedOn", "2026-13-01"))
        .hasMessageContaining("field installedOn is not a date: '2026-13-01'");
    assertThatThrownBy(() -> JsonFields.parseInstant("scannedAt", "2026-02-30T00:00:00Z"))
        .hasMessageContaining("field scannedAt is not a date");
  }
}
