package org.patchlake.sample;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.patchlake.core.catalog.Catalog;
import org.patchlake.sample.fleet.FleetFiles;
import org.patchlake.sample.fleet.FleetGenerator;
import org.patchlake.sample.fleet.FleetMember;
import org.patchlake.sample.fleet.FleetSpec;
import org.patchlake.sample.fleet.FleetSummary;
import org.patchlake.sample.fleet.Organisation;
import org.patchlake.sample.simulate.FleetSimulator;
import org.patchlake.sample.simulate.SimulationConfig;
import org.patchlake.sample.simulate.SimulationSummary;
import org.patchlake.web.ServeCommand;
import org.patchlake.web.WebConfig;
import org.patchlake.web.WebServer;
import org.patchlake.web.admin.EnrollmentTokens;
import org.patchlake.web.jobs.Job;

/**
 * {@code ./patchlake demo [--endpoints N] [--data DIR] [--port P] [--catalog generated|definitions.zip] [--days D]}:
 * imports the catalog, starts the server, creates sample users and enrollment tokens, generates a fleet, runs its
 * agents through the last D days in fast-forward, runs ETL, and leaves the server running.
 */
public final class DemoCommand {
    static final String USAGE = "usage: patchlake demo [--endpoints N (300)] [--data DIR (./demo-data)] [--port P (7070)] "
        + "[--catalog generated|PATH (the real Microsoft data in ../shared)] [--days D (7)] [--threads T (8)]";
    private static final String MARKER = ".patchlake-demo";

    private DemoCommand() {
    }

    public static void main(String[] args) throws Exception {
        // The demo prints its own progress; per-request and per-agent lines would bury it (the server's
        // structured request log stays on for ./patchlake serve).
        System.setProperty("org.slf4j.simpleLogger.log.org.patchlake.web.WebApp", "warn");
        System.setProperty("org.slf4j.simpleLogger.log.org.patchlake.agent", "warn");
        Flags flags;
        try {
            flags = Flags.parse(args, 0, Set.of("--endpoints", "--data", "--port", "--catalog", "--days", "--threads"));
        } catch (IllegalArgumentException e) {
            System.err.println("patchlake demo: " + e.getMessage());
            System.err.println(USAGE);
            System.exit(2);
            return;
        }
        Path home = Path.of(System.getProperty("patchlake.home", ".")).toAbsolutePath().normalize();
        Path data = Path.of(flags.get("--data", "demo-data")).toAbsolutePath().normalize();
        int endpoints = flags.integer("--endpoints", 300);
        int port = flags.integer("--port", 7070);
        Duration span = flags.days("--days", 7);
        String catalogSource = flags.get("--catalog", CatalogSource.defaultSource(home));
        Steps steps = new Steps(7);

        steps.begin("preparing " + data);
        prepare(data);

        steps.begin("importing the catalog from " + catalogSource);
        run(List.of(home.resolve("patchlake").toString(), "catalog", "import", catalogSource, "--warehouse",
            data.resolve("warehouse").toString()));

        steps.begin("starting the server on port " + port);
        WebConfig config = WebConfig.defaults(data).withPort(port)
            .withEtl(List.of(home.resolve("patchlake").toString(), "etl"), Duration.ofMinutes(5));
        WebServer server = ServeCommand.assemble(config, Clock.systemUTC());
        Runtime.getRuntime().addShutdownHook(new Thread(server::close, "patchlake-demo-shutdown"));
        server.start();
        List<DemoUsers.Created> users = DemoUsers.create(server.services(), new SecureRandom());
        Map<String, String> tokens = new TreeMap<>();
        for (Organisation.Region region : Organisation.contoso().regions()) {
            for (Organisation.Site site : region.sites()) {
                EnrollmentTokens.CreatedToken token = server.services().tokens()
                    .create(region.name(), site.name(), null, "demo");
                tokens.put(site.name(), token.secret());
            }
        }

        steps.begin("generating a fleet of " + endpoints + " computers");
        Instant now = Instant.now().truncatedTo(ChronoUnit.HOURS);
        Instant start = now.minus(span);
        Catalog catalog = CatalogSource.load(catalogSource);
        FleetSpec spec = new FleetSpec(endpoints, 20261121L, start, span, Organisation.contoso());
        FleetSummary summary = new FleetFiles().write(data.resolve("fleet"), new FleetGenerator(catalog), spec,
            count -> System.err.printf("fleet: %,d of %,d computers%n", count, endpoints));
        System.err.println("fleet: " + summary);
        List<FleetMember> fleet = new FleetFiles().readAll(data.resolve("fleet"));

        steps.begin("running " + endpoints + " agents through " + span.toDays() + " simulated days");
        SimulationConfig simulation = new SimulationConfig(URI.create("http://127.0.0.1:" + port), tokens,
            data.resolve("agents"), start, now, Duration.ofHours(1), flags.integer("--threads", 8));
        SimulationSummary simulated = new FleetSimulator(simulation, fleet).run(progress -> System.err.println(progress));
        System.err.printf("simulate: %,d agents, %,d scans, %,d install attempts, %,d messages sent in %d s%n",
            simulated.agents(), simulated.scans(), simulated.installAttempts(), simulated.messagesSent(),
            simulated.elapsed().toSeconds());

        steps.begin("running ETL: landing -> warehouse snapshot");
        Job job = server.services().etl().start("demo").orElseThrow(() -> new IllegalStateException("an ETL run is already under way"));
        server.services().jobs().await(job, Duration.ofMinutes(30));
        System.err.println("etl: " + job.state());

        steps.begin("ready");
        System.out.println();
        System.out.println("Patchlake demo is running at http://localhost:" + port + "  (Ctrl-C stops it)");
        System.out.println("Data: " + data + "   (ETL runs every 5 minutes)");
        System.out.println("Sign in as:");
        for (DemoUsers.Created user : users) {
            System.out.printf("  %-14s %-22s %-44s %s%n", user.name(), user.password(), user.roles(), user.scope());
        }
        Thread.currentThread().join();
    }

    /** A demo directory is ours to replace only if an earlier demo made it; anything else is left alone. */
    private static void prepare(Path data) throws IOException {
        if (Files.exists(data)) {
            if (!Files.exists(data.resolve(MARKER))) {
                throw new IllegalStateException(data + " exists and was not made by the demo: give another --data DIR");
            }
            try (var paths = Files.walk(data)) {
                for (Path path : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                    Files.delete(path);
                }
            }
        }
        Files.createDirectories(data);
        Files.writeString(data.resolve(MARKER), "made by ./patchlake demo at " + Instant.now() + "\n");
    }

    private static void run(List<String> command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(new ArrayList<>(command)).inheritIO().start();
        if (!process.waitFor(30, TimeUnit.MINUTES) || process.exitValue() != 0) {
            process.destroyForcibly();
            throw new IllegalStateException(String.join(" ", command) + " failed");
        }
    }

    /** "[3/7] starting the server" lines with the time each step took. */
    private static final class Steps {
        private final int total;
        private int current;
        private long started = System.nanoTime();
        private final long first = started;

        Steps(int total) {
            this.total = total;
        }

        void begin(String what) {
            long now = System.nanoTime();
            if (current > 0) {
                System.err.printf("      (%.1f s)%n", (now - started) / 1e9);
            }
            started = now;
            current++;
            System.err.printf("[%d/%d] %s   (%.0f s since start, %s)%n", current, total, what, (now - first) / 1e9,
                Instant.now().atOffset(ZoneOffset.UTC).toLocalTime().truncatedTo(ChronoUnit.SECONDS));
        }
    }
}
