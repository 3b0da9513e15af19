package org.patchlake.web.bench;

import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code ./patchlake bench web --url http://127.0.0.1:7070 --user NAME --password P [--viewers 50] [--seconds 60]}:
 * a bounded loopback load tool. Each viewer signs in once, then browses pages in a loop (dashboard, reports,
 * a bulletin and a computer drill-down) one request at a time; prints page-time percentiles per page kind and
 * overall. Run it against a server over a warehouse of the size you want to measure.
 */
public final class WebBench {
    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");
    private static final Pattern BULLETIN = Pattern.compile("href=\"(/bulletins/[^\"?]+)");
    private static final Pattern COMPUTER = Pattern.compile("href=\"(/computers/[^\"?]+)");
    private static final List<String> PAGES = List.of("/dashboard", "/reports/compliance-by-bulletin", "/reports/compliance-by-computer",
            "/reports/regional-compliance", "/reports/sla-attainment", "/reports/delivery-summary", "/reports/agent-health",
            "/reports/vulnerability-summary");

    private record Sample(String page, long nanos, int status) {
    }

    private WebBench() {
    }

    public static void main(String[] args) throws Exception {
        String url = "http://127.0.0.1:7070";
        String user = null;
        String password = System.getenv("PATCHLAKE_BENCH_PASSWORD");
        int viewers = 50;
        int seconds = 60;
        for (int i = 0; i + 1 < args.length; i += 2) {
            switch (args[i]) {
                case "--url" -> url = args[i + 1];
                case "--user" -> user = args[i + 1];
                case "--password" -> password = args[i + 1];
                case "--viewers" -> viewers = Math.min(500, Integer.parseInt(args[i + 1]));
                case "--seconds" -> seconds = Math.min(3600, Integer.parseInt(args[i + 1]));
                default -> throw new IllegalArgumentException("unknown argument " + args[i]);
            }
        }
        if (user == null || password == null) {
            System.err.println("usage: ./patchlake bench web --url URL --user NAME --password P (or PATCHLAKE_BENCH_PASSWORD) "
                    + "[--viewers 50] [--seconds 60]");
            System.exit(2);
        }
        run(url, user, password, viewers, Duration.ofSeconds(seconds));
    }

    static void run(String base, String user, String password, int viewers, Duration duration) throws Exception {
        List<Sample> samples = Collections.synchronizedList(new ArrayList<>());
        AtomicLong errors = new AtomicLong();
        long end = System.nanoTime() + duration.toNanos();
        ExecutorService pool = Executors.newFixedThreadPool(viewers);
        List<Future<?>> futures = new ArrayList<>();
        for (int v = 0; v < viewers; v++) {
            int viewer = v;
            futures.add(pool.submit(() -> {
                HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).cookieHandler(new CookieManager())
                        .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(10)).build();
                signIn(http, base, user, password);
                int step = viewer;
                while (System.nanoTime() < end) {
                    String page = PAGES.get(step++ % PAGES.size());
                    String body = timed(http, base, page, page, samples, errors);
                    Matcher bulletin = BULLETIN.matcher(body == null ? "" : body);
                    if (bulletin.find() && System.nanoTime() < end) {
                        String drill = timed(http, base, bulletin.group(1) + "?state=applicable", "/bulletins/{id}", samples, errors);
                        Matcher computer = COMPUTER.matcher(drill == null ? "" : drill);
                        if (computer.find() && System.nanoTime() < end) {
                            timed(http, base, computer.group(1), "/computers/{id}", samples, errors);
                        }
                    }
                }
                return null;
            }));
        }
        for (Future<?> future : futures) {
            future.get();
        }
        pool.shutdown();
        report(samples, errors.get(), viewers, duration);
    }

    private static void signIn(HttpClient http, String base, String user, String password) throws Exception {
        String form = http.send(HttpRequest.newBuilder(URI.create(base + "/sign-in")).build(), HttpResponse.BodyHandlers.ofString()).body();
        Matcher m = CSRF.matcher(form);
        if (!m.find()) {
            throw new IllegalStateException("no sign-in form at " + base);
        }
        String body = "_csrf=" + enc(m.group(1)) + "&name=" + enc(user) + "&password=" + enc(password);
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(base + "/sign-in"))
                .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 302) {
            throw new IllegalStateException("sign-in of " + user + " answered " + response.statusCode());
        }
    }

    private static String timed(HttpClient http, String base, String path, String kind, List<Sample> samples, AtomicLong errors) {
        long start = System.nanoTime();
        try {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(base + path)).header("Accept", "text/html").build(),
                    HttpResponse.BodyHandlers.ofString());
            samples.add(new Sample(kind, System.nanoTime() - start, response.statusCode()));
            if (response.statusCode() != 200) {
                errors.incrementAndGet();
            }
            return response.body();
        } catch (Exception e) {
            errors.incrementAndGet();
            return null;
        }
    }

    private static void report(List<Sample> samples, long errors, int viewers, Duration duration) {
        System.out.printf(Locale.ROOT, "web bench: %d viewers, %d s, %d pages (%.1f pages/s), %d errors (non-200 or failed)%n",
                viewers, duration.toSeconds(), samples.size(), samples.size() / (double) duration.toSeconds(), errors);
        List<String> kinds = new ArrayList<>(samples.stream().map(Sample::page).distinct().sorted().toList());
        kinds.add("ALL");
        System.out.printf(Locale.ROOT, "%-36s %7s %8s %8s %8s %8s%n", "page", "count", "p50 ms", "p95 ms", "p99 ms", "max ms");
        for (String kind : kinds) {
            long[] nanos = samples.stream().filter(s -> kind.equals("ALL") || s.page().equals(kind)).mapToLong(Sample::nanos).sorted().toArray();
            if (nanos.length == 0) {
                continue;
            }
            System.out.printf(Locale.ROOT, "%-36s %7d %8.1f %8.1f %8.1f %8.1f%n", kind, nanos.length, percentile(nanos, 50),
                    percentile(nanos, 95), percentile(nanos, 99), nanos[nanos.length - 1] / 1e6);
        }
    }

    private static double percentile(long[] sorted, double p) {
        int index = (int) Math.ceil(p / 100 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))] / 1e6;
    }

    private static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
