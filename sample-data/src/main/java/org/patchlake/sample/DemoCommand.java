package org.patchlake.sample;

import java.net.URI;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Callable;
import org.patchlake.cli.CommandMain;
import org.patchlake.cli.Commands;
import org.patchlake.cli.HelpOption;
import org.patchlake.core.catalog.Catalog;
import org.patchlake.core.protocol.AgentSettings;
import org.patchlake.ingest.IngestConfig;
import org.patchlake.sample.fleet.FleetFiles;
import org.patchlake.sample.fleet.FleetGenerator;
import org.patchlake.sample.fleet.FleetMember;
import org.patchlake.sample.fleet.FleetSpec;
import org.patchlake.sample.fleet.FleetSummary;
import org.patchlake.sample.fleet.Organisation;
import org.patchlake.sample.simulate.FleetSimulator;
import org.patchlake.sample.simulate.Milestone;
import org.patchlake.sample.simulate.SimulationClock;
import org.patchlake.sample.simulate.SimulationConfig;
import org.patchlake.sample.simulate.SimulationSummary;
import org.patchlake.web.ServeCommand;
import org.patchlake.web.WebConfig;
import org.patchlake.web.WebServer;
import org.patchlake.web.enrollment.EnrollmentTokens;
import org.patchlake.web.jobs.Job;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code ./patchlake demo [--endpoints N] [--data DIR] [--port P] [--catalog generated|definitions.zip] [--start T]
 * [--days D] [--threads T]}: imports the catalog (once; later runs reuse it), generates a fleet, starts the server
 * on the demo's clock, runs the agents in fast-forward through the weeks around the catalog's last Patch Tuesday
 * (with a remediation wave after it), runs ETL as of the simulated end, and leaves the server running with its
 * clock going on from there.
 */
@Command(name = Commands.DEMO, description = Commands.DEMO_SUMMARY, sortOptions = false)
public final class DemoCommand implements Callable<Integer> {
    /** What the demo does once it has printed its figures. */
    enum Then { serve, exit }

    @Mixin
    HelpOption help;

    @Option(names = "--endpoints", paramLabel = "N", defaultValue = "2000", description = "Computers in the fleet. Default: ${DEFAULT-VALUE}.")
    int endpoints;

    @Option(names = "--data", paramLabel = "DIR", defaultValue = "demo-data", description = "Data directory. Default: ${DEFAULT-VALUE}.")
    Path data;

    @Option(names = "--port", paramLabel = "P", defaultValue = "7070", description = "The server's port. Default: ${DEFAULT-VALUE}.")
    int port;

    @Option(names = "--catalog", paramLabel = "SOURCE", description = "generated, or a wesng definitions.zip / CSV "
            + "(default: the real Microsoft data in sample-data/wesng/definitions.zip).")
    String catalogSource;

    @Option(names = "--start", paramLabel = "INSTANT", description = "Simulated start, a UTC time like 2026-06-01T00:00:00Z "
            + "(default: 10 days before the catalog's last Patch Tuesday).")
    Instant start;

    @Option(names = "--days", paramLabel = "D", description = "Simulated days (default 16).")
    Integer days;

    @Option(names = "--check-in-hours", paramLabel = "H", defaultValue = "12", description = "Agents check in this often. Default: ${DEFAULT-VALUE}.")
    int checkInHours;

    @Option(names = "--threads", paramLabel = "T", defaultValue = "" + DEFAULT_THREADS, description = "Agents ticked at once. Default: ${DEFAULT-VALUE}.")
    int threads;

    @Option(names = "--then", paramLabel = "WHAT", defaultValue = "serve",
            description = "serve (leave the server running) or exit. Default: ${DEFAULT-VALUE}.")
    Then then;

