package org.patchlake.etl;

import org.patchlake.etl.spark.SparkSessions;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.condition.DisabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;

/**
 * A Spark standalone cluster on loopback (a master and two workers started from the Spark jars as child JVMs);
 * the ETL is submitted to it with --master spark://127.0.0.1:PORT, its classes shipped to the executors as a job
 * jar (spark.jars), and must publish the same tables as a local-mode run over the same input.
 */
@Timeout(value = 15, unit = TimeUnit.MINUTES)
@DisabledIfSystemProperty(named = "patchlake.cluster", matches = "false",
    disabledReason = "starts a standalone master, two workers and their executors; skipped with -Dpatchlake.cluster=false")
class EtlClusterTest {
  static SparkSession spark;
  @TempDir static Path temp;
  static final List<Process> cluster = new ArrayList<>();
  /** Master, workers, driver and executors run briefly over a small fleet: the client compiler and one GC thread
   * cost far less CPU than they lose. */
  static final List<String> SHORT_RUN_FLAGS = List.of("-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC");

  @BeforeAll
  static void start() {
    spark = SparkSessions.forTests("patchlake-etl-test");
  }

  @AfterAll
  static void stop() {
    cluster.forEach(Process::destroy);
    spark.stop();
  }

  @Test
  void a_standalone_cluster_publishes_the_same_tables_as_local_mode() throws Exception {
    Path local = temp.resolve("local");
    Path remote = temp.resolve("cluster");
    EtlFleetTest.writeFleet(spark, local);
    EtlFleetTest.writeFleet(spark, remote);
    new EtlRunner(spark, local).run(EtlFleetTest.AS_OF);

    int masterPort = freePort();
    int masterUi = freePort();
    Path sparkHome = fakeSparkHome();
    List<String> sparkClasspath = Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
        .filter(entry -> entry.endsWith(".jar")).toList();
    cluster.add(child("master", sparkHome, String.join(File.pathSeparator, sparkClasspath),
        "org.apache.spark.deploy.master.Master", "--host", "127.0.0.1", "--port", String.valueOf(masterPort),
        "--webui-port", String.valueOf(masterUi)));
    String masterUrl = "spark://127.0.0.1:" + masterPort;
    for (int worker = 1; worker <= 2; worker++) {
      cluster.add(child("worker" + worker, sparkHome, String.join(File.pathSeparator, sparkClasspath),
          "org.apache.spark.deploy.worker.Worker", "--host", "127.0.0.1", "--cores", "1", "--memory", "1g",
          "--webui-port", String.valueOf(freePort()), "--work-dir", temp.resolve("work" + worker).toString(),
          masterUrl));
    }
    awaitWorkers(masterUi, 2);

    Path jobJar = jobJar();
    // Executors get Spark's own jars through spark.executor.extraClassPath (a real cluster has them installed)
    // and the job's classes only through spark.jars (--jars), as with spark-submit and the shaded jar.
    Process job = child("etl-job", sparkHome, System.getProperty("java.class.path"),
        "-Dspark.executor.extraClassPath=" + String.join(File.pathSeparator, sparkClasspath),
        "-Dspark.executor.extraJavaOptions=" + String.join(" ", SHORT_RUN_FLAGS),
        "org.patchlake.etl.EtlCommand", "--data", remote.toString(), "--master", masterUrl,
        "--as-of", EtlFleetTest.AS_OF.toString(), "--partitions", "4", "--jars", jobJar.toUri().toString());
    assertThat(job.waitFor(10, TimeUnit.MINUTES)).as("job finished").isTrue();
    assertThat(job.exitValue()).as("job exit code, see " + temp.resolve("etl-job.log")).isZero();
    assertThat(Files.readString(temp.resolve("etl-job.log"))).contains("master " + masterUrl);

    EtlRunner localRun = new EtlRunner(spark, local);
    EtlRunner clusterRun = new EtlRunner(spark, remote);
    for (String table : List.of("computers", "update_state", "bulletin_state", "update_state_history",
        "compliance_daily", "deliveries", "scans", "exceptions", "computer_latest")) {
      assertThat(sorted(clusterRun, table)).as(table).isEqualTo(sorted(localRun, table)).isNotEmpty();
    }
    // The fleet has no bad lines: quarantine is empty in both.
    assertThat(sorted(clusterRun, "quarantine")).isEqualTo(sorted(localRun, "quarantine"));
  }

