package org.patchlake.bench.ingest;

import java.io.IOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

/**
 * One measured phase of the load generator: posts prepared uploads from {@code concurrency} keep-alive
 * connections until all are sent or the time is up, and measures throughput, latency and its own CPU.
 *
 * <p>Closed loop by default (each connection sends its next upload when the previous one is answered). With a
 * {@code rate} it is open loop: upload i is due at start + i/rate and its latency counts from then, so a server
 * that falls behind shows it in the percentiles instead of quietly slowing the generator down.
 */
final class UploadRun {
    private final URI server;
    private final int concurrency;
    private final double rate;

    UploadRun(URI server, int concurrency, double rate) {
        this.server = server;
        this.concurrency = concurrency;
        this.rate = rate;
    }

    /** What a phase did. */
    record Result(int sent, List<String> acknowledgedIds, int errors, List<String> errorSamples, double seconds, long[] sortedLatencyNanos,
            double generatorCpuMillis, double meanBodyBytes) {

        Map<String, Object> summary() {
            Map<String, Object> summary = new LinkedHashMap<>();
            summary.put("sent", sent);
            summary.put("acknowledged", acknowledgedIds.size());
            summary.put("errors", errors);
            summary.put("errorSamples", errorSamples);
            summary.put("seconds", seconds);
            summary.put("uploadsPerSecond", acknowledgedIds.size() / seconds);
            summary.put("p50Millis", percentile(0.50));
            summary.put("p99Millis", percentile(0.99));
            summary.put("maxMillis", sortedLatencyNanos.length == 0 ? 0 : sortedLatencyNanos[sortedLatencyNanos.length - 1] / 1e6);
            summary.put("generatorCpuMillisPerUpload", sent == 0 ? 0 : generatorCpuMillis / sent);
            summary.put("meanBodyBytes", meanBodyBytes);
            return summary;
        }

        private double percentile(double fraction) {
            if (sortedLatencyNanos.length == 0) {
                return 0;
            }
            int index = (int) Math.ceil(fraction * sortedLatencyNanos.length) - 1;
            return sortedLatencyNanos[Math.max(0, Math.min(sortedLatencyNanos.length - 1, index))] / 1e6;
        }
    }

    Result run(UploadConnection.PreparedUpload[] uploads, int seconds, Runnable started) throws Exception {
        int count = uploads.length;
        long[] latencyNanos = new long[count];
        boolean[] acknowledged = new boolean[count];
        AtomicInteger next = new AtomicInteger();
        AtomicInteger errors = new AtomicInteger();
        List<String> errorSamples = Collections.synchronizedList(new ArrayList<>());
        double nanosPerUpload = rate > 0 ? 1e9 / rate : 0;
        ExecutorService senders = Executors.newFixedThreadPool(concurrency);
        started.run();
        long cpuStart = LoadGenerator.processCpuNanos();
        long start = System.nanoTime();
        long deadline = start + seconds * 1_000_000_000L;
        List<Future<?>> running = new ArrayList<>();
        for (int c = 0; c < concurrency; c++) {
            running.add(senders.submit(() -> {
                try (UploadConnection connection = new UploadConnection(server)) {
                    int i;
                    while ((i = next.getAndIncrement()) < count) {
                        long due = start + (long) (i * nanosPerUpload);
                        long now;
                        while ((now = System.nanoTime()) < due) {
                            LockSupport.parkNanos(due - now);
                        }
                        if (now >= deadline) {
                            break;
                        }
                        long sent = nanosPerUpload > 0 ? due : now;
                        try {
                            UploadConnection.Answer answer = connection.postInventory(uploads[i], System.currentTimeMillis());
                            latencyNanos[i] = System.nanoTime() - sent;
                            acknowledged[i] = answer.status() == 200;
                            if (!acknowledged[i]) {
                                failed(errors, errorSamples, answer.status() + " " + answer.body());
                            }
                        } catch (IOException | RuntimeException e) {
                            latencyNanos[i] = System.nanoTime() - sent;
                            failed(errors, errorSamples, e.toString());
                        }
                    }
                }
            }));
        }
        for (Future<?> future : running) {
            future.get();
        }
        long elapsed = System.nanoTime() - start;
        double cpuMillis = (LoadGenerator.processCpuNanos() - cpuStart) / 1e6;
        senders.shutdown();

        List<String> ackedIds = new ArrayList<>();
        long[] latencies = new long[count];
        int sent = 0;
        for (int i = 0; i < count; i++) {
            if (latencyNanos[i] > 0) {
                latencies[sent++] = latencyNanos[i];
            }
            if (acknowledged[i]) {
                ackedIds.add(uploads[i].messageId());
            }
        }
        long[] sorted = Arrays.copyOf(latencies, sent);
        Arrays.sort(sorted);
        double meanBody = Arrays.stream(uploads).mapToInt(upload -> upload.body().length).average().orElse(0);
        return new Result(sent, ackedIds, errors.get(), List.copyOf(errorSamples), elapsed / 1e9, sorted, cpuMillis, meanBody);
    }

    private static void failed(AtomicInteger errors, List<String> samples, String what) {
        errors.incrementAndGet();
        if (samples.size() < 5) {
            samples.add(what);
        }
    }
}