    /** Agents scan daily and check in every few hours; the server tells them so. */
    static final int SCAN_INTERVAL_MINUTES = 24 * 60;
    static final Duration ETL_INTERVAL = Duration.ofMinutes(5);
    /**
     * After the scripted days the clock runs on this many times faster than real time: one simulated hour per real
     * minute, so a day of agent work (check-ins, installs in their windows, restarts, the daily scan) passes in 24 minutes.
     */
    static final long RUN_ON_FACTOR = 60;
    /**
     * How often each agent checks in once the clock runs on (simulated time): every 2 simulated hours is every 2 real
     * minutes at {@link #RUN_ON_FACTOR}, so a policy created in the UI reaches every online agent within 2 minutes.
     */
    static final Duration RUN_ON_CHECK_IN = Duration.ofHours(2);
    /** The agents running on print a line this often (real time). */
    static final Duration RUN_ON_PROGRESS = Duration.ofMinutes(1);
    /** The longest the demo waits for its first scheduled mails. */
    static final Duration FIRST_MAILS = Duration.ofMinutes(5);
    /**
     * Agents ticked at once. More than the cores: an agent mostly waits for the server, whose answers wait for the
     * landing's and the registry's fsyncs; many agents at once share each fsync (group commit).
     */
    static final int DEFAULT_THREADS = 16;

    public DemoCommand() {
    }

    public static void main(String[] args) {
        // the server's threads keep serving once call() returns; a failed step ends the process (and frees the port)
        CommandMain.exitOnFailure(Commands.DEMO, new DemoCommand(), args);
    }

