package org.patchlake.etl.landing;

import java.time.Duration;
import java.time.Instant;

/**
 * The times an agent's landing line may carry: from 2000-01-01 to its {@code receivedAt} plus the allowed skew
 * (ingest refuses the rest since it checks them; lines landed before that are quarantined here). A scan dated far in
 * the future would otherwise stay the computer's newest forever, and every later real scan would be ignored. Checked
 * against the line's own receipt time, so reprocessing the same landing files gives the same answer.
 */
record AgentTimes(Instant earliest, Instant latest, Duration maxAhead) {
  static final Instant EARLIEST = Instant.parse("2000-01-01T00:00:00Z");
  static final Duration DEFAULT_MAX_AHEAD = Duration.ofHours(24);

  static AgentTimes receivedAt(Instant receivedAt, Duration maxAhead) {
    return new AgentTimes(EARLIEST, receivedAt.plus(maxAhead), maxAhead);
  }

  /** The value, or a {@link BadRecordException} naming the field when it is outside the window; null stays null. */
  Instant check(String field, Instant value) {
    if (value == null) return null;
    if (value.isBefore(earliest)) {
      throw new BadRecordException("field " + field + " is " + value + ", before " + earliest);
    }
    if (value.isAfter(latest)) {
      throw new BadRecordException("field " + field + " is " + value + ", more than " + hours(maxAhead)
          + " after the line's receivedAt " + latest.minus(maxAhead) + " (a time in the future would hide later scans)");
    }
    return value;
  }

  private static String hours(Duration duration) {
    return duration.toMinutes() % 60 == 0 ? duration.toHours() + " h" : duration.toMinutes() + " min";
  }
}
