package org.patchlake.etl.faults;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.apache.spark.sql.SparkSession;
import org.patchlake.core.catalog.GeneratedCatalog;
import org.patchlake.etl.EtlConfig;
import org.patchlake.etl.EtlJob;
import org.patchlake.etl.EtlProgress;
import org.patchlake.etl.SnapshotComparison;
import org.patchlake.etl.catalog.CatalogImporter;

/**
 * Kills the ETL with SIGKILL at numbered points of a run and checks what is left: CURRENT still names the previous
 * complete snapshot (or, past the switch, the new complete one), the reports module's loader reads exactly what that
 * snapshot's marker promises, and the next run publishes tables equal, as multisets of rows, to those of an
 * uninterrupted run over the same input and clock. Every kill starts from a copy of the same state: a published
 * snapshot and a second landing batch. The points are the ETL's file operations through Hadoop (counted by
 * {@link FaultPointFileSystem} in an uninterrupted run), drawn from {@code seed} one per equal stretch of the run, plus
 * the steps of publishing: after the marker is written (before the switch) and after the switch (before the manifest).
 */
final class EtlKillCampaign {
    static final Instant FIRST_BATCH = Instant.parse("2026-01-14T09:00:00Z");
    static final Instant FIRST_RUN = Instant.parse("2026-01-14T12:00:00Z");
    static final Instant SECOND_BATCH = Instant.parse("2026-01-15T09:00:00Z");
    static final Instant SECOND_RUN = Instant.parse("2026-01-15T12:00:00Z");

    /** Snapshots kept by the runs killed here: fewer than the warehouse holds, so publishing ends with retention. */
    static final int KEEP_SNAPSHOTS = 2;

    /** Per kill: where it stopped, what CURRENT named, what the reader saw, how the next run compared. */
    record Kill(long point, String operation, String path, String current, boolean previousKept, List<String> readerProblems,
                List<String> runProblems) {
        List<String> problems() {
            List<String> all = new ArrayList<>(readerProblems);
            all.addAll(runProblems);
            return all;
        }
    }

    record Result(long points, List<Kill> kills) {
        long failed() {
            return kills.stream().filter(kill -> !kill.problems().isEmpty()).count();
        }
    }

    private EtlKillCampaign() {
    }

    static Result run(SparkSession spark, Path work, int kills, long seed, PrintStream out) throws Exception {
        Path base = work.resolve("base");
        new CatalogImporter(spark, Clock.systemUTC(), message -> { }).write(GeneratedCatalog.asImport(), base.resolve("warehouse"),
                System.nanoTime());
        FaultLanding landing = new FaultLanding(base.resolve("landing"));
        landing.firstBatch(FIRST_BATCH);
        runInProcess(spark, base, FIRST_RUN, 5);
        String previous = current(base);
        olderSnapshots(base, previous, KEEP_SNAPSHOTS);
        landing.secondBatch(SECOND_BATCH);

        long started = System.nanoTime();
        Path reference = copy(base, work.resolve("uninterrupted"));
        FaultPointFileSystem.trace(spark.sparkContext().hadoopConfiguration());
        String trace;
        try {
            runInProcess(spark, reference, SECOND_RUN, KEEP_SNAPSHOTS);
        } finally {
            trace = FaultPointFileSystem.endTrace(spark.sparkContext().hadoopConfiguration());
        }
        long points = trace.isEmpty() ? 0 : trace.split("\n").length;
        List<Long> chosen = KillPoints.choose(trace, points, kills, seed);
        out.printf(Locale.ROOT, "etl kill campaign: %d kills, seed %d; an uninterrupted run (%.0f s) makes %d file operations "
                + "(fault points); previous snapshot %s, uninterrupted result %s%n", chosen.size(), seed,
                (System.nanoTime() - started) / 1e9, points, previous, current(reference));

        List<Kill> results = new ArrayList<>();
        for (int k = 0; k < chosen.size(); k++) {
            Path data = copy(base, work.resolve("kill-" + (k + 1)));
            long killStarted = System.nanoTime();
            EtlChild.Stop stop = EtlChild.killedAt(data, SECOND_RUN, work.resolve("kill-" + (k + 1) + ".log"), chosen.get(k));
            long killed = System.nanoTime();
            Kill kill = check(spark, data, reference, previous, chosen.get(k), stop);
            results.add(kill);
            out.printf(Locale.ROOT, "kill %2d/%d at point %4d/%d (%s %s; %.0f s to the point, %.0f s to check and run again): "
                    + "CURRENT %s; the reader %s; the next run %s%n", k + 1, chosen.size(), kill.point(), points, kill.operation(),
                    shorten(kill.path(), data), (killed - killStarted) / 1e9, (System.nanoTime() - killed) / 1e9, kill.previousKept()
                            ? "still the previous snapshot" : "the new complete snapshot", kill.readerProblems().isEmpty()
                            ? "loaded it whole" : "FAILED " + kill.readerProblems(), kill.runProblems().isEmpty()
                            ? "equals the uninterrupted run" : "DIFFERS " + kill.runProblems());
            delete(data);
        }
        Result result = new Result(points, results);
        out.printf(Locale.ROOT, "result: %d SIGKILLs of the ETL, %d with problems%n", results.size(), result.failed());
        return result;
    }