    @Override
    public Integer call() throws Exception {
        if (days != null && days < 1) {
            throw new IllegalArgumentException("--days must be at least 1 day but was " + days);
        }
        // The demo prints its own progress; per-request and per-agent lines would bury it (the server's
        // structured request log stays on for ./patchlake serve).
        System.setProperty("org.slf4j.simpleLogger.log.org.patchlake.web.WebApp", "warn");
        System.setProperty("org.slf4j.simpleLogger.log.org.patchlake.agent", "warn");
        System.setProperty("org.slf4j.simpleLogger.log.com.icegreen.greenmail", "warn");
        Path home = Path.of(System.getProperty("patchlake.home", ".")).toAbsolutePath().normalize();
        Path data = this.data.toAbsolutePath().normalize();
        Duration checkIn = Duration.ofHours(checkInHours);
        String catalogSource = this.catalogSource != null ? this.catalogSource : CatalogSource.defaultSource(home);
        DemoSteps steps = new DemoSteps(5);

        steps.begin("preparing " + data, "prepare");
        DemoDirectory.prepare(data, catalogSource);
        Process catalogImport = null;
        if (CatalogCache.holds(data, catalogSource)) {
            System.err.println("catalog: reusing the catalog imported by an earlier demo from " + catalogSource);
        } else {
            // niced: the import is needed only by the first ETL run, so it takes the CPU the demo leaves idle
            System.err.println("catalog: importing " + catalogSource + " in the background (once; later demos reuse it)");
            catalogImport = DemoEtl.start(List.of("nice", "-n", "10", home.resolve("patchlake").toString(), "catalog",
                "import", catalogSource, "--warehouse", data.resolve("warehouse").toString()),
                data.resolve("catalog-import.log"));
        }

        steps.begin("loading the catalog " + catalogSource, "catalog");
        Catalog catalog = CatalogSource.load(catalogSource);
        DemoScenario scenario = DemoScenario.around(catalog, start,
            days == null ? null : Duration.ofDays(days));
        System.err.printf("demo: simulating %s to %s%s%n", scenario.start(), scenario.end(), scenario.patchTuesday() == null
            ? " (no Patch Tuesday of the catalog in it)" : ", Patch Tuesday " + scenario.patchTuesday());

        steps.begin("generating a fleet of " + endpoints + " computers while the server starts on port " + port
            + " (on the demo's clock, at " + scenario.start() + ")", "fleet+server");
        SimulationClock clock = new SimulationClock(scenario.start());
        // scheduled reports go to an SMTP server of the demo's own, shown at /mail
        DemoMailServer mail = DemoMailServer.start(clock);
        System.err.println("mail: " + mail.describe());
        // ETL runs evaluate as of the server's (simulated) clock; a sign-in lasts 8 real hours once the clock runs on
        WebConfig config = WebConfig.defaults(data).withPort(port)
            .withEtl(DemoEtl.command(home, List.of("--daily-backfill-days", Long.toString(scenario.span().toDays() + 7))),
                Duration.ZERO)
            .withEtlAtServerTime(true)
            .withSessionLifetime(Duration.ofHours(8).multipliedBy(RUN_ON_FACTOR))
            .withMail(mail.mailConfig());
        // agents check in at every wake once it is due: the server asks for the shorter interval of the two phases, and the
        // simulator wakes them every --check-in-hours through the scripted days, every RUN_ON_CHECK_IN after them
        Duration askedCheckIn = checkIn.compareTo(RUN_ON_CHECK_IN) < 0 ? checkIn : RUN_ON_CHECK_IN;
        AgentSettings settings = new AgentSettings(SCAN_INTERVAL_MINUTES, (int) askedCheckIn.toMinutes(),
            AgentSettings.DEFAULTS.stalenessDays());
        long serverStarting = System.nanoTime();
        java.util.concurrent.atomic.AtomicReference<Thread> runningOn = new java.util.concurrent.atomic.AtomicReference<>();
        java.util.concurrent.atomic.AtomicInteger boundPort = new java.util.concurrent.atomic.AtomicInteger();
        CompletableFuture<WebServer> starting = CompletableFuture.supplyAsync(() -> {
            WebServer started = ServeCommand.assemble(config, clock, null, ingest -> demoIngest(ingest, settings), mail);
            Runtime.getRuntime().addShutdownHook(new Thread(() -> stop(runningOn, started, mail), "patchlake-demo-shutdown"));
            boundPort.set(started.start());
            System.err.printf("server: listening on port %d after %.1f s%n", boundPort.get(),
                (System.nanoTime() - serverStarting) / 1e9);
            return started;
        });
        FleetSpec spec = new FleetSpec(endpoints, 20261121L, scenario.start(), scenario.span(), Organisation.contoso());
        List<FleetMember> fleet = new java.util.ArrayList<>(endpoints);
        FleetGenerator generator = new FleetGenerator(catalog);
        FleetSummary summary = new FleetFiles().write(data.resolve("fleet"), generator, spec,
            count -> System.err.printf("fleet: %,d of %,d computers%n", count, endpoints), fleet::add);
        System.err.println("fleet: " + summary);
        WebServer server = starting.join();
        int boundTo = boundPort.get(); // --port 0 takes a free port: the agents and the printout use the one bound
        // bcrypt makes each sample user take a moment: they are created while the agents run (the wave needs one)
        CompletableFuture<List<DemoUsers.Created>> sampleUsers = CompletableFuture.supplyAsync(
            () -> DemoUsers.create(server.services(), new SecureRandom()));
        Map<String, String> tokens = new TreeMap<>();
        for (Organisation.Region region : Organisation.contoso().regions()) {
            for (Organisation.Site site : region.sites()) {
                EnrollmentTokens.CreatedToken token = server.services().tokens()
                    .create(region.name(), site.name(), null, "demo");
                tokens.put(site.name(), token.secret());
            }
        }

        steps.begin("running " + endpoints + " agents through " + scenario.span().toDays() + " simulated days", "simulate");
        SimulationConfig simulation = new SimulationConfig(URI.create("http://127.0.0.1:" + boundTo), tokens,
            data.resolve("agents"), scenario.start(), scenario.end(), checkIn, Duration.ofMinutes(10),
            threads);
        DemoEtl etl = new DemoEtl(home, data, server, catalogImport, catalogSource);
        Milestone.Action wave = () -> {
            // the administrator works from this morning's reports: the ETL run of the night before publishes them
            etl.runNow(clock.instant(), scenario.span());
            String bulletin = RemediationWave.worstBulletin(catalog, scenario.patchTuesday(), fleet).bulletinId();
            List<String> frozen = DemoExceptions.frozenComputers(catalog, bulletin, fleet, data.resolve("agents"));
            if (!frozen.isEmpty()) {
                DemoUsers.Created security = sampleUsers.join().stream()
                    .filter(user -> user.name().equals(DemoUsers.EXCEPTION_USER)).findFirst().orElseThrow();
                List<Long> granted = new RemediationWave(URI.create("http://127.0.0.1:" + boundTo), security.name(),
                    security.password()).grantExceptions(frozen, bulletin, DemoExceptions.REASON,
                    clock.instant().plus(DemoExceptions.FREEZE));
                System.err.printf("simulate: %s %s grants %d computers an exception for %s (%s)%n",
                    clock.instant(), security.name(), granted.size(), bulletin, DemoExceptions.REASON);
            }
            DemoUsers.Created admin = sampleUsers.join().stream().filter(user -> user.name().equals(DemoUsers.WAVE_USER)).findFirst()
                .orElseThrow();
            var created = new RemediationWave(URI.create("http://127.0.0.1:" + boundTo), admin.name(), admin.password())
                .remediate(bulletin, "demo-wave-" + scenario.patchTuesday());
            System.err.printf("simulate: %s remediation wave: %s remediates %s on %d computers (%s)%n", clock.instant(),
                admin.name(), bulletin, created.path("targets").asInt(), created.path("url").asText());
        };
        FleetSimulator simulator = new FleetSimulator(simulation, clock, fleet, generator.windowsUpdateOffers());
        SimulationSummary simulated = simulator.run(scenario.milestones(catalog, wave), System.err::println);
        steps.within("ETL before the wave", etl.seconds());
        System.err.printf("simulate: %,d agents, %,d scans, %,d inventories, %,d install attempts, %,d restarts%n",
            simulated.agents(), simulated.scans(), simulated.inventoriesQueued(), simulated.installAttempts(),
            simulated.restarts());
        System.err.println("simulate: " + simulated.costs());

        steps.begin("running ETL as of " + scenario.end() + ": landing -> warehouse snapshot", "etl");
        etl.awaitCatalog();
        Job job = server.services().etl().start("demo")
            .orElseThrow(() -> new IllegalStateException("an ETL run is already under way"));
        String shown = "";
        long deadline = System.nanoTime() + Duration.ofMinutes(30).toNanos();
        while (!job.finished() && System.nanoTime() < deadline) {
            server.services().jobs().await(job, Duration.ofSeconds(1));
            String progress = job.view().progress();
            if (progress != null && !progress.equals(shown)) {
                System.err.println("etl: " + progress);
                shown = progress;
            }
        }
        System.err.println("etl: " + job.state());
        if (job.state() != Job.State.SUCCEEDED) {
            System.err.println("etl: its output ends with:\n  " + String.join("\n  ", job.view().outputTail()));
        }
        // from here the clock runs on, faster than real time, and the server refreshes the warehouse on its schedule
        clock.runOnFromHere(RUN_ON_FACTOR);
        server.services().etl().schedule(ETL_INTERVAL);

        String mailed = "not sent (the ETL run failed: no snapshot to render)";
        if (job.state() == Job.State.SUCCEEDED) {
            awaitSnapshotServed(server, data.resolve("warehouse"));
            mailed = firstMails(URI.create("http://127.0.0.1:" + boundTo), sampleUsers.join(), mail);
        }
        if (then == Then.serve) {
            Thread agents = new Thread(() -> runOn(simulator), "demo-agents-running-on");
            runningOn.set(agents);
            agents.start();
        }

        String breakdown = steps.finish();
        DemoReport.print(boundTo, data, sampleUsers.join(), summary, simulated, breakdown, mailed,
            then == Then.serve ? RUN_ON_FACTOR : 0);
        // the demo's own check: every computer kept its OS and in-box products (a silent loss fails the demo)
        DemoSelfCheck.Result check = job.state() != Job.State.SUCCEEDED ? null
            : new DemoSelfCheck(catalog, generator).check(data.resolve("warehouse"), fleet,
                java.time.LocalDate.ofInstant(scenario.end(), java.time.ZoneOffset.UTC));
        System.out.println("  self-check: " + (check == null ? "not run (the ETL run failed)" : check.describe()));
        if (check == null || !check.passed()) {
            System.err.println("patchlake demo: SELF-CHECK FAILED: " + (check == null ? "the final ETL run failed" : check.describe()));
            return 1;
        }
        // CISA's known-exploited catalog was imported: the fleet must give the known-exploited views rows to show
        java.util.Optional<DemoSelfCheck.KnownExploited> exploited = DemoSelfCheck.knownExploited(data.resolve("warehouse"));
        System.out.println("  " + exploited.map(DemoSelfCheck.KnownExploited::describe)
            .orElse("known exploited: no KEV catalog in the snapshot"));
        if (exploited.isPresent() && exploited.get().missing()) {
            System.err.println("patchlake demo: SELF-CHECK FAILED: no computer is vulnerable to a known-exploited bulletin");
            return 1;
        }
        if (then == Then.exit) {
            // benchmarks and scripted checks: the figures above, then the server closes (shutdown hook)
            System.exit(0);
        }
        Thread.currentThread().join();
        return 0;
    }

