package org.patchlake.bench.web;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.TreeMap;

/** Page times per page kind, printed as count, p50, p95, p99, max and errors (non-200 answers or failures). */
final class BenchFigures {
    private record Sample(String kind, long nanos, int status) {
    }

    private final List<Sample> samples = new ArrayList<>();

    synchronized void add(String kind, long nanos, int status) {
        samples.add(new Sample(kind, nanos, status));
    }

    synchronized void print(PrintStream out, double seconds) {
        List<Sample> pages = samples.stream().filter(s -> !s.kind().startsWith("sign-in")).toList();
        long errors = pages.stream().filter(s -> s.status() != 200).count();
        out.printf(Locale.ROOT, "pages: %d in %.0f s (%.1f pages/s), errors (non-200 or failed): %d%n", pages.size(), seconds,
                pages.size() / seconds, errors);
        TreeMap<String, List<Sample>> byKind = new TreeMap<>();
        for (Sample s : samples) {
            byKind.computeIfAbsent(s.kind(), k -> new ArrayList<>()).add(s);
        }
        byKind.put("ALL pages", pages);
        out.printf(Locale.ROOT, "%-36s %7s %8s %8s %8s %8s %7s%n", "page", "count", "p50 ms", "p95 ms", "p99 ms", "max ms", "errors");
        byKind.forEach((kind, list) -> {
            long[] nanos = list.stream().mapToLong(Sample::nanos).sorted().toArray();
            if (nanos.length > 0) {
                out.printf(Locale.ROOT, "%-36s %7d %8.1f %8.1f %8.1f %8.1f %7d%n", kind, nanos.length, percentile(nanos, 50),
                        percentile(nanos, 95), percentile(nanos, 99), nanos[nanos.length - 1] / 1e6,
                        list.stream().filter(s -> s.status() != 200).count());
            }
        });
    }

    private static double percentile(long[] sorted, double p) {
        int index = (int) Math.ceil(p / 100 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))] / 1e6;
    }
}
