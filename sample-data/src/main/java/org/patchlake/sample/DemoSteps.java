package org.patchlake.sample;

import java.lang.management.ManagementFactory;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * "[3/5] generating a fleet" lines with the time each step took (wall clock, and the CPU time of the demo's own
 * process: the server and the agents; child processes such as ETL runs print their own), and the breakdown at the end.
 */
final class DemoSteps {
    private final int total;
    private final long first = System.nanoTime();
    private final Map<String, Double> seconds = new LinkedHashMap<>();
    private int current;
    private long started = first;
    private long cpuStarted = cpu();
    private String name;

    DemoSteps(int total) {
        this.total = total;
    }

    void begin(String what, String shortName) {
        end();
        long now = System.nanoTime();
        started = now;
        cpuStarted = cpu();
        name = shortName;
        current++;
        System.err.printf("[%d/%d] %s   (%.0f s since start, %s)%n", current, total, what, (now - first) / 1e9,
            Instant.now().atOffset(ZoneOffset.UTC).toLocalTime().truncatedTo(ChronoUnit.SECONDS));
    }

    /** Records that {@code seconds} of the current step went to {@code what} (shown in the breakdown). */
    void within(String what, double took) {
        seconds.putIfAbsent(name, 0.0);
        seconds.merge(name + " (" + what + ")", took, Double::sum);
    }

    /** Ends the current step; returns the breakdown "catalog 3 s, fleet 12 s, ... = total". */
    String finish() {
        end();
        StringBuilder line = new StringBuilder();
        seconds.forEach((step, took) -> line.append(line.length() == 0 ? "" : ", ").append(step)
            .append(String.format(" %.0f s", took)));
        return line.append(String.format("; %.0f s in all", (System.nanoTime() - first) / 1e9)).toString();
    }

    private void end() {
        if (name != null) {
            double took = (System.nanoTime() - started) / 1e9;
            seconds.merge(name, took, Double::sum);
            System.err.printf("      (%.1f s, demo process CPU %.1f s, load average %s)%n", took,
                (cpu() - cpuStarted) / 1e9, loadAverage());
            name = null;
        }
    }

    static long cpu() {
        if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
            return os.getProcessCpuTime();
        }
        return 0;
    }

    /** The machine's one-minute load average (other work slows the demo down), or "?" where there is none. */
    static String loadAverage() {
        double load = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
        return load < 0 ? "?" : String.format("%.1f", load);
    }
}