    /**
     * Waits (at most a minute) until the server answers from the snapshot the last ETL run published: it loads a new
     * snapshot in the background, and the first mails should carry the final figures.
     */
    private static void awaitSnapshotServed(WebServer server, Path warehouse) throws Exception {
        // CURRENT names the snapshot's directory (possibly as a relative path); the snapshot's id is its last part
        String published = Path.of(java.nio.file.Files.readString(warehouse.resolve("CURRENT")).trim()).getFileName().toString();
        long deadline = System.nanoTime() + Duration.ofMinutes(1).toNanos();
        while (System.nanoTime() < deadline && !server.services().reports().snapshot()
            .map(snapshot -> snapshot.id().equals(published)).orElse(false)) {
            Thread.sleep(250);
        }
    }

    /** Seeds the demo's schedules, sends each once now and waits for the mails; returns what to print about them. */
    private static String firstMails(URI server, List<DemoUsers.Created> users, DemoMailServer mail) throws Exception {
        Map<String, String> passwords = new TreeMap<>();
        users.forEach(user -> passwords.put(user.name(), user.password()));
        List<Long> schedules = new DemoSchedules(server, passwords).createAndSendNow();
        System.err.println("mail: " + schedules.size() + " schedules created and sent now: " + schedules);
        java.util.Set<Long> missing = DemoSchedules.awaitMails(mail, schedules, FIRST_MAILS, System.err::println);
        int mails = mail.mails().size();
        return String.format("%d %s in the demo's SMTP server (127.0.0.1:%d) from %d schedules%s", mails, mails == 1 ? "mail" : "mails",
            mail.port(), schedules.size(), missing.isEmpty() ? "" : "; not yet sent: schedules " + missing + " (see their pages)");
    }

