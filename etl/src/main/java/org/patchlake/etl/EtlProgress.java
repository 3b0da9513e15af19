package org.patchlake.etl;

import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.Locale;

/**
 * Prints one line per finished stage: name, rows, stage time, elapsed time since the run started, and the CPU
 * time the process spent in the stage (all threads; on a busy machine a steadier figure than wall time).
 */
public final class EtlProgress {
  private final PrintStream out;
  private final long startNanos = System.nanoTime();
  private long stageStart = startNanos;
  private long stageCpu = processCpuNanos();

  public EtlProgress(PrintStream out) {
    this.out = out;
  }

  public void stage(String name, long rows) {
    long now = System.nanoTime();
    long cpu = processCpuNanos();
    out.printf(Locale.ROOT, "etl: %-28s %,14d rows  %7.1f s  (elapsed %7.1f s, cpu %6.1f s)%n", name, rows,
        (now - stageStart) / 1e9, (now - startNanos) / 1e9, (cpu - stageCpu) / 1e9);
    out.flush();
    stageStart = now;
    stageCpu = cpu;
  }

  public void note(String message) {
    out.println("etl: " + message);
    out.flush();
  }

  public Duration elapsed() {
    return Duration.ofNanos(System.nanoTime() - startNanos);
  }

  private static long processCpuNanos() {
    if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
      return os.getProcessCpuTime();
    }
    return 0;
  }
}
