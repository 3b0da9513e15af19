package org.patchlake.etl.landing;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;
import org.patchlake.etl.LandingFixture;

/** Agent times outside 2000 .. receivedAt + the allowed skew send the whole line to quarantine, naming the field. */
class LandingLineParserTimesTest {
  static final Instant RECEIVED = Instant.parse("2026-11-10T08:00:00Z");
  static final int ERROR = LandingSchemas.RECORD.fieldIndex("error");
  static final int RAW = LandingSchemas.RECORD.fieldIndex("raw");
  final LandingLineParser parser = new LandingLineParser();

  @Test
  void a_scan_dated_far_in_the_future_is_quarantined_with_the_field_and_the_limit() {
    Row row = inventory(Instant.parse("9999-01-01T00:00:00Z"), Map.of());

    assertThat(row.getString(ERROR)).isEqualTo("field scannedAt is 9999-01-01T00:00:00Z, more than 24 h after the"
        + " line's receivedAt 2026-11-10T08:00:00Z (a time in the future would hide later scans)");
    assertThat(row.getString(RAW)).contains("9999-01-01T00:00:00Z");
  }

  @Test
  void a_scan_within_the_skew_is_kept_and_one_just_past_it_is_not() {
    assertThat(inventory(RECEIVED.plus(Duration.ofHours(24)), Map.of()).getString(ERROR)).isNull();
    assertThat(inventory(RECEIVED.plus(Duration.ofHours(24)).plusSeconds(1), Map.of()).getString(ERROR))
        .startsWith("field scannedAt is 2026-11-11T08:00:01Z, more than 24 h after");
    assertThat(new LandingLineParser(Duration.ofHours(48)).parse("f", 1, line(
        new LandingFixture(null).inventory("m", "c1", RECEIVED.plus(Duration.ofHours(30)), RECEIVED, List.of(), Map.of())))
        .getString(ERROR)).isNull();
  }

  @Test
  void install_dates_boot_times_and_scans_before_2000_are_quarantined() {
    assertThat(inventory(RECEIVED, Map.of("KB100", "2999-01-01")).getString(ERROR))
        .startsWith("field installedUpdates.installedOn is 2999-01-01T00:00:00Z, more than 24 h after");
    assertThat(inventory(RECEIVED, Map.of("KB100", "1999-12-31")).getString(ERROR))
        .isEqualTo("field installedUpdates.installedOn is 1999-12-31T00:00:00Z, before 2000-01-01T00:00:00Z");
    assertThat(inventory(Instant.parse("1999-06-01T00:00:00Z"), Map.of()).getString(ERROR))
        .startsWith("field scannedAt is 1999-06-01T00:00:00Z, before 2000");
  }

  @Test
  void delivery_and_enrollment_times_are_bounded_the_same_way_and_web_events_are_not() {
    LandingFixture lines = new LandingFixture(null);
    String delivery = line(lines.delivery("d1", "c1", Instant.parse("3000-01-01T00:00:00Z"), "KB100", 1, "failed", 1603));
    assertThat(parser.parse("f", 1, delivery.replace("\"receivedAt\":\"3000-01-01T00:00:00Z\"",
        "\"receivedAt\":\"" + RECEIVED + "\"")).getString(ERROR)).startsWith("field startedAt is 2999-12-31T23:50:00Z");
    String enrollment = "{\"messageId\":\"enroll-c1-1\",\"kind\":\"enrollment\",\"computerId\":\"c1\",\"receivedAt\":\"" + RECEIVED
        + "\",\"protocolVersion\":1,\"payload\":{\"computerId\":\"c1\",\"hostname\":\"PC1\",\"site\":\"Paris\",\"region\":\"EU\","
        + "\"enrolledAt\":\"2500-01-01T00:00:00Z\"}}";
    assertThat(parser.parse("f", 1, enrollment).getString(ERROR)).startsWith("field enrolledAt is 2500-01-01");
    String exception = line(lines.exception("x1", "web-exception-1", "c1", "MS-1", RECEIVED, Instant.parse("2099-01-01T00:00:00Z")));
    assertThat(parser.parse("f", 1, exception).getString(ERROR)).isNull();
  }

  private Row inventory(Instant scannedAt, Map<String, String> installed) {
    return parser.parse("f", 1, line(new LandingFixture(null).inventory("m", "c1", scannedAt, RECEIVED, List.of(), installed)));
  }

  private static String line(LandingFixture fixture) {
    return fixture.lines().get(fixture.lines().size() - 1);
  }
}