    /** The agents after the scripted days, until the demo stops. */
    private static void runOn(FleetSimulator simulator) {
        System.err.printf("agents: running on at %d x real time (one simulated hour per real minute), checking in every %d "
            + "simulated hours; a line every minute%n", RUN_ON_FACTOR, RUN_ON_CHECK_IN.toHours());
        try {
            simulator.runOn(RUN_ON_CHECK_IN, RUN_ON_PROGRESS, System.err::println);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            System.err.println("agents: stopped running on: " + e);
        }
    }

    /** Ctrl-C: the agents first (no request to a closing server), then the server, then the SMTP server. */
    private static void stop(java.util.concurrent.atomic.AtomicReference<Thread> runningOn, WebServer server, DemoMailServer mail) {
        Thread agents = runningOn.get();
        if (agents != null) {
            agents.interrupt();
            try {
                agents.join(10_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        server.close();
        mail.close();
        System.err.println("patchlake demo: stopped");
    }

    /** Ingest as the demo needs it: the agents' intervals, and landing files rolled daily, not every 5 minutes. */
    private static IngestConfig demoIngest(IngestConfig defaults, AgentSettings settings) {
        return new IngestConfig(defaults.dataDirectory(), defaults.port(), defaults.node(), defaults.maxBodyBytes(),
            defaults.maxDecompressedBytes(), defaults.clockSkew(), defaults.rollBytes(), Duration.ofDays(1),
            defaults.compressionLevel(), defaults.dedupWindow(), settings);
    }
}
