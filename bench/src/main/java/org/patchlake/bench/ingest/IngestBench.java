package org.patchlake.bench.ingest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.patchlake.ingest.IngestConfig;
import org.patchlake.ingest.IngestServer;
import org.patchlake.ingest.IngestService;
import org.patchlake.ingest.http.ProtocolJson;
import org.patchlake.ingest.registry.AgentRegistry;
import org.patchlake.bench.BenchData;
import org.patchlake.cli.CommandMain;
import org.patchlake.cli.Commands;
import org.patchlake.cli.HelpOption;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code ./patchlake bench ingest [--runs 3] [--seconds 15] [--count 45000] [--warmup-seconds 15] [--concurrency 64]
 * [--rate R] [--agents 500] [--installed 300] [--data DIR]}: starts ingest in this JVM over a fresh data directory and
 * {@link LoadGenerator} in a second JVM on loopback; after an uncounted warm-up it runs {@code --runs} phases, each
 * bounded by {@code --count} uploads and {@code --seconds}, and after each checks landing: every acknowledged message
 * id must be there exactly once. Prints uploads/s, p50/p99 latency, CPU per upload of server and generator, and
 * the medians; about two minutes with the defaults.
 */
@Command(name = Commands.BENCH_INGEST, description = Commands.BENCH_INGEST_SUMMARY, sortOptions = false)
public final class IngestBench implements java.util.concurrent.Callable<Integer> {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final double TARGET_RATE = 2_000;
    private static final double TARGET_P99_MILLIS = 100;

    @Mixin
    HelpOption help;

    @Option(names = "--runs", paramLabel = "N", defaultValue = "3", description = "Measured phases. Default: ${DEFAULT-VALUE}.")
    int runs;

    @Option(names = "--seconds", paramLabel = "S", defaultValue = "15", description = "Longest phase. Default: ${DEFAULT-VALUE}.")
    int seconds;

    @Option(names = "--count", paramLabel = "N", defaultValue = "45000", description = "Most uploads per phase. Default: ${DEFAULT-VALUE}.")
    int count;

    @Option(names = "--warmup-seconds", paramLabel = "S", defaultValue = "15",
            description = "Uncounted warm-up (0: none). Default: ${DEFAULT-VALUE}.")
    int warmupSeconds;

    @Option(names = "--data", paramLabel = "DIR", description = "Data directory (default: a fresh one in the system temp directory).")
    Path data;

    @Option(names = "--generator-heap", paramLabel = "SIZE", defaultValue = "2g",
            description = "The generator process's heap. Default: ${DEFAULT-VALUE}.")
    String generatorHeap;

    @Mixin
    GeneratorOptions generatorOptions;

    public static void main(String[] args) {
        CommandMain.exit("bench " + Commands.BENCH_INGEST, new IngestBench(), args);
    }

