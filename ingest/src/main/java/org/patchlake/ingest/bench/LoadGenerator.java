package org.patchlake.ingest.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import org.patchlake.ingest.http.ProtocolJson;

/**
 * The bench's load generator, run in its own JVM by {@link IngestBench}: enrolls simulated agents, prepares
 * their gzip inventories (300 installed KBs) before the clock starts, then posts them signed from
 * {@code --concurrency} connections until {@code --count} messages or {@code --seconds} elapse, and prints one
 * JSON summary line. Acknowledged message ids go to {@code --acked FILE} for the landing check.
 */
public final class LoadGenerator {
    private LoadGenerator() {
    }

    record Options(URI url, String token, int agents, int count, int seconds, int concurrency, double rate, String prefix, Path acked,
            int installed) {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> flags = BenchFlags.parse(args);
        Options options = new Options(URI.create(flags.get("--url")), flags.get("--token"),
                Integer.parseInt(flags.getOrDefault("--agents", "500")), Integer.parseInt(flags.getOrDefault("--count", "20000")),
                Integer.parseInt(flags.getOrDefault("--seconds", "20")), Integer.parseInt(flags.getOrDefault("--concurrency", "64")),
                Double.parseDouble(flags.getOrDefault("--rate", "0")),
                flags.getOrDefault("--prefix", "bench"), Path.of(flags.get("--acked")),
                Integer.parseInt(flags.getOrDefault("--installed", "300")));
        System.out.println(new ObjectMapper().writeValueAsString(run(options)));
    }

    static Map<String, Object> run(Options options) throws Exception {
        ProtocolClient client = new ProtocolClient(options.url(), Clock.systemUTC());
        ProtocolJson json = new ProtocolJson();
        List<ProtocolClient.Credentials> agents = enroll(client, json, options);

        // Prepare every body (JSON, gzip, SHA-256) before the clock starts: the fleet's CPU is not the server's.
        // Only the signature is made per request, because it covers the send time.
        int count = options.count();
        UploadConnection.PreparedUpload[] uploads = new UploadConnection.PreparedUpload[count];
        int workers = Runtime.getRuntime().availableProcessors();
        ExecutorService prepare = Executors.newFixedThreadPool(workers);
        List<Future<?>> prepared = new ArrayList<>();
        for (int w = 0; w < workers; w++) {
            int worker = w;
            prepared.add(prepare.submit(() -> {
                SampleInventories samples = new SampleInventories(worker);
                for (int i = worker; i < count; i += workers) {
                    String id = options.prefix() + "-" + i;
                    ProtocolClient.Credentials agent = agents.get(i % agents.size());
                    byte[] body = ProtocolClient.gzip(json.write(samples.inventory(id, agent.computerId(), i, options.installed(), Instant.now())));
                    uploads[i] = UploadConnection.PreparedUpload.of(agent, id, body);
                }
            }));
        }
        for (Future<?> future : prepared) {
            future.get();
        }
        prepare.shutdown();

        long[] latencyNanos = new long[count];
        boolean[] acknowledged = new boolean[count];
        AtomicInteger next = new AtomicInteger();
        AtomicInteger errors = new AtomicInteger();
        List<String> errorSamples = java.util.Collections.synchronizedList(new ArrayList<>());
        System.out.println("sending");
        System.out.flush();
        long cpuStart = processCpuNanos();
        long start = System.nanoTime();
        long deadline = start + options.seconds() * 1_000_000_000L;
        // Open loop (--rate R): upload i is due at start + i/R and its latency counts from then, so a server that
        // falls behind shows it in the percentiles instead of slowing the generator down (no coordinated omission).
        double nanosPerUpload = options.rate() > 0 ? 1e9 / options.rate() : 0;
        ExecutorService senders = Executors.newFixedThreadPool(options.concurrency());
        List<Future<?>> running = new ArrayList<>();
        for (int c = 0; c < options.concurrency(); c++) {
            running.add(senders.submit(() -> {
                try (UploadConnection connection = new UploadConnection(options.url())) {
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
                            if (answer.status() == 200) {
                                acknowledged[i] = true;
                            } else {
                                errors.incrementAndGet();
                                if (errorSamples.size() < 5) {
                                    errorSamples.add(answer.status() + " " + answer.body());
                                }
                            }
                        } catch (IOException | RuntimeException e) {
                            latencyNanos[i] = System.nanoTime() - sent;
                            errors.incrementAndGet();
                            if (errorSamples.size() < 5) {
                                errorSamples.add(e.toString());
                            }
                        }
                    }
                }
            }));
        }
        for (Future<?> future : running) {
            future.get();
        }
        long elapsed = System.nanoTime() - start;
        long cpu = processCpuNanos() - cpuStart;
        System.out.println("sent");
        System.out.flush();
        senders.shutdown();

        List<String> ackedIds = new ArrayList<>();
        long[] sentLatencies = new long[count];
        int sent = 0;
        for (int i = 0; i < count; i++) {
            if (latencyNanos[i] > 0) {
                sentLatencies[sent++] = latencyNanos[i];
            }
            if (acknowledged[i]) {
                ackedIds.add(uploads[i].messageId());
            }
        }
        writeLines(options.acked(), ackedIds);
        long[] sorted = Arrays.copyOf(sentLatencies, sent);
        Arrays.sort(sorted);
        Map<String, Object> summary = new java.util.LinkedHashMap<>();
        summary.put("agents", agents.size());
        summary.put("sent", sent);
        summary.put("acknowledged", ackedIds.size());
        summary.put("errors", errors.get());
        summary.put("errorSamples", errorSamples);
        summary.put("seconds", elapsed / 1e9);
        summary.put("uploadsPerSecond", ackedIds.size() / (elapsed / 1e9));
        summary.put("p50Millis", percentile(sorted, 0.50));
        summary.put("p99Millis", percentile(sorted, 0.99));
        summary.put("maxMillis", sorted.length == 0 ? 0 : sorted[sorted.length - 1] / 1e6);
        summary.put("generatorCpuMillisPerUpload", sent == 0 ? 0 : cpu / 1e6 / sent);
        summary.put("meanBodyBytes", Arrays.stream(uploads).mapToInt(upload -> upload.body().length).average().orElse(0));
        return summary;
    }

    private static List<ProtocolClient.Credentials> enroll(ProtocolClient client, ProtocolJson json, Options options) throws Exception {
        SampleInventories samples = new SampleInventories(1);
        ExecutorService pool = Executors.newFixedThreadPool(16);
        List<Future<ProtocolClient.Credentials>> futures = new ArrayList<>();
        for (int i = 0; i < options.agents(); i++) {
            byte[] request = json.write(samples.enrollment(options.token(), i));
            futures.add(pool.submit(() -> {
                HttpResponse<String> response = client.enroll(request);
                if (response.statusCode() != 200) {
                    throw new IllegalStateException("enroll failed: " + response.statusCode() + " " + response.body());
                }
                JsonNode body = json.mapper().readTree(response.body());
                return new ProtocolClient.Credentials(body.get("computerId").asText(), body.get("agentSecret").asText());
            }));
        }
        List<ProtocolClient.Credentials> agents = new ArrayList<>();
        for (Future<ProtocolClient.Credentials> future : futures) {
            agents.add(future.get());
        }
        pool.shutdown();
        return agents;
    }

    static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    private static double percentile(long[] sorted, double fraction) {
        if (sorted.length == 0) {
            return 0;
        }
        int index = (int) Math.ceil(fraction * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))] / 1e6;
    }

    private static void writeLines(Path file, List<String> lines) {
        try {
            Files.write(file, lines);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }
}
