package org.patchlake.bench.web;

import org.patchlake.bench.BenchData;
import org.patchlake.cli.CommandMain;
import org.patchlake.cli.Commands;
import org.patchlake.cli.HelpOption;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import com.fasterxml.jackson.databind.JsonNode;
import org.patchlake.core.protocol.AgentProtocol;
import org.patchlake.ingest.client.ProtocolClient;
import org.patchlake.ingest.client.SampleInventories;
import org.patchlake.ingest.http.ProtocolJson;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.CookieManager;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * {@code ./patchlake bench visibility}: how long an agent upload takes to show in the web API at a given fleet size,
 * measured through the real server. Starts {@code ./patchlake serve} (its own ETL on its own schedule) over a scratch
 * copy (hard links) of the ETL bench's warehouse of N computers, keeps signed agent inventories flowing at the design
 * rate (N/4 per hour: 50,000 an hour at 200,000), and every {@code --marker-every} enrolls a new computer and uploads
 * its inventory, then polls {@code /api/v1/computers/{id}} until the served snapshot has it. Per marker: upload to ETL
 * start, the ETL run, ETL end to the server serving the new snapshot, and the total.
 */
@Command(name = Commands.BENCH_VISIBILITY, description = Commands.BENCH_VISIBILITY_SUMMARY, sortOptions = false)
public final class VisibilityBench implements java.util.concurrent.Callable<Integer> {
    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");
    private static final Pattern SNAPSHOT = Pattern.compile("\"snapshot\":\"([^\"]+)\"");
    private static final String PASSWORD = "visibility bench password";

    private record Marker(int number, String computerId, long acknowledged, ServeProcess.EtlRun run, long served, long visible) {
    }

    @Mixin
    HelpOption help;

    @Option(names = "--endpoints", paramLabel = "N", defaultValue = "10000", description = "Fleet size (the ETL bench's warehouse of "
            + "this size: ./patchlake bench etl --sizes N). Default: ${DEFAULT-VALUE}.")
    int endpoints;

    @Option(names = "--minutes", paramLabel = "M", defaultValue = "10", description = "Duration. Default: ${DEFAULT-VALUE}.")
    double minutes;

    @Option(names = "--cache", paramLabel = "DIR", description = "The ETL bench's cache (default: patchlake-bench/etl in the "
            + "system temp directory).")
    Path cacheOption;

    @Option(names = "--scratch", paramLabel = "DIR", description = "Scratch copy of the warehouse (default: "
            + "patchlake-bench/visibility in the system temp directory).")
    Path scratchOption;

    @Option(names = "--marker-every", paramLabel = "S", defaultValue = "60s", description = "A marker computer every S seconds. "
            + "Default: ${DEFAULT-VALUE}.")
    String markerEveryOption;

    @Option(names = "--etl-interval", paramLabel = "DURATION", defaultValue = "5m", description = "The server's ETL schedule. Default: ${DEFAULT-VALUE}.")
    String interval;

    @Option(names = "--etl-min-gap", paramLabel = "DURATION", defaultValue = "30s", description = "Default: ${DEFAULT-VALUE}.")
    String minimumGap;

    @Option(names = "--agents", paramLabel = "N", defaultValue = "200", description = "Agents uploading. Default: ${DEFAULT-VALUE}.")
    int agents;

    @Option(names = "--warm-up", paramLabel = "true|false", defaultValue = "true", arity = "1",
            description = "One uncounted marker first. Default: ${DEFAULT-VALUE}.")
    boolean warmUp;

    public static void main(String[] args) {
        CommandMain.exit("bench " + Commands.BENCH_VISIBILITY, new VisibilityBench(), args);
    }

