package org.patchlake.etl.faults;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code ./patchlake etl} in a child JVM on this JVM's class path and Spark flags, with the fault point file system,
 * paused at a numbered point and SIGKILLed there.
 */
final class EtlChild {
    private static final Pattern PAUSED = Pattern.compile("etl-fault-point-paused (\\d+) (\\S+) (\\S+)");

    private EtlChild() {
    }

    /** Where a run was stopped: the point's number, operation and path. */
    record Stop(long point, String operation, String path) {
    }

    /** Runs the ETL until fault point {@code point}, SIGKILLs it there; null when the run ended before reaching it. */
    static Stop killedAt(Path data, Instant asOf, Path log, long point) throws Exception {
        Process process = start(data, asOf, log, "-Dpatchlake.faults.pause-at=" + point);
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(15);
        try {
            while (System.nanoTime() < deadline) {
                Matcher paused = PAUSED.matcher(Files.readString(log));
                if (paused.find()) {
                    process.destroyForcibly();
                    process.waitFor(60, TimeUnit.SECONDS);
                    return new Stop(Long.parseLong(paused.group(1)), paused.group(2), paused.group(3));
                }
                if (!process.isAlive()) {
                    return null;
                }
                Thread.sleep(20);
            }
            throw new IllegalStateException("the ETL run neither reached point " + point + " nor ended; see " + log);
        } finally {
            process.destroyForcibly();
        }
    }

    private static Process start(Path data, Instant asOf, Path log, String faultFlag) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        // a short run of a small warehouse: the client compiler and one GC thread cost far less CPU than they lose
        command.addAll(List.of("-Xmx1g", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC"));
        for (String flag : ManagementFactory.getRuntimeMXBean().getInputArguments()) {
            if (flag.startsWith("--add-") || flag.startsWith("--enable-native-access") || flag.startsWith("-XX:+IgnoreUnrecognized")
                    || flag.startsWith("-Djdk.reflect") || flag.startsWith("-Dio.netty")) {
                command.add(flag);
            }
        }
        command.addAll(List.of("-Dspark.hadoop.fs.file.impl=" + FaultPointFileSystem.class.getName(),
                "-Dspark.hadoop.fs.file.impl.disable.cache=true", faultFlag, "-cp", System.getProperty("java.class.path"),
                "org.patchlake.etl.EtlCommand", "--data", data.toString(), "--as-of", asOf.toString(), "--master", "local[2]",
                "--partitions", "4", "--keep-snapshots", String.valueOf(EtlKillCampaign.KEEP_SNAPSHOTS)));
        try {
            Files.writeString(log, "");
            return new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the ETL over " + data, e);
        }
    }

    static String readLog(Path log) {
        try {
            return new String(Files.readAllBytes(log), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