    @Override
    public Integer call() throws Exception {
        Path data = this.data != null ? this.data : BenchData.fresh("ingest");
        IngestConfig config = IngestConfig.defaults(data).withPort(0).withNode("bench");
        String token = new AgentRegistry(config.ingestDirectory(), new ProtocolJson().mapper(), new SecureRandom(), Clock.systemUTC())
                .createToken("bench-site", "bench-region", null).clearText();
        Path ackedDirectory = BenchData.fresh("ingest-acked");
        int cores = Runtime.getRuntime().availableProcessors();
        PrintStream out = System.out;
        out.printf(Locale.ROOT, "bench ingest: data %s, %d core(s), server heap %d MiB, load average %.1f; %d run(s) of up to %d uploads / %d s, "
                        + "concurrency %s%n", data, cores, Runtime.getRuntime().maxMemory() >> 20, loadAverage(), runs, count, seconds,
                generatorOptions.concurrency + (generatorOptions.rate > 0 ? ", open loop at " + generatorOptions.rate + "/s" : ""));

        List<BenchRun> results = new ArrayList<>();
        try (IngestServer server = IngestServer.start(IngestService.open(config));
                Generator generator = Generator.start(server.port(), token, ackedDirectory, generatorHeap, generatorOptions)) {
            LandingCheck landing = new LandingCheck(config.landingDirectory());
            if (warmupSeconds > 0) {
                JsonNode warmup = generator.run("warmup", count, warmupSeconds).summary();
                out.printf(Locale.ROOT, "warm-up (not counted): %d acknowledged in %.1f s, %.0f uploads/s%n", warmup.get("acknowledged").asInt(),
                        warmup.get("seconds").asDouble(), warmup.get("uploadsPerSecond").asDouble());
            }
            for (int run = 1; run <= runs; run++) {
                long commitsBefore = server.service().groupCommits();
                long gcBefore = gcMillis();
                Generator.Phase phase = generator.run("r" + run, count, seconds);
                long commits = server.service().groupCommits() - commitsBefore;
                long gc = gcMillis() - gcBefore;
                server.service().sealLanding();
                Set<String> acked = new HashSet<>(Files.readAllLines(ackedDirectory.resolve("r" + run + ".txt")));
                LandingCheck.Found found = landing.check(acked);
                BenchRun result = BenchRun.of(phase, acked.size(), found, commits, gc, loadAverage());
                results.add(result);
                result.print(out, run, cores);
            }
        }
        BenchRun.printMedians(out, results, cores, TARGET_RATE, TARGET_P99_MILLIS);
        return 0;
    }

    static double loadAverage() {
        return ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    }

    private static long gcMillis() {
        return ManagementFactory.getGarbageCollectorMXBeans().stream().mapToLong(GarbageCollectorMXBean::getCollectionTime).sum();
    }

    /** The load generator JVM, driven line by line. */
    static final class Generator implements AutoCloseable {
        private final Process process;
        private final BufferedReader lines;
        private final PrintStream commands;

        private Generator(Process process) {
            this.process = process;
            this.lines = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
            this.commands = new PrintStream(process.getOutputStream(), true, StandardCharsets.UTF_8);
        }

        static Generator start(int port, String token, Path ackedDirectory, String heap, GeneratorOptions options) throws IOException {
            List<String> command = new ArrayList<>(List.of(
                    Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-Xmx" + heap, "-XX:+UseParallelGC",
                    "-cp", System.getProperty("java.class.path"), LoadGenerator.class.getName(),
                    "--url", "http://127.0.0.1:" + port, "--token", token, "--prefix", "b" + System.currentTimeMillis(),
                    "--acked-dir", ackedDirectory.toString()));
            command.addAll(options.arguments());
            Generator generator = new Generator(new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start());
            generator.expect("ready");
            return generator;
        }

        /** A phase's summary (the generator's JSON line) and the server's CPU while it was sending. */
        record Phase(JsonNode summary, double serverCpuMillis) {
        }

        Phase run(String name, int count, int seconds) throws IOException {
            commands.println("run " + name + " " + count + " " + seconds);
            expect("sending");
            long cpuAtStart = LoadGenerator.processCpuNanos();
            expect("sent");
            double serverCpuMillis = (LoadGenerator.processCpuNanos() - cpuAtStart) / 1e6;
            return new Phase(MAPPER.readTree(next()), serverCpuMillis);
        }

        private void expect(String wanted) throws IOException {
            String line = next();
            if (!line.equals(wanted)) {
                throw new IllegalStateException("load generator said '" + line + "' where '" + wanted + "' was expected");
            }
        }

        private String next() throws IOException {
            String line = lines.readLine();
            if (line == null) {
                throw new IllegalStateException("load generator ended early (exit code " + waitForExit() + ")");
            }
            return line;
        }

        private int waitForExit() {
            try {
                return process.waitFor();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return -1;
            }
        }

        @Override
        public void close() {
            commands.println("exit");
            commands.close();
            waitForExit();
        }
    }
}
