package org.patchlake.bench.web;

import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static java.util.Objects.requireNonNull;

/**
 * One virtual viewer: signs in, then until the deadline opens the dashboard or a report, follows a random
 * bulletin link on it (with a random state selection), then a random computer link on the bulletin page; waits
 * a think time between pages. One request at a time, like a person with one browser tab.
 */
final class BenchViewer {
    static final List<String> PAGES = List.of("/dashboard", "/reports/compliance-by-bulletin", "/reports/compliance-by-computer",
            "/reports/regional-compliance", "/reports/sla-attainment", "/reports/delivery-summary", "/reports/agent-health",
            "/reports/vulnerability-summary", "/reports/reboot-status", "/reports/exceptions");
    private static final List<String> STATES = List.of("vulnerable", "applicable", "installed");
    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");
    private static final Pattern BULLETIN = Pattern.compile("href=\"(/bulletins/[^\"?]+)");
    private static final Pattern COMPUTER = Pattern.compile("href=\"(/computers/[^\"?]+)");

    private final String base;
    private final BenchServer.Account account;
    private final BenchFigures figures;
    private long deadlineNanos;
    private final Duration think;
    private final Random random;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).cookieHandler(new CookieManager())
            .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(10)).build();

    BenchViewer(String base, BenchServer.Account account, BenchFigures figures, Duration think, long seed) {
        this.base = requireNonNull(base, "base is null");
        this.account = requireNonNull(account, "account is null");
        this.figures = requireNonNull(figures, "figures is null");
        this.think = requireNonNull(think, "think is null");
        this.random = new Random(seed);
    }

    /** Browses until the deadline (System.nanoTime); call {@link #signIn()} first. */
    Void browse(long deadline) throws Exception {
        deadlineNanos = deadline;
        int step = random.nextInt(PAGES.size());
        while (!expired()) {
            String page = PAGES.get(step++ % PAGES.size());
            String body = open(page, page);
            String bulletin = pick(BULLETIN, body);
            if (bulletin == null || !pause()) {
                continue;
            }
            String drill = open(bulletin + "?state=" + STATES.get(random.nextInt(STATES.size())), "/bulletins/{id}");
            String computer = pick(COMPUTER, drill);
            if (computer != null && pause()) {
                open(computer, "/computers/{id}");
            }
            pause();
        }
        return null;
    }

    /** Signs in and opens every page kind once, then the first bulletin and computer drill-downs found. */
    void visitEveryPage() throws Exception {
        signIn();
        String bulletin = null;
        for (String page : PAGES) {
            String body = open(page, page);
            bulletin = bulletin != null ? bulletin : pick(BULLETIN, body);
        }
        if (bulletin != null) {
            String computer = pick(COMPUTER, open(bulletin + "?state=applicable", "/bulletins/{id}"));
            if (computer != null) {
                open(computer, "/computers/{id}");
            }
        }
    }

    private boolean expired() {
        return System.nanoTime() >= deadlineNanos;
    }

    /** Thinks for 0.5 to 1.5 times the think time; false when the run is over. */
    private boolean pause() throws InterruptedException {
        if (!think.isZero()) {
            long millis = think.toMillis() / 2 + (long) (random.nextDouble() * think.toMillis());
            Thread.sleep(Math.max(0, Math.min(millis, (deadlineNanos - System.nanoTime()) / 1_000_000)));
        }
        return !expired();
    }

    private String pick(Pattern links, String body) {
        if (body == null) {
            return null;
        }
        List<String> found = new ArrayList<>();
        Matcher m = links.matcher(body);
        while (m.find() && found.size() < 200) {
            found.add(m.group(1));
        }
        return found.isEmpty() ? null : found.get(random.nextInt(found.size()));
    }

    void signIn() throws Exception {
        long start = System.nanoTime();
        String form = http.send(HttpRequest.newBuilder(URI.create(base + "/sign-in")).build(), HttpResponse.BodyHandlers.ofString()).body();
        Matcher m = CSRF.matcher(form);
        if (!m.find()) {
            throw new IllegalStateException("no sign-in form at " + base);
        }
        String body = "_csrf=" + enc(m.group(1)) + "&name=" + enc(account.name()) + "&password=" + enc(account.password());
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(base + "/sign-in"))
                .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
        figures.add("sign-in", System.nanoTime() - start, response.statusCode() == 302 ? 200 : response.statusCode());
        if (response.statusCode() != 302) {
            throw new IllegalStateException("sign-in of " + account.name() + " answered " + response.statusCode());
        }
    }

    private String open(String path, String kind) {
        long start = System.nanoTime();
        try {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(base + path)).header("Accept", "text/html")
                    .timeout(Duration.ofMinutes(2)).build(), HttpResponse.BodyHandlers.ofString());
            figures.add(kind, System.nanoTime() - start, response.statusCode());
            return response.statusCode() == 200 ? response.body() : null;
        } catch (Exception e) {
            figures.add(kind, System.nanoTime() - start, -1);
            return null;
        }
    }

    private static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
