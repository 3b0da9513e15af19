package org.patchlake.etl;

import java.io.PrintStream;
import java.time.Duration;
import java.util.Locale;

/** Prints one line per finished stage: name, rows, stage time and elapsed time since the run started. */
public final class EtlProgress {
  private final PrintStream out;
  private final long startNanos = System.nanoTime();
  private long stageStart = startNanos;

  public EtlProgress(PrintStream out) {
    this.out = out;
  }

  public void stage(String name, long rows) {
    long now = System.nanoTime();
    out.printf(Locale.ROOT, "etl: %-28s %,14d rows  %7.1f s  (elapsed %7.1f s)%n", name, rows,
        (now - stageStart) / 1e9, (now - startNanos) / 1e9);
    out.flush();
    stageStart = now;
  }

  public void note(String message) {
    out.println("etl: " + message);
    out.flush();
  }

  public Duration elapsed() {
    return Duration.ofNanos(System.nanoTime() - startNanos);
  }
}
