package org.patchlake.etl;

import static java.util.Objects.requireNonNull;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

/**
 * Everything an ETL run is configured with, read once in {@link EtlCommand#main}.
 *
 * <p>Paths are Hadoop path strings, so {@code /data}, {@code file:///data}, {@code hdfs://nn/patchlake} and
 * {@code s3a://bucket/patchlake} all work.
 *
 * @param landing           DATA/landing
 * @param warehouse         DATA/warehouse
 * @param master            Spark master (local[*], spark://host:port, yarn, ...); null when spark-submit sets it
 * @param asOf              the evaluation clock; empty = the wall clock at start (tests and reruns pin it)
 * @param stalenessDays     a computer without inventory for longer is UNKNOWN (DESIGN: 14)
 * @param allowedRetries    failed install attempts before an update is FAILED (DESIGN: 3)
 * @param keepSnapshots     snapshots kept by retention (at least 2: the current one and the one before)
 * @param dedupWindowDays   message ids remembered across runs for deduplication
 * @param dailyBackfillDays compliance_daily is recomputed for touched days at most this far back
 * @param shufflePartitions spark.sql.shuffle.partitions
 * @param reevaluateAll     evaluate every computer, not only those with new data or near staleness (an incremental
 *                          run does this by itself when the catalog or the state policy changed)
 * @param compactFraction   layered tables get a new base once their delta covers more than this share of the
 *                          computers (LayeredTables; 0 = a new base every run, as before layers)
 * @param jars              comma-separated jars shipped to executors (spark.jars): the shaded job jar when the
 *                          job is started with --master spark://... without spark-submit; null otherwise
 * @param maxTimestampAhead an agent time (scan, install, boot, delivery, enrollment) more than this past its line's
 *                          receivedAt, or before 2000, sends the line to quarantine (ingest's --max-timestamp-ahead;
 *                          default 24 hours)
 */
public record EtlConfig(
    String landing,
    String warehouse,
    String master,
    Optional<Instant> asOf,
    int stalenessDays,
    int allowedRetries,
    int keepSnapshots,
    int dedupWindowDays,
    int dailyBackfillDays,
    int shufflePartitions,
    boolean reevaluateAll,
    String jars,
    double compactFraction,
    Duration maxTimestampAhead) {

  public EtlConfig {
    requireNonNull(landing, "landing is null");
    requireNonNull(warehouse, "warehouse is null");
    requireNonNull(asOf, "asOf is null");
    if (stalenessDays < 1) throw new IllegalArgumentException("stalenessDays must be >= 1: " + stalenessDays);
    if (allowedRetries < 1) throw new IllegalArgumentException("allowedRetries must be >= 1: " + allowedRetries);
    if (keepSnapshots < 2) throw new IllegalArgumentException("keepSnapshots must be >= 2: " + keepSnapshots);
    if (shufflePartitions < 1) throw new IllegalArgumentException("shufflePartitions must be >= 1");
    if (!(compactFraction >= 0 && compactFraction <= 1)) {
      throw new IllegalArgumentException("compactFraction must be between 0 and 1: " + compactFraction);
    }
    requireNonNull(maxTimestampAhead, "maxTimestampAhead is null");
    if (maxTimestampAhead.isNegative() || maxTimestampAhead.compareTo(Duration.ofDays(7)) > 0) {
      throw new IllegalArgumentException("maxTimestampAhead must be 0 .. 7 days: " + maxTimestampAhead);
    }
  }

  /** Defaults for a data directory: DATA/landing and DATA/warehouse. */
  public static EtlConfig forData(String data) {
    String base = data.endsWith("/") ? data.substring(0, data.length() - 1) : data;
    return new EtlConfig(base + "/landing", base + "/warehouse", "local[*]", Optional.empty(), 14, 3, 5, 30, 14, 8,
        false, null, org.patchlake.etl.publish.LayeredTables.COMPACT_FRACTION, Duration.ofHours(24));
  }

  public EtlConfig withMaster(String newMaster) {
    return new EtlConfig(landing, warehouse, newMaster, asOf, stalenessDays, allowedRetries, keepSnapshots,
        dedupWindowDays, dailyBackfillDays, shufflePartitions, reevaluateAll, jars, compactFraction, maxTimestampAhead);
  }

  public EtlConfig withAsOf(Instant instant) {
    return new EtlConfig(landing, warehouse, master, Optional.of(instant), stalenessDays, allowedRetries,
        keepSnapshots, dedupWindowDays, dailyBackfillDays, shufflePartitions, reevaluateAll, jars, compactFraction, maxTimestampAhead);
  }

  public EtlConfig withShufflePartitions(int partitions) {
    return new EtlConfig(landing, warehouse, master, asOf, stalenessDays, allowedRetries, keepSnapshots,
        dedupWindowDays, dailyBackfillDays, partitions, reevaluateAll, jars, compactFraction, maxTimestampAhead);
  }

  public EtlConfig withKeepSnapshots(int keep) {
    return new EtlConfig(landing, warehouse, master, asOf, stalenessDays, allowedRetries, keep,
        dedupWindowDays, dailyBackfillDays, shufflePartitions, reevaluateAll, jars, compactFraction, maxTimestampAhead);
  }

  public EtlConfig withCompactFraction(double fraction) {
    return new EtlConfig(landing, warehouse, master, asOf, stalenessDays, allowedRetries, keepSnapshots,
        dedupWindowDays, dailyBackfillDays, shufflePartitions, reevaluateAll, jars, fraction, maxTimestampAhead);
  }

  public EtlConfig withReevaluateAll(boolean all) {
    return new EtlConfig(landing, warehouse, master, asOf, stalenessDays, allowedRetries, keepSnapshots,
        dedupWindowDays, dailyBackfillDays, shufflePartitions, all, jars, compactFraction, maxTimestampAhead);
  }

  /** The state rules' settings, recorded in each snapshot: a change re-evaluates every computer. */
  public String statePolicy() {
    return "staleness_days=" + stalenessDays + ",allowed_retries=" + allowedRetries;
  }

  /** The clock of this run: pinned, or now (millisecond precision, like the timestamps we store). */
  public Instant clock() {
    return asOf.orElseGet(() -> Instant.now().truncatedTo(ChronoUnit.MILLIS));
  }

  public Duration staleness() {
    return Duration.ofDays(stalenessDays);
  }
}
