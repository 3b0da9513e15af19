package org.patchlake.etl;

import static java.util.Objects.requireNonNull;

import java.time.Duration;
import java.util.Locale;
import java.util.Map;

/** What a run did, printed at its end and returned to callers (tests, the benchmark, the scheduler). */
public record EtlSummary(String snapshot, String catalogVersion, int landingFiles, long records, long accepted,
    long duplicates, long quarantined, long computers, long regressions, Map<String, Long> rowCounts,
    Duration elapsed, boolean published, long evaluatedComputers, Map<String, Long> unresolvedOperatingSystems) {

  public EtlSummary {
    requireNonNull(rowCounts, "rowCounts is null");
    rowCounts = Map.copyOf(rowCounts);
    requireNonNull(elapsed, "elapsed is null");
    unresolvedOperatingSystems = Map.copyOf(requireNonNull(unresolvedOperatingSystems, "unresolvedOperatingSystems is null"));
  }

  /** Computers whose OS could not be placed among the catalog's products (their in-box products are missing). */
  public long unresolvedComputers() {
    return unresolvedOperatingSystems.values().stream().mapToLong(Long::longValue).sum();
  }

  public String format() {
    StringBuilder text = new StringBuilder();
    text.append(String.format(Locale.ROOT, "etl: %s snapshot %s (catalog %s) in %.1f s%n",
        published ? "published" : "nothing new, kept", snapshot, catalogVersion, elapsed.toMillis() / 1000.0));
    text.append(String.format(Locale.ROOT,
        "etl: %d new landing files, %,d records: %,d accepted, %,d duplicates, %,d quarantined%n",
        landingFiles, records, accepted, duplicates, quarantined));
    text.append(String.format(Locale.ROOT, "etl: %,d computers (%,d evaluated, the rest carried forward unchanged),"
        + " %,d regressions in history%n", computers, evaluatedComputers, regressions));
    if (unresolvedComputers() > 0) {
      text.append(String.format(Locale.ROOT, "etl: WARNING %,d computers have an OS that could not be placed among the"
          + " catalog's products (their in-box products such as .NET and Internet Explorer are not evaluated; Agent"
          + " health lists them):%n", unresolvedComputers()));
      unresolvedOperatingSystems.entrySet().stream()
          .sorted(Map.Entry.<String, Long>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
          .limit(10).forEach(entry -> text.append(String.format(Locale.ROOT, "etl:   %,8d  %s%n", entry.getValue(),
              entry.getKey())));
    } else {
      text.append("etl: 0 computers with an unresolved OS (every reported OS placed among the catalog's products)\n");
    }
    rowCounts.entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(entry ->
        text.append(String.format(Locale.ROOT, "etl:   %-22s %,14d rows%n", entry.getKey(), entry.getValue())));
    return text.toString();
  }
}
