package org.patchlake.bench.web;

import org.patchlake.cli.CommandMain;
import org.patchlake.cli.Commands;
import org.patchlake.cli.HelpOption;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * {@code ./patchlake bench web --warehouse DIR [--viewers 50] [--seconds 60] [--think-ms 3000] [--query-cache DIR]}: a
 * bounded loopback load tool. It starts the production server wiring on 127.0.0.1 over the warehouse DIR (a temporary data directory
 * with bench users: one security administrator, one regional manager per region), opens every page kind once per
 * user (the cold figures: first visit after a snapshot), then runs N virtual viewers for the given time, each signed
 * in as one of the users and browsing dashboard, reports, bulletin and computer drill-downs one page at a time, and
 * prints page-time percentiles per page kind.
 * {@code --url URL --user NAME --password P} measures a running server instead (every viewer signs in as that user).
 */
@Command(name = Commands.BENCH_WEB, description = Commands.BENCH_WEB_SUMMARY, sortOptions = false,
        footer = "Give --warehouse DIR, or --url with --user and --password (or PATCHLAKE_BENCH_PASSWORD).")
public final class WebBench implements java.util.concurrent.Callable<Integer> {
    @Mixin
    HelpOption help;

    @Option(names = "--warehouse", paramLabel = "DIR", description = "Start the server over this warehouse, with bench users.")
    Path warehouse;

    @Option(names = "--query-cache", paramLabel = "DIR", description = "The server's snapshot database cache.")
    Path queryCache;

    @Option(names = "--url", paramLabel = "URL", description = "Measure a running server instead.")
    String url;

    @Option(names = "--user", paramLabel = "NAME", description = "The user every viewer signs in as (with --url).")
    String user;

    @Option(names = "--password", paramLabel = "P", description = "Its password (or PATCHLAKE_BENCH_PASSWORD).")
    String password;

    @Option(names = "--viewers", paramLabel = "N", defaultValue = "50", description = "Concurrent viewers, 1..500. Default: ${DEFAULT-VALUE}.")
    int viewers;

    @Option(names = "--seconds", paramLabel = "S", defaultValue = "60", description = "Duration, 1..3600. Default: ${DEFAULT-VALUE}.")
    int seconds;

    @Option(names = "--think-ms", paramLabel = "MS", defaultValue = "3000", description = "Think time, 0..60000. Default: ${DEFAULT-VALUE}.")
    int thinkMillis;

    public static void main(String[] args) {
        CommandMain.exit("bench " + Commands.BENCH_WEB, new WebBench(), args);
    }

    @Override
    public Integer call() throws Exception {
        String password = this.password != null ? this.password : System.getenv("PATCHLAKE_BENCH_PASSWORD");
        bounded("--viewers", viewers, 1, 500);
        bounded("--seconds", seconds, 1, 3600);
        bounded("--think-ms", thinkMillis, 0, 60_000);
        if ((warehouse == null) == (url == null) || (url != null && (user == null || password == null))) {
            throw new IllegalArgumentException("give --warehouse DIR, or --url with --user and --password");
        }
        Duration think = Duration.ofMillis(thinkMillis);
        if (url != null) {
            run(url, List.of(new BenchServer.Account(user, password, "as given")), viewers, Duration.ofSeconds(seconds), think);
            return 0;
        }
        long started = System.nanoTime();
        try (BenchServer server = new BenchServer(warehouse, queryCache)) {
            System.out.printf(Locale.ROOT, "web bench: server over %s started in %.1f s; users: %s%n", warehouse,
                    (System.nanoTime() - started) / 1e9, server.accounts().stream().map(a -> a.name() + " (" + a.scope() + ")").toList());
            cold(server.url(), server.accounts());
            run(server.url(), server.accounts(), viewers, Duration.ofSeconds(seconds), think);
        }
        return 0;
    }

    /** Every page kind once per user, one at a time: what the first viewer after a new snapshot waits. */
    private static void cold(String base, List<BenchServer.Account> accounts) throws Exception {
        BenchFigures figures = new BenchFigures();
        long started = System.nanoTime();
        for (BenchServer.Account account : accounts) {
            new BenchViewer(base, account, figures, Duration.ZERO, 1).visitEveryPage();
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        System.out.printf(Locale.ROOT, "%nfirst visit of every page kind by each of %d users, one at a time (cold caches):%n", accounts.size());
        figures.print(System.out, seconds);
    }

    static void run(String base, List<BenchServer.Account> accounts, int viewers, Duration duration, Duration think) throws Exception {
        BenchFigures signIns = new BenchFigures();
        BenchFigures figures = new BenchFigures();
        ExecutorService pool = Executors.newFixedThreadPool(viewers);
        List<BenchViewer> all = new ArrayList<>();
        List<Callable<Void>> signingIn = new ArrayList<>();
        for (int v = 0; v < viewers; v++) {
            BenchViewer viewer = new BenchViewer(base, accounts.get(v % accounts.size()), figures, think, v);
            all.add(viewer);
            signingIn.add(() -> {
                long started = System.nanoTime();
                viewer.signIn();
                signIns.add("sign-in (all at once, bcrypt)", System.nanoTime() - started, 200);
                return null;
            });
        }
        int failed = 0;
        for (Future<Void> future : pool.invokeAll(signingIn)) {
            future.get();
        }
        System.out.printf(Locale.ROOT, "%n%d viewers signed in at the same time:%n", viewers);
        signIns.print(System.out, 1);
        long start = System.nanoTime();
        long deadline = start + duration.toNanos();
        List<Future<Void>> futures = new ArrayList<>();
        for (BenchViewer viewer : all) {
            futures.add(pool.submit(() -> viewer.browse(deadline)));
        }
        for (Future<Void> future : futures) {
            try {
                future.get();
            } catch (java.util.concurrent.ExecutionException e) {
                if (failed++ == 0) {
                    System.err.println("web bench: a viewer stopped: " + e.getCause());
                }
            }
        }
        pool.shutdown();
        double seconds = (System.nanoTime() - start) / 1e9;
        System.out.printf(Locale.ROOT, "%n%d concurrent viewers for %.0f s, think time %d ms (0.5-1.5x), %d users, %d viewers stopped early:%n",
                viewers, seconds, think.toMillis(), accounts.size(), failed);
        figures.print(System.out, seconds);
        System.out.println("target: p95 page time under 500 ms");
    }

    private static void bounded(String option, int value, int min, int max) {
        if (value < min || value > max) {
            throw new IllegalArgumentException(option + " must be " + min + ".." + max + ", was " + value);
        }
    }
}