  private static List<String> sorted(EtlRunner run, String table) {
    return run.table(table).toJSON().collectAsList().stream().sorted().toList();
  }

  /** SPARK_HOME for the workers' executor launcher: a RELEASE file and an empty jars dir (classes come from
   * SPARK_CLASSPATH, the job's own classes from spark.jars). */
  private static Path fakeSparkHome() throws IOException {
    Path home = temp.resolve("spark-home");
    Files.createDirectories(home.resolve("jars"));
    Files.writeString(home.resolve("RELEASE"), "Spark test home\n");
    return home;
  }

  /** The job jar: etl and core classes only, as the shade plugin builds it for spark-submit. */
  private static Path jobJar() throws IOException {
    Path jar = temp.resolve("patchlake-etl-job.jar");
    List<Path> classDirs = Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
        .map(Path::of).filter(Files::isDirectory).filter(dir -> dir.endsWith("classes")).toList();
    try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar))) {
      List<String> seen = new ArrayList<>();
      for (Path dir : classDirs) {
        try (Stream<Path> files = Files.walk(dir)) {
          for (Path file : files.filter(Files::isRegularFile).toList()) {
            String name = dir.relativize(file).toString().replace(File.separatorChar, '/');
            if (seen.contains(name)) continue;
            seen.add(name);
            out.putNextEntry(new JarEntry(name));
            Files.copy(file, out);
            out.closeEntry();
          }
        }
      }
    }
    return jar;
  }

  private static Process child(String name, Path sparkHome, String classpath, String main, String... args)
      throws IOException {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-Xmx768m");
    command.addAll(SHORT_RUN_FLAGS);
    command.addAll(jvmFlags());
    command.add("-Dlog4j2.configurationFile=" + Path.of("src/main/resources/log4j2.properties").toAbsolutePath());
    command.add("-cp");
    command.add(classpath);
    List<String> rest = new ArrayList<>(List.of(main));
    rest.addAll(List.of(args));
    while (rest.get(0).startsWith("-D")) command.add(rest.remove(0));
    command.addAll(rest);
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
        .redirectOutput(temp.resolve(name + ".log").toFile());
    builder.environment().put("SPARK_HOME", sparkHome.toString());
    builder.environment().put("SPARK_SCALA_VERSION", "2.13");
    builder.environment().put("SPARK_CLASSPATH", classpath);
    builder.environment().put("SPARK_LOCAL_IP", "127.0.0.1");
    return builder.start();
  }

  /** The Spark JVM flags from the root pom's patchlake.jvm.flags, as the launcher reads them. */
  private static List<String> jvmFlags() throws IOException {
    String pom = Files.readString(Path.of("..", "pom.xml"));
    Matcher matcher = Pattern.compile("<patchlake.jvm.flags>(.*)</patchlake.jvm.flags>").matcher(pom);
    return matcher.find() ? List.of(matcher.group(1).trim().split("\\s+")) : List.of();
  }

  private static void awaitWorkers(int masterUi, int count) throws Exception {
    HttpClient http = HttpClient.newHttpClient();
    long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(4);
    Pattern alive = Pattern.compile("\"aliveworkers\"\\s*:\\s*(\\d+)");
    while (System.nanoTime() < deadline) {
      try {
        String body = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + masterUi + "/json/")).build(),
            HttpResponse.BodyHandlers.ofString()).body();
        Matcher matcher = alive.matcher(body);
        if (matcher.find() && Integer.parseInt(matcher.group(1)) >= count) return;
      } catch (IOException notYet) {
        // master still starting
      }
      Thread.sleep(1000);
    }
    throw new AssertionError("the standalone cluster did not get " + count + " workers; see " + temp);
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
