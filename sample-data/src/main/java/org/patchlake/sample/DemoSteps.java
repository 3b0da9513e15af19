package org.patchlake.sample;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;

/** "[3/7] starting the server" lines with the time each step took, and the breakdown at the end. */
final class DemoSteps {
    private final int total;
    private final long first = System.nanoTime();
    private final Map<String, Double> seconds = new LinkedHashMap<>();
    private int current;
    private long started = first;
    private String name;

    DemoSteps(int total) {
        this.total = total;
    }

    void begin(String what, String shortName) {
        end();
        long now = System.nanoTime();
        started = now;
        name = shortName;
        current++;
        System.err.printf("[%d/%d] %s   (%.0f s since start, %s)%n", current, total, what, (now - first) / 1e9,
            Instant.now().atOffset(ZoneOffset.UTC).toLocalTime().truncatedTo(ChronoUnit.SECONDS));
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
            System.err.printf("      (%.1f s)%n", took);
            name = null;
        }
    }
}
