package org.patchlake.web.metrics;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.DoubleAdder;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.DoubleSupplier;

/**
 * A small Prometheus registry: counters, histograms (fixed buckets, seconds) and gauges, rendered in the text
 * exposition format at {@code /metrics}. One instance per server, passed in; no static state.
 */
public final class Metrics {
    private static final double[] BUCKETS = {0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 300, 900, 3600};

    private record Family(String type, String help) {
    }

    private static final class Histogram {
        final LongAdder[] buckets = new LongAdder[BUCKETS.length];
        final LongAdder count = new LongAdder();
        final DoubleAdder sum = new DoubleAdder();

        Histogram() {
            for (int i = 0; i < buckets.length; i++) {
                buckets[i] = new LongAdder();
            }
        }
    }

    private final Map<String, Family> families = new ConcurrentHashMap<>();
    private final Map<String, Map<String, LongAdder>> counters = new ConcurrentHashMap<>();
    private final Map<String, Map<String, Histogram>> histograms = new ConcurrentHashMap<>();
    private final Map<String, Map<String, DoubleSupplier>> gauges = new ConcurrentHashMap<>();

    public void increment(String name, String help, String... labels) {
        families.putIfAbsent(name, new Family("counter", help));
        counters.computeIfAbsent(name, n -> new ConcurrentHashMap<>())
                .computeIfAbsent(labels(labels), l -> new LongAdder()).increment();
    }

    public void observe(String name, String help, double seconds, String... labels) {
        families.putIfAbsent(name, new Family("histogram", help));
        Histogram histogram = histograms.computeIfAbsent(name, n -> new ConcurrentHashMap<>())
                .computeIfAbsent(labels(labels), l -> new Histogram());
        for (int i = 0; i < BUCKETS.length; i++) {
            if (seconds <= BUCKETS[i]) {
                histogram.buckets[i].increment();
            }
        }
        histogram.count.increment();
        histogram.sum.add(seconds);
    }

    /** A value read when the metrics are rendered; {@code labels} as name, value pairs tell series of one name apart. */
    public void gauge(String name, String help, DoubleSupplier value, String... labels) {
        families.put(name, new Family("gauge", help));
        gauges.computeIfAbsent(name, n -> new ConcurrentHashMap<>()).put(labels(labels), value);
    }

    /** The gauge's current value, NaN when there is no such series. */
    public double gaugeValue(String name, String... labels) {
        Map<String, DoubleSupplier> series = gauges.get(name);
        DoubleSupplier value = series == null ? null : series.get(labels(labels));
        return value == null ? Double.NaN : value.getAsDouble();
    }

    public long counterValue(String name, String... labels) {
        Map<String, LongAdder> series = counters.get(name);
        LongAdder adder = series == null ? null : series.get(labels(labels));
        return adder == null ? 0 : adder.sum();
    }

    /** The text exposition format (version 0.0.4). */
    public String render() {
        StringBuilder out = new StringBuilder();
        for (Map.Entry<String, Family> entry : new TreeMap<>(families).entrySet()) {
            String name = entry.getKey();
            Family family = entry.getValue();
            out.append("# HELP ").append(name).append(' ').append(family.help()).append('\n');
            out.append("# TYPE ").append(name).append(' ').append(family.type()).append('\n');
            switch (family.type()) {
                case "counter" -> new TreeMap<>(counters.getOrDefault(name, Map.of())).forEach((labels, value) ->
                        out.append(name).append(braces(labels)).append(' ').append(value.sum()).append('\n'));
                case "histogram" -> new TreeMap<>(histograms.getOrDefault(name, Map.of())).forEach((labels, h) -> {
                    for (int i = 0; i < BUCKETS.length; i++) {
                        out.append(name).append("_bucket").append(braces(join(labels, "le=\"" + format(BUCKETS[i]) + "\"")))
                                .append(' ').append(h.buckets[i].sum()).append('\n');
                    }
                    out.append(name).append("_bucket").append(braces(join(labels, "le=\"+Inf\""))).append(' ')
                            .append(h.count.sum()).append('\n');
                    out.append(name).append("_sum").append(braces(labels)).append(' ').append(format(h.sum.sum())).append('\n');
                    out.append(name).append("_count").append(braces(labels)).append(' ').append(h.count.sum()).append('\n');
                });
                default -> new TreeMap<>(gauges.getOrDefault(name, Map.of())).forEach((labels, supplier) -> {
                    double value;
                    try {
                        value = supplier.getAsDouble();
                    } catch (RuntimeException e) {
                        value = Double.NaN;
                    }
                    out.append(name).append(braces(labels)).append(' ').append(format(value)).append('\n');
                });
            }
        }
        return out.toString();
    }

    private static String labels(String... pairs) {
        if (pairs.length % 2 != 0) {
            throw new IllegalArgumentException("labels come in name, value pairs");
        }
        List<String> parts = new ArrayList<>();
        for (int i = 0; i < pairs.length; i += 2) {
            String value = pairs[i + 1] == null ? "" : pairs[i + 1];
            parts.add(pairs[i] + "=\"" + value.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n") + "\"");
        }
        return String.join(",", parts);
    }

    private static String join(String labels, String extra) {
        return labels.isEmpty() ? extra : labels + "," + extra;
    }

    private static String braces(String labels) {
        return labels.isEmpty() ? "" : "{" + labels + "}";
    }

    private static String format(double value) {
        if (Double.isNaN(value)) {
            return "NaN";
        }
        if (value == Math.rint(value) && Math.abs(value) < 1e15) {
            return Long.toString((long) value);
        }
        return new java.math.BigDecimal(value, new java.math.MathContext(6)).stripTrailingZeros().toPlainString();
    }
}