    @Override
    public Integer call() throws Exception {
        Path cache = cacheOption != null ? cacheOption : BenchData.cache("etl");
        Path scratch = scratchOption != null ? scratchOption : BenchData.cache("visibility");
        Duration markerEvery = Duration.ofSeconds(Long.parseLong(markerEveryOption.replaceAll("s$", "")));
        Path source = cache.resolve("runs").resolve("n-" + endpoints);
        if (!Files.isDirectory(source.resolve("warehouse")) || !Files.isDirectory(source.resolve("landing"))) {
            throw new IllegalArgumentException("no ETL bench warehouse for " + endpoints + " computers at " + source
                    + " (make it with: ./patchlake bench etl --sizes " + endpoints + ")");
        }
        String home = System.getProperty("patchlake.home", ".");
        String patchlake = Path.of(home, "patchlake").toString();
        double perHour = endpoints / 4.0;
        long deadline = System.nanoTime() + (long) (minutes * 60e9);
        System.out.printf(Locale.ROOT, "bench visibility: %,d computers, %.0f inventories/hour, ETL every %s (min gap %s), marker every %d s,"
                + " %.1f min, load %.1f%n", endpoints, perHour, interval, minimumGap, markerEvery.toSeconds(), minutes, load());

        Path data = scratch.resolve("data");
        prepare(source, scratch, data);
        run(patchlake, "tokens", List.of("serve", "--data", data.toString(), "--create-admin", "bench"), scratch);
        String token = run(patchlake, "tokens", List.of("tokens", "create", "--site", "Bench", "--region", "EMEA", "--data",
                data.toString()), scratch).lines().filter(l -> !l.startsWith("token ") && !l.startsWith("(") && !l.isBlank())
                .reduce((a, b) -> b).orElseThrow(() -> new IllegalStateException("tokens create printed no token"));
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        String base = "http://127.0.0.1:" + port;
        List<Marker> markers = new CopyOnWriteArrayList<>();
        AtomicLong uploads = new AtomicLong();
        AtomicLong failures = new AtomicLong();
        long started = System.nanoTime();
        try (ServeProcess serve = ServeProcess.start(List.of(patchlake, "serve", "--data", data.toString(), "--host", "127.0.0.1",
                "--port", Integer.toString(port), "--etl-interval", interval, "--etl-min-gap", minimumGap), scratch.resolve("serve.log"))) {
            Runtime.getRuntime().addShutdownHook(new Thread(serve::close, "visibility-stop-serve"));
            HttpClient web = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).cookieHandler(new CookieManager())
                    .connectTimeout(Duration.ofSeconds(5)).build();
            String firstSnapshot = awaitServing(web, base, serve, deadline);
            signIn(web, base);
            System.out.printf(Locale.ROOT, "bench visibility: server up and serving %s after %.0f s (load %.1f)%n", firstSnapshot,
                    seconds(System.nanoTime() - started), load());

            ProtocolJson json = new ProtocolJson();
            ProtocolClient client = new ProtocolClient(URI.create(base), Clock.systemUTC());
            List<ProtocolClient.Credentials> pool = new ArrayList<>();
            for (int i = 0; i < agents; i++) {
                pool.add(enroll(client, json, token, 900_000 + i));
            }
            List<Thread> uploaders = new ArrayList<>();
            int threads = 4;
            for (int t = 0; t < threads; t++) {
                int lane = t;
                Thread uploader = new Thread(() -> upload(client, json, pool, lane, threads, perHour / threads, deadline, uploads, failures),
                        "visibility-uploads-" + t);
                uploader.setDaemon(true);
                uploader.start();
                uploaders.add(uploader);
            }
            System.out.printf(Locale.ROOT, "bench visibility: %d agents enrolled, uploads flowing%n", agents);

            if (warmUp) {
                // the ETL bench's warehouse is dated when it was made: the first run catches up to today (with a
                // stale window crossed it evaluates every computer), which is not the steady state being measured
                long warm = System.nanoTime();
                while (System.nanoTime() - deadline < 0 && serve.alive()
                        && (serve.runs().isEmpty() || firstSnapshot.equals(servedSnapshot(web, base)))) {
                    Thread.sleep(2_000);
                }
                System.out.printf(Locale.ROOT, "bench visibility: warm-up (first ETL run to today and its snapshot served) took %.0f s:"
                        + " %s (load %.1f)%n", seconds(System.nanoTime() - warm), serve.runs(), load());
            }
            int number = 0;
            long nextMarker = System.nanoTime();
            // markers stop when 40 % of the remaining time is left, so the last ones can still become visible
            long lastMarker = System.nanoTime() + (long) ((deadline - System.nanoTime()) * 0.6);
            List<Thread> pollers = new ArrayList<>();
            while (System.nanoTime() - deadline < 0 && serve.alive()) {
                if (System.nanoTime() - nextMarker >= 0 && System.nanoTime() - lastMarker < 0) {
                    int n = ++number;
                    ProtocolClient.Credentials marker = enroll(client, json, token, 950_000 + n);
                    postInventory(client, json, marker, 950_000 + n);
                    long acknowledged = System.nanoTime();
                    System.out.printf(Locale.ROOT, "bench visibility: marker %d = %s uploaded at +%.0f s (uploads so far %,d, load %.1f)%n",
                            n, marker.computerId(), seconds(acknowledged - started), uploads.get(), load());
                    Thread poller = new Thread(() -> follow(web, base, serve, n, marker.computerId(), acknowledged, deadline, markers),
                            "visibility-marker-" + n);
                    poller.setDaemon(true);
                    poller.start();
                    pollers.add(poller);
                    nextMarker += markerEvery.toNanos();
                }
                Thread.sleep(250);
            }
            for (Thread poller : pollers) {
                poller.join(5_000);
            }
            for (Thread uploader : uploaders) {
                uploader.interrupt();
            }
            report(markers, number, serve.runs(), uploads.get(), failures.get(), seconds(System.nanoTime() - started));
        }
        return 0;
    }

    /** Hard-linked copy of the ETL bench's landing and warehouse; files other than Parquet and landing data are real copies. */
    private static void prepare(Path source, Path scratch, Path data) throws IOException, InterruptedException {
        if (Files.exists(scratch)) {
            exec(List.of("rm", "-rf", scratch.toString()), null);
        }
        Files.createDirectories(data);
        exec(List.of("cp", "-al", source.resolve("landing").toString(), source.resolve("warehouse").toString(), data.toString()), null);
        try (Stream<Path> files = Files.walk(data)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                String name = file.getFileName().toString();
                if (!name.endsWith(".parquet") && !name.endsWith(".jsonl.gz")) {   // written in place by ETL or readers: unlink
                    Path copy = file.resolveSibling(name + ".copy");
                    Files.copy(file, copy);
                    Files.move(copy, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
    }

    private static String run(String patchlake, String what, List<String> arguments, Path scratch) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(patchlake);
        command.addAll(arguments);
        return exec(command, scratch);
    }

    private static String exec(List<String> command, Path scratch) throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().put("PATCHLAKE_ADMIN_PASSWORD", PASSWORD);
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (process.waitFor() != 0) {
            throw new IllegalStateException(String.join(" ", command) + " failed: " + output);
        }
        return output;
    }

    private static String awaitServing(HttpClient web, String base, ServeProcess serve, long deadline) throws InterruptedException {
        while (System.nanoTime() - deadline < 0) {
            if (!serve.alive()) {
                throw new IllegalStateException("serve exited at start (see serve.log)");
            }
            String snapshot = servedSnapshot(web, base);
            if (snapshot != null) {
                return snapshot;
            }
            Thread.sleep(1_000);
        }
        throw new IllegalStateException("the server did not serve a snapshot within the bench's time");
    }

    private static String servedSnapshot(HttpClient web, String base) {
        try {
            HttpResponse<String> health = web.send(HttpRequest.newBuilder(URI.create(base + "/health")).timeout(Duration.ofSeconds(10)).build(),
                    HttpResponse.BodyHandlers.ofString());
            Matcher m = SNAPSHOT.matcher(health.body());
            return health.statusCode() == 200 && m.find() ? m.group(1) : null;
        } catch (IOException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    private static void signIn(HttpClient web, String base) throws Exception {
        String form = web.send(HttpRequest.newBuilder(URI.create(base + "/sign-in")).build(), HttpResponse.BodyHandlers.ofString()).body();
        Matcher m = CSRF.matcher(form);
        if (!m.find()) {
            throw new IllegalStateException("no sign-in form at " + base);
        }
        String body = "_csrf=" + URLEncoder.encode(m.group(1), StandardCharsets.UTF_8) + "&name=bench&password="
                + URLEncoder.encode(PASSWORD, StandardCharsets.UTF_8);
        HttpResponse<String> response = web.send(HttpRequest.newBuilder(URI.create(base + "/sign-in"))
                .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 302) {
            throw new IllegalStateException("sign-in answered " + response.statusCode());
        }
    }

    private static ProtocolClient.Credentials enroll(ProtocolClient client, ProtocolJson json, String token, int index) throws IOException {
        HttpResponse<String> response = client.enroll(json.write(new SampleInventories(index).enrollment(token, index)));
        if (response.statusCode() != 200) {
            throw new IllegalStateException("enroll failed: " + response.statusCode() + " " + response.body());
        }
        JsonNode body = json.mapper().readTree(response.body());
        return new ProtocolClient.Credentials(body.get("computerId").asText(), body.get("agentSecret").asText());
    }

    private static boolean postInventory(ProtocolClient client, ProtocolJson json, ProtocolClient.Credentials agent, int index) {
        String messageId = "bench-" + UUID.randomUUID();
        byte[] inventory = json.write(new SampleInventories(index).inventory(messageId, agent.computerId(), index, 40, Instant.now()));
        HttpResponse<String> response = client.post(AgentProtocol.INVENTORY_PATH, agent, messageId, inventory, true);
        if (response.statusCode() != 200) {
            System.out.println("bench visibility: inventory of " + agent.computerId() + " answered " + response.statusCode() + " "
                    + response.body());
            return false;
        }
        return true;
    }

    /** Uploads inventories of the pool's agents (those of this lane) at {@code perHour}, until the deadline. */
    private static void upload(ProtocolClient client, ProtocolJson json, List<ProtocolClient.Credentials> pool, int lane, int lanes,
                               double perHour, long deadline, AtomicLong uploads, AtomicLong failures) {
        long every = (long) (3600e9 / perHour);
        long next = System.nanoTime();
        int i = lane;
        while (System.nanoTime() - deadline < 0 && !Thread.currentThread().isInterrupted()) {
            try {
                long wait = next - System.nanoTime();
                if (wait > 0) {
                    Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
                }
                next += every;
                if (postInventory(client, json, pool.get(i % pool.size()), 900_000 + i % pool.size())) {
                    uploads.incrementAndGet();
                } else {
                    failures.incrementAndGet();
                }
                i += lanes;
            } catch (InterruptedException e) {
                return;
            } catch (RuntimeException e) {
                failures.incrementAndGet();
            }
        }
    }

    /** Polls the served snapshot and the marker's computer until the web API shows it (or the bench ends). */
    private static void follow(HttpClient web, String base, ServeProcess serve, int number, String computerId, long acknowledged,
                               long deadline, List<Marker> markers) {
        String beforeRunEnd = servedSnapshot(web, base);
        long served = 0;
        while (System.nanoTime() - deadline < 0) {
            try {
                long polled = System.nanoTime();
                String now = servedSnapshot(web, base);
                ServeProcess.EtlRun run = serve.runStartedAfter(acknowledged);
                if (run == null || run.end() == 0 || polled - run.end() < 0) {
                    beforeRunEnd = now;   // the snapshot served before the marker's run published
                } else if (served == 0 && now != null && !now.equals(beforeRunEnd)) {
                    served = System.nanoTime();
                }
                HttpResponse<String> page = web.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/computers/" + computerId))
                        .timeout(Duration.ofSeconds(60)).build(), HttpResponse.BodyHandlers.ofString());
                if (page.statusCode() == 200 && page.body().contains(computerId)) {
                    long visible = System.nanoTime();
                    Marker marker = new Marker(number, computerId, acknowledged, serve.runStartedAfter(acknowledged),
                            served == 0 ? visible : served, visible);
                    markers.add(marker);
                    System.out.printf(Locale.ROOT, "bench visibility: marker %d visible after %.0f s (%s; load %.1f)%n", number,
                            seconds(visible - acknowledged), parts(marker), load());
                    return;
                }
                Thread.sleep(1_000);
            } catch (IOException e) {
                sleepQuietly();
            } catch (InterruptedException e) {
                return;
            }
        }
        System.out.printf(Locale.ROOT, "bench visibility: marker %d not visible within the bench's time (%.0f s after its upload)%n",
                number, seconds(System.nanoTime() - acknowledged));
    }

    private static String parts(Marker marker) {
        ServeProcess.EtlRun run = marker.run();
        if (run == null || run.end() == 0) {
            return "ETL run not seen";
        }
        return String.format(Locale.ROOT, "upload->ETL start %.0f s, ETL run %.0f s, ETL end->snapshot served %.0f s",
                seconds(run.start() - marker.acknowledged()), seconds(run.end() - run.start()), seconds(marker.served() - run.end()));
    }

    private static void report(List<Marker> markers, int uploaded, List<ServeProcess.EtlRun> runs, long uploads, long failures,
                               double elapsed) {
        System.out.printf(Locale.ROOT, "%nbench visibility: %d markers uploaded, %d visible; %,d inventories uploaded (%,d failed) in %.0f s;"
                + " load %.1f%n", uploaded, markers.size(), uploads, failures, elapsed, load());
        System.out.println("ETL runs: " + runs.stream().map(r -> String.format(Locale.ROOT, "%.0f s %s", seconds(r.end() - r.start()),
                r.outcome())).toList());
        System.out.println("marker  upload->ETL start  ETL run  ETL end->served  total (s)");
        List<double[]> rows = new ArrayList<>();
        for (Marker marker : markers.stream().sorted(java.util.Comparator.comparingInt(Marker::number)).toList()) {
            ServeProcess.EtlRun run = marker.run();
            double[] row = run == null || run.end() == 0
                    ? new double[] {Double.NaN, Double.NaN, Double.NaN, seconds(marker.visible() - marker.acknowledged())}
                    : new double[] {seconds(run.start() - marker.acknowledged()), seconds(run.end() - run.start()),
                            seconds(marker.served() - run.end()), seconds(marker.visible() - marker.acknowledged())};
            rows.add(row);
            System.out.printf(Locale.ROOT, "%6d  %17.0f  %7.0f  %15.0f  %9.0f%n", marker.number(), row[0], row[1], row[2], row[3]);
        }
        if (!rows.isEmpty()) {
            System.out.printf(Locale.ROOT, "p50     %17.0f  %7.0f  %15.0f  %9.0f%n", median(rows, 0), median(rows, 1), median(rows, 2), median(rows, 3));
            System.out.printf(Locale.ROOT, "max     %17.0f  %7.0f  %15.0f  %9.0f%n", max(rows, 0), max(rows, 1), max(rows, 2), max(rows, 3));
        }
    }

    private static double median(List<double[]> rows, int column) {
        double[] values = rows.stream().mapToDouble(r -> r[column]).filter(v -> !Double.isNaN(v)).sorted().toArray();
        return values.length == 0 ? Double.NaN : values[(values.length - 1) / 2];
    }

    private static double max(List<double[]> rows, int column) {
        return rows.stream().mapToDouble(r -> r[column]).filter(v -> !Double.isNaN(v)).max().orElse(Double.NaN);
    }

    private static double seconds(long nanos) {
        return nanos / 1e9;
    }

    private static double load() {
        return ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    }

    private static void sleepQuietly() {
        try {
            Thread.sleep(1_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