    private static Kill check(SparkSession spark, Path data, Path reference, String previous, long point, EtlChild.Stop stop) {
        List<String> problems = new ArrayList<>();
        List<String> runProblems = new ArrayList<>();
        if (stop == null) {
            problems.add("the run ended before point " + point);
            stop = new EtlChild.Stop(point, "-", "-");
        }
        String current = current(data);
        boolean previousKept = current.equals(previous);
        if (!previousKept && !Files.exists(data.resolve("warehouse/snapshots").resolve(current).resolve("_SNAPSHOT.json"))) {
            problems.add("CURRENT names " + current + ", which has no _SNAPSHOT.json");
        }
        SnapshotReaderCheck.Seen seen = SnapshotReaderCheck.read(data.resolve("warehouse"));
        if (!seen.snapshot().equals(current)) {
            problems.add("the reader loaded " + seen.snapshot() + ", CURRENT names " + current);
        }
        problems.addAll(seen.problems());
        runInProcess(spark, data, SECOND_RUN, KEEP_SNAPSHOTS);
        runProblems.addAll(SnapshotComparison.differences(reference, data));
        return new Kill(stop.point(), stop.operation(), stop.path(), current, previousKept, problems, runProblems);
    }

    /**
     * Complete snapshots older than the published one (copies of it under earlier names), so that the runs here end by
     * pruning them: retention is then part of publishing, and the first operation after the switch is a kill point.
     */
    private static void olderSnapshots(Path data, String published, int count) throws IOException {
        Path snapshots = data.resolve("warehouse/snapshots");
        for (int i = 0; i < count; i++) {
            Path source = snapshots.resolve(published);
            Path target = snapshots.resolve("s-2000010100000000" + i);
            try (Stream<Path> files = Files.walk(source)) {
                for (Path file : files.toList()) {
                    Path copy = target.resolve(source.relativize(file).toString());
                    if (Files.isDirectory(file)) {
                        Files.createDirectories(copy);
                    } else {
                        Files.createLink(copy, file);
                    }
                }
            }
        }
    }

    static void runInProcess(SparkSession spark, Path data, Instant asOf, int keepSnapshots) {
        new EtlJob(spark, EtlConfig.forData(data.toString()).withAsOf(asOf).withShufflePartitions(4).withKeepSnapshots(keepSnapshots),
                new EtlProgress(new PrintStream(java.io.OutputStream.nullOutputStream()))).run();
    }

    static String current(Path data) {
        try {
            return Files.readString(data.resolve("warehouse/CURRENT")).trim();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String shorten(String path, Path data) {
        int at = path.indexOf(data.getFileName().toString() + "/");
        return at < 0 ? path : path.substring(at + data.getFileName().toString().length() + 1);
    }

    /** A copy of a data directory (hard links in the warehouse become copies: the copies are written independently). */
    static Path copy(Path from, Path to) {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path source : files.toList()) {
                Path target = to.resolve(from.relativize(source).toString());
                if (Files.isDirectory(source)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(source, target, StandardCopyOption.COPY_ATTRIBUTES);
                }
            }
            return to;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void delete(Path directory) {
        try (Stream<Path> files = Files.walk(directory)) {
            for (Path file : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(file);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
