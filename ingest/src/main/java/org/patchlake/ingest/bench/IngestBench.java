package org.patchlake.ingest.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import org.patchlake.ingest.IngestConfig;
import org.patchlake.ingest.IngestServer;
import org.patchlake.ingest.IngestService;
import org.patchlake.ingest.http.ProtocolJson;
import org.patchlake.ingest.registry.AgentRegistry;

/**
 * {@code ./patchlake bench ingest [--agents 500] [--count 20000] [--seconds 20] [--concurrency 64] [--repeat 3]
 * [--warmup 3000] [--data DIR]}: starts ingest in this JVM over a fresh data directory, runs {@link LoadGenerator} in a separate
 * JVM on loopback (bounded by count and time), then checks landing: every acknowledged message id must be
 * there exactly once. Prints uploads/s and p50/p99 latency per run and the medians.
 */
public final class IngestBench {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private IngestBench() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> flags = BenchFlags.parse(args);
        int repeat = Integer.parseInt(flags.getOrDefault("--repeat", "3"));
        int warmup = Integer.parseInt(flags.getOrDefault("--warmup", "3000"));
        Path data = flags.containsKey("--data") ? Path.of(flags.get("--data")) : Files.createTempDirectory("patchlake-bench-ingest");
        IngestConfig config = IngestConfig.defaults(data).withPort(0).withNode("bench");
        String token = new AgentRegistry(config.ingestDirectory(), new ProtocolJson().mapper(), new SecureRandom(), Clock.systemUTC())
                .createToken("bench-site", "bench-region", null).clearText();
        System.out.printf("bench ingest: data %s, %d core(s), server heap %d MiB%n", data, Runtime.getRuntime().availableProcessors(),
                Runtime.getRuntime().maxMemory() >> 20);

        List<Map<String, Object>> runs = new ArrayList<>();
        try (IngestServer server = IngestServer.start(IngestService.open(config))) {
            if (warmup > 0) {
                Map<String, String> warmupFlags = new HashMap<>(flags);
                warmupFlags.put("--count", Integer.toString(warmup));
                Path acked = Files.createTempFile("bench-warmup", ".txt");
                JsonNode summary = runGenerator(server.port(), token, warmupFlags, "w-" + System.currentTimeMillis(), acked, new double[1]);
                System.out.printf("warm-up (not counted): %d acknowledged, %.0f uploads/s%n", summary.get("acknowledged").asInt(),
                        summary.get("uploadsPerSecond").asDouble());
                Files.deleteIfExists(acked);
            }
            for (int run = 1; run <= repeat; run++) {
                Path acked = Files.createTempFile("bench-acked", ".txt");
                long commitsBefore = server.service().groupCommits();
                double[] serverCpu = new double[1];
                JsonNode summary = runGenerator(server.port(), token, flags, "r" + run + "-" + System.currentTimeMillis(), acked, serverCpu);
                long commits = server.service().groupCommits() - commitsBefore;
                server.service().sealLanding();
                Set<String> ackedIds = new HashSet<>(Files.readAllLines(acked));
                Map<String, Integer> found = landedIds(config.landingDirectory(), ackedIds);
                long missing = ackedIds.stream().filter(id -> !found.containsKey(id)).count();
                long duplicated = found.values().stream().filter(n -> n > 1).count();
                Map<String, Object> result = new HashMap<>();
                result.put("uploadsPerSecond", summary.get("uploadsPerSecond").asDouble());
                result.put("p50", summary.get("p50Millis").asDouble());
                result.put("p99", summary.get("p99Millis").asDouble());
                runs.add(result);
                System.out.printf("run %d: %d sent, %d acknowledged, %d errors in %.1f s = %.0f uploads/s; latency p50 %.1f ms, p99 %.1f ms, "
                                + "max %.1f ms; %d group commits (%.1f messages per fsync); landing: %d acknowledged found, %d missing, "
                                + "%d stored twice; mean body %.0f bytes gzip%n",
                        run, summary.get("sent").asInt(), ackedIds.size(), summary.get("errors").asInt(), summary.get("seconds").asDouble(),
                        summary.get("uploadsPerSecond").asDouble(), summary.get("p50Millis").asDouble(), summary.get("p99Millis").asDouble(),
                        summary.get("maxMillis").asDouble(), commits, ackedIds.size() / (double) Math.max(1, commits),
                        ackedIds.size() - missing, missing, duplicated, summary.get("meanBodyBytes").asDouble());
                System.out.printf("  CPU per upload: server %.2f ms, load generator %.2f ms (%d cores); system load average %.1f%n",
                        serverCpu[0] / Math.max(1, summary.get("sent").asInt()), summary.get("generatorCpuMillisPerUpload").asDouble(),
                        Runtime.getRuntime().availableProcessors(),
                        java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
                if (summary.get("errors").asInt() > 0) {
                    System.out.println("  error samples: " + summary.get("errorSamples"));
                }
                Files.deleteIfExists(acked);
            }
        }
        System.out.printf("median of %d run(s): %.0f uploads/s, p50 %.1f ms, p99 %.1f ms%n", runs.size(),
                median(runs, "uploadsPerSecond"), median(runs, "p50"), median(runs, "p99"));
    }

    private static JsonNode runGenerator(int port, String token, Map<String, String> flags, String prefix, Path acked,
            double[] serverCpuMillis) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx" + flags.getOrDefault("--generator-heap", "2g"), "-XX:+UseParallelGC",
                "-cp", System.getProperty("java.class.path"), LoadGenerator.class.getName(),
                "--url", "http://127.0.0.1:" + port, "--token", token, "--prefix", prefix, "--acked", acked.toString()));
        for (String flag : List.of("--agents", "--count", "--seconds", "--concurrency", "--rate", "--installed")) {
            if (flags.containsKey(flag)) {
                command.add(flag);
                command.add(flags.get(flag));
            }
        }
        Process process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        String last = null;
        try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            long cpuAtStart = 0;
            while ((line = out.readLine()) != null) {
                if (line.equals("sending")) {
                    cpuAtStart = LoadGenerator.processCpuNanos();
                } else if (line.equals("sent")) {
                    serverCpuMillis[0] = (LoadGenerator.processCpuNanos() - cpuAtStart) / 1e6;
                } else {
                    last = line;
                }
            }
        }
        int exit = process.waitFor();
        if (exit != 0 || last == null) {
            throw new IllegalStateException("load generator failed with exit code " + exit);
        }
        return MAPPER.readTree(last);
    }

    /** How often each of the given ids occurs in sealed inventory landing files. */
    private static Map<String, Integer> landedIds(Path landing, Set<String> wanted) {
        Map<String, Integer> counts = new HashMap<>();
        try (Stream<Path> files = Files.walk(landing.resolve("inventory"))) {
            for (Path file : files.filter(path -> path.toString().endsWith(".jsonl.gz")).toList()) {
                try (BufferedReader reader = new BufferedReader(new InputStreamReader(new GZIPInputStream(Files.newInputStream(file), 65536),
                        StandardCharsets.UTF_8), 1 << 16)) {
                    String line;
                    while ((line = reader.readLine()) != null) {
                        int start = line.indexOf("\"messageId\":\"") + 13;
                        String id = line.substring(start, line.indexOf('"', start));
                        if (wanted.contains(id)) {
                            counts.merge(id, 1, Integer::sum);
                        }
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read landing " + landing, e);
        }
        return counts;
    }

    private static double median(List<Map<String, Object>> runs, String key) {
        double[] values = runs.stream().mapToDouble(run -> (Double) run.get(key)).sorted().toArray();
        return values.length == 0 ? 0 : values[values.length / 2];
    }
}
