package org.patchlake.bench.ingest;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintStream;
import java.util.List;
import java.util.Locale;
import java.util.function.ToDoubleFunction;

/** The figures of one measured run of {@link IngestBench}, and how they are printed. */
record BenchRun(int sent, int acknowledged, int errors, String errorSamples, double seconds, double uploadsPerSecond, double p50Millis,
        double p99Millis, double maxMillis, double serverCpuMillisPerUpload, double generatorCpuMillisPerUpload, long groupCommits,
        long gcMillis, LandingCheck.Found landing, double meanBodyBytes, double loadAverage) {

    static BenchRun of(IngestBench.Generator.Phase phase, int acknowledged, LandingCheck.Found landing, long groupCommits, long gcMillis,
            double loadAverage) {
        JsonNode summary = phase.summary();
        int sent = summary.get("sent").asInt();
        return new BenchRun(sent, acknowledged, summary.get("errors").asInt(), summary.get("errorSamples").toString(),
                summary.get("seconds").asDouble(), summary.get("uploadsPerSecond").asDouble(), summary.get("p50Millis").asDouble(),
                summary.get("p99Millis").asDouble(), summary.get("maxMillis").asDouble(), phase.serverCpuMillis() / Math.max(1, sent),
                summary.get("generatorCpuMillisPerUpload").asDouble(), groupCommits, gcMillis, landing, summary.get("meanBodyBytes").asDouble(),
                loadAverage);
    }

    void print(PrintStream out, int run, int cores) {
        out.printf(Locale.ROOT, "run %d: %d sent, %d acknowledged, %d errors in %.1f s = %.0f uploads/s; latency p50 %.1f ms, p99 %.1f ms, "
                        + "max %.1f ms; %d group commits (%.1f messages per fsync); landing: %d acknowledged found, %d missing, %d stored twice; "
                        + "mean body %.0f bytes gzip%n",
                run, sent, acknowledged, errors, seconds, uploadsPerSecond, p50Millis, p99Millis, maxMillis, groupCommits,
                acknowledged / (double) Math.max(1, groupCommits), landing.found(), landing.missing(), landing.storedTwice(), meanBodyBytes);
        out.printf(Locale.ROOT, "  CPU per upload: server %.3f ms (GC pauses %d ms in the run), load generator %.3f ms; %d cores; "
                        + "load average %.1f%n",
                serverCpuMillisPerUpload, gcMillis, generatorCpuMillisPerUpload, cores, loadAverage);
        if (errors > 0) {
            out.println("  error samples: " + errorSamples);
        }
    }

    static void printMedians(PrintStream out, List<BenchRun> runs, int cores, double targetRate, double targetP99) {
        if (runs.isEmpty()) {
            return;
        }
        double rate = median(runs, BenchRun::uploadsPerSecond);
        double p99 = median(runs, BenchRun::p99Millis);
        double server = median(runs, BenchRun::serverCpuMillisPerUpload);
        double generator = median(runs, BenchRun::generatorCpuMillisPerUpload);
        long missing = runs.stream().mapToLong(run -> run.landing().missing()).sum();
        long twice = runs.stream().mapToLong(run -> run.landing().storedTwice()).sum();
        out.printf(Locale.ROOT, "median of %d run(s): %.0f uploads/s, p50 %.1f ms, p99 %.1f ms; CPU per upload: server %.3f ms, "
                        + "generator %.3f ms; acknowledged but missing in landing: %d, stored twice: %d%n",
                runs.size(), rate, median(runs, BenchRun::p50Millis), p99, server, generator, missing, twice);
        out.printf(Locale.ROOT, "CPU bound on %d cores: server alone %.0f uploads/s, server + this generator %.0f uploads/s%n",
                cores, cores * 1000 / server, cores * 1000 / (server + generator));
        boolean met = rate >= targetRate && p99 < targetP99 && missing == 0;
        out.printf(Locale.ROOT, "target (%.0f uploads/s, p99 < %.0f ms, none missing): %s%n", targetRate, targetP99, met ? "met" : "NOT met");
    }

    private static double median(List<BenchRun> runs, ToDoubleFunction<BenchRun> figure) {
        double[] values = runs.stream().mapToDouble(figure).sorted().toArray();
        return values.length % 2 == 1 ? values[values.length / 2] : (values[values.length / 2 - 1] + values[values.length / 2]) / 2;
    }
}
