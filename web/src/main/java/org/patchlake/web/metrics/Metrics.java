package org.patchlake.web.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.DoubleSupplier;
import java.util.stream.Stream;

/**
 * The server's metrics: a Micrometer {@link PrometheusMeterRegistry} rendered in Prometheus' text format at
 * {@code /metrics}. One instance per server, passed in; no static state (Micrometer's global registry is not used).
 * <p>
 * Names are Prometheus names as written ({@code patchlake_http_requests_total}); durations are timers
 * exported in seconds as histograms with fixed buckets (Micrometer adds a {@code <name>_max} gauge beside
 * each). Label values are Micrometer tags, printed in name order.
 */
public final class Metrics {
    private static final Duration[] BUCKETS = Stream.of("0.005", "0.01", "0.025", "0.05", "0.1", "0.25", "0.5", "1", "2.5", "5",
            "10", "30", "60", "300", "900", "3600").map(seconds -> Duration.ofNanos(new BigDecimal(seconds).movePointRight(9).longValueExact()))
            .toArray(Duration[]::new);

    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    /** Gauges read through a reference, so registering a name and labels again replaces the value read. */
    private final Map<String, AtomicReference<DoubleSupplier>> gauges = new ConcurrentHashMap<>();

    public void increment(String name, String help, String... labels) {
        Counter.builder(name).description(help).tags(tags(labels)).register(registry).increment();
    }

    public void observe(String name, String help, double seconds, String... labels) {
        Timer.builder(name).description(help).tags(tags(labels)).serviceLevelObjectives(BUCKETS)
                .register(registry).record(Duration.ofNanos(Math.round(seconds * 1e9)));
    }

    /** A value read when the metrics are rendered; {@code labels} as name, value pairs tell series of one name apart. */
    public void gauge(String name, String help, DoubleSupplier value, String... labels) {
        Tags tags = tags(labels);
        AtomicReference<DoubleSupplier> reference = gauges.computeIfAbsent(name + tags, key -> {
            AtomicReference<DoubleSupplier> created = new AtomicReference<>();
            Gauge.builder(name, created, Metrics::read).description(help).tags(tags).strongReference(true).register(registry);
            return created;
        });
        reference.set(value);
    }

    private static double read(AtomicReference<DoubleSupplier> reference) {
        DoubleSupplier supplier = reference.get();
        try {
            return supplier == null ? Double.NaN : supplier.getAsDouble();
        } catch (RuntimeException e) {
            return Double.NaN;
        }
    }

    /** The gauge's current value, NaN when there is no such series. */
    public double gaugeValue(String name, String... labels) {
        Gauge gauge = registry.find(name).tags(tags(labels)).gauge();
        return gauge == null ? Double.NaN : gauge.value();
    }

    public long counterValue(String name, String... labels) {
        Counter counter = registry.find(name).tags(tags(labels)).counter();
        return counter == null ? 0 : (long) counter.count();
    }

    /** The text exposition format (version 0.0.4). */
    public String render() {
        return registry.scrape();
    }

    private static Tags tags(String... pairs) {
        if (pairs.length % 2 != 0) {
            throw new IllegalArgumentException("labels come in name, value pairs");
        }
        Tags tags = Tags.empty();
        for (int i = 0; i < pairs.length; i += 2) {
            tags = tags.and(pairs[i], pairs[i + 1] == null ? "" : pairs[i + 1]);
        }
        return tags;
    }
}
