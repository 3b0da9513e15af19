package org.patchlake.sample.remediation;

import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs the real catalog import and ETL (Spark) in child JVMs on the test class path, the way the server starts
 * ETL runs: Spark never enters this JVM, which hosts the web server.
 */
public final class ChildJvm {
    private ChildJvm() {
    }

    /** {@code java <Spark's JVM flags> -cp <test class path> mainClass} (arguments appended by the caller). */
    public static List<String> command(String mainClass) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-Xmx1g");
        // short runs over small warehouses: the client compiler and one GC thread cost far less CPU than they lose
        command.addAll(List.of("-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC"));
        for (String flag : ManagementFactory.getRuntimeMXBean().getInputArguments()) {
            if (flag.startsWith("--add-") || flag.startsWith("--enable-native-access") || flag.startsWith("-XX:+IgnoreUnrecognized")
                    || flag.startsWith("-Djdk.reflect") || flag.startsWith("-Dio.netty")) {
                command.add(flag);
            }
        }
        command.add("-cp");
        command.add(System.getProperty("surefire.test.class.path", System.getProperty("java.class.path")));
        command.add(mainClass);
        return command;
    }

    public static void run(List<String> command, Path log) throws Exception {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        if (!process.waitFor(25, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            throw new AssertionError("timed out: " + command.get(command.size() - 1) + "; see " + log);
        }
        if (process.exitValue() != 0) {
            throw new AssertionError("exit " + process.exitValue() + " from " + String.join(" ", command.subList(command.size() - 3,
                    command.size())) + ":\n" + java.nio.file.Files.readString(log));
        }
    }
}
