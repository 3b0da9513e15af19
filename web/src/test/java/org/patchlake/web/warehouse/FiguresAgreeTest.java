package org.patchlake.web.warehouse;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.patchlake.reports.query.QueryLayer;
import org.patchlake.web.jobs.Job;
import org.patchlake.web.support.TestClient;
import org.patchlake.web.support.TestServer;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One figure, one value: every figure that more than one surface shows (dashboard page, report page, JSON API, PDF
 * text, XLSX cells) is read from each surface of a real server over the fixture warehouse and compared, for the
 * viewer of every region and for a regional manager. Each figure is a pair of counts (what the percentage is made of),
 * so a surface that rounds differently still agrees, and one that counts other rows does not.
 */
class FiguresAgreeTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern RATIO = Pattern.compile("\\((\\d[\\d,]*) / (\\d[\\d,]*)\\)");
    @TempDir
    static Path data;
    static FixtureServer fixture;
    static TestServer server;
    static QueryLayer queries;

    @BeforeAll
    static void start() throws Exception {
        fixture = FixtureServer.start(data, null);
        server = fixture.server();
        queries = fixture.queries();
    }

    @AfterAll
    static void stop() {
        fixture.close();
    }

    /** A figure as counts: numerator / denominator. */
    record Pair(long numerator, long denominator) {
        @Override
        public String toString() {
            return numerator + " / " + denominator;
        }
    }

    @Test
    void sla_attainment_is_the_same_on_the_dashboard_the_pages_the_api_and_the_pdf_exports() throws Exception {
        for (String user : List.of("sec", "rm-eu")) {
            TestClient client = server.signedIn(user);
            JsonNode dashboard = json(client, "/api/v1/dashboard").path("sla");
            Pair expected = new Pair(dashboard.path("met").asLong(), dashboard.path("met").asLong() + dashboard.path("missed").asLong());
            assertThat(expected.denominator()).as("%s: the fixture decides some SLA phases", user).isPositive();
            String definition = dashboard.path("definition").asText();
            assertThat(definition).as(user).startsWith("bulletins released 2026-08-23 to 2026-11-20 · policies: ");

            Map<String, Pair> surfaces = new java.util.LinkedHashMap<>();
            surfaces.put("dashboard API", new Pair(dashboard.path("attainment").path("numerator").asLong(),
                    dashboard.path("attainment").path("denominator").asLong()));
            String dashboardPage = client.getHtml("/dashboard").body();
            surfaces.put("dashboard page", ratioAfter(dashboardPage, "SLA phase attainment"));
            assertThat(dashboardPage).as("%s: the definition next to the number", user).contains(definition);
            for (String report : List.of("sla-attainment", "executive-summary")) {
                surfaces.put(report + " API", figure(json(client, "/api/v1/reports/" + report), "SLA phases met / decided (" + definition + ")"));
                surfaces.put(report + " page", ratioAfter(client.getHtml("/reports/" + report).body(), "SLA phases met / decided"));
            }
            String executivePdf = pdfText(export(client, "executive-summary", "pdf"));
            surfaces.put("executive-summary PDF", kpi(executivePdf, "SLA phases met (past deadline)"));
            assertThat(executivePdf.replaceAll("\\s+", " ")).as(user).contains(definition);
            String slaPdf = pdfText(export(client, "sla-attainment", "pdf"));
            assertThat(slaPdf.replaceAll("\\s+", " ")).as(user).contains(definition);
            surfaces.put("sla-attainment PDF (met, missed columns summed)", metOverDecided(slaPdf));

            assertThat(surfaces).as("%s: SLA phases met / decided on every surface", user)
                    .allSatisfy((surface, value) -> assertThat(value).as(surface).isEqualTo(expected));
        }
    }

    @Test
    void compliance_and_vulnerable_counts_are_the_same_on_the_dashboard_the_pages_the_api_the_pdf_and_the_xlsx() throws Exception {
        for (String user : List.of("sec", "rm-eu")) {
            TestClient client = server.signedIn(user);
            JsonNode counts = json(client, "/api/v1/dashboard").path("compliance");
            long applicable = counts.path("applicable").asLong();
            long measured = applicable - counts.path("exempt").asLong() - counts.path("unknown").asLong();
            Pair expected = new Pair(counts.path("installed").asLong(), measured);
            long vulnerable = counts.path("pendingReboot").asLong() + counts.path("required").asLong() + counts.path("failed").asLong();
            assertThat(measured).as(user).isPositive();

            Map<String, Pair> compliance = new java.util.LinkedHashMap<>();
            compliance.put("dashboard page", ratioAfter(client.getHtml("/dashboard").body(), "overall-compliance"));
            for (String report : List.of("executive-summary", "compliance-by-bulletin")) {
                JsonNode result = json(client, "/api/v1/reports/" + report);
                compliance.put(report + " API", figure(result, "Compliance"));
                assertThat(count(result, "Vulnerable")).as("%s %s vulnerable", user, report).isEqualTo(vulnerable);
                compliance.put(report + " page", ratioAfter(client.getHtml("/reports/" + report).body(), ">Compliance<"));
            }
            String pdf = pdfText(export(client, "executive-summary", "pdf"));
            Matcher installed = Pattern.compile("compliance: ([\\d,]+) installed of ([\\d,]+)").matcher(pdf);
            assertThat(installed.find()).as("%s executive PDF: %s", user, pdf).isTrue();
            compliance.put("executive-summary PDF", new Pair(number(installed.group(1)), number(installed.group(2))));
            String xlsx = xlsxText(export(client, "executive-summary", "xlsx"));
            Matcher cells = Pattern.compile("compliance: ([\\d,]+) installed of ([\\d,]+)").matcher(xlsx);
            assertThat(cells.find()).as("%s executive XLSX", user).isTrue();
            compliance.put("executive-summary XLSX", new Pair(number(cells.group(1)), number(cells.group(2))));

            assertThat(compliance).as("%s: compliance on every surface", user)
                    .allSatisfy((surface, value) -> assertThat(value).as(surface).isEqualTo(expected));
        }
    }

    @Test
    void a_total_is_the_total_and_the_page_says_how_many_rows_it_shows() throws Exception {
        TestClient security = server.signedIn("sec");
        long computers = json(security, "/api/v1/dashboard").path("agents").path("computers").asLong();
        JsonNode all = json(security, "/api/v1/reports/compliance-by-computer");
        long listed = all.path("tables").get(0).path("rows").size();
        assertThat(count(all, "Computers")).isEqualTo(listed);

        JsonNode two = json(security, "/api/v1/reports/compliance-by-computer?limit=2");
        assertThat(two.path("tables").get(0).path("rows").size()).isEqualTo(2);
        assertThat(count(two, "Computers")).as("the total is not the limit").isEqualTo(listed);
        assertThat(listed).isGreaterThan(2).isLessThanOrEqualTo(computers);
        String page = security.getHtml("/reports/compliance-by-computer?limit=2").body();
        keep("compliance-by-computer.html", page);
        keep("dashboard.html", security.getHtml("/dashboard").body());
        keep("sla-attainment.html", security.getHtml("/reports/sla-attainment").body());
        assertThat(page).contains("Showing 2 of " + listed + " rows.", "href=\"?limit=" + listed + "\"", "Show all " + listed);
        String pdf = pdfText(export(security, "compliance-by-computer", "pdf", "limit=2"));
        assertThat(pdf).contains("first 2 of " + listed);

        JsonNode reboots = json(security, "/api/v1/reports/reboot-status?limit=1");
        assertThat(count(reboots, "Computers pending restart")).isEqualTo(reboots.path("tables").get(0).path("totalRows").asLong(-1))
                .isEqualTo(number(firstGroup(pdfText(export(security, "reboot-status", "pdf")).replaceAll("\\s+", " "),
                        "([\\d,]+) of [\\d,]+ computers in scope are waiting")));

        JsonNode bulletins = json(security, "/api/v1/reports/bulletin-details?limit=1");
        assertThat(count(bulletins, "Superseded")).isEqualTo(bulletins.path("tables").get(1).path("totalRows").asLong(-1));
    }

    /** Keeps a page under target/figures-pages (with the stylesheet beside it) to look at in a browser. */
    private static void keep(String name, String html) throws IOException {
        Path pages = Path.of("target", "figures-pages");
        Files.createDirectories(pages);
        try (var css = FiguresAgreeTest.class.getResourceAsStream("/org/patchlake/web/static/patchlake.css")) {
            Files.write(pages.resolve("patchlake.css"), css.readAllBytes());
        }
        Files.writeString(pages.resolve(name), html.replace("/static/patchlake.css", "patchlake.css"));
    }

    private static JsonNode json(TestClient client, String path) throws IOException {
        HttpResponse<String> response = client.get(path);
        assertThat(response.statusCode()).as(path + ": " + response.body()).isEqualTo(200);
        return JSON.readTree(response.body());
    }

    private static Pair figure(JsonNode result, String label) {
        for (JsonNode figure : result.path("figures")) {
            if (figure.path("label").asText().equals(label)) {
                return new Pair(figure.path("value").path("numerator").asLong(), figure.path("value").path("denominator").asLong());
            }
        }
        throw new AssertionError("no figure '" + label + "' in " + result.path("figures"));
    }

    private static long count(JsonNode result, String label) {
        for (JsonNode figure : result.path("figures")) {
            if (figure.path("label").asText().equals(label)) {
                return figure.path("value").asLong();
            }
        }
        throw new AssertionError("no figure '" + label + "' in " + result.path("figures"));
    }

    /** The first "(n / d)" after {@code marker} in a page. */
    private static Pair ratioAfter(String html, String marker) {
        int at = html.indexOf(marker);
        assertThat(at).as("'%s' on the page", marker).isNotNegative();
        Matcher m = RATIO.matcher(html);
        assertThat(m.find(at)).as("a ratio after '%s'", marker).isTrue();
        return new Pair(number(m.group(1)), number(m.group(2)));
    }

    /** A PDF key figure "n / d": the one printed on the line above its label (or on the label's line, before it). */
    private static Pair kpi(String text, String label) {
        int at = text.indexOf(label);
        assertThat(at).as("'%s' in %s", label, text).isNotNegative();
        Matcher m = Pattern.compile("([\\d,]+) / ([\\d,]+)").matcher(text.substring(0, at));
        Pair last = null;
        while (m.find()) {
            last = new Pair(number(m.group(1)), number(m.group(2)));
        }
        assertThat(last).as("a figure before '%s' in %s", label, text).isNotNull();
        return last;
    }

    /** The SLA PDF's summary rows ("Critical <policy> <phase> met missed on-track at-risk ..."), met and missed summed. */
    private static Pair metOverDecided(String text) {
        Matcher row = Pattern.compile("(?m)^Critical .*? within \\d+ (?:hours|days|weeks|months|business days) (\\d+) (\\d+) (\\d+) (\\d+)( |$)").matcher(text);
        long met = 0;
        long decided = 0;
        int rows = 0;
        int end = text.indexOf("Bulletin");
        while (row.find() && (end < 0 || row.start() < end)) {
            met += Long.parseLong(row.group(1));
            decided += Long.parseLong(row.group(1)) + Long.parseLong(row.group(2));
            rows++;
        }
        assertThat(rows).as("summary rows in %s", text).isPositive();
        return new Pair(met, decided);
    }

    private static String firstGroup(String text, String pattern) {
        Matcher m = Pattern.compile(pattern).matcher(text);
        assertThat(m.find()).as("'%s' in %s", pattern, text).isTrue();
        return m.group(1);
    }

    private static long number(String text) {
        return Long.parseLong(text.replace(",", ""));
    }

    private static byte[] export(TestClient client, String report, String format, String... parameters) throws Exception {
        String query = parameters.length == 0 ? "" : "&" + String.join("&", parameters);
        HttpResponse<String> started = client.post("/reports/" + report + "/export?format=" + format + query, Map.of());
        assertThat(started.statusCode()).as(started.body()).isEqualTo(303);
        String id = started.headers().firstValue("Location").orElseThrow().substring("/jobs/".length());
        Job job = server.server().services().jobs().find(id).orElseThrow();
        assertThat(server.server().services().jobs().await(job, Duration.ofSeconds(60))).isTrue();
        return Files.readAllBytes(job.result().orElseThrow().file());
    }

    private static String pdfText(byte[] pdf) throws IOException {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(document);
        }
    }

    /** Every cell's text of an XLSX (shared strings and inline cells), one per line. */
    private static String xlsxText(byte[] xlsx) throws IOException {
        List<String> texts = new ArrayList<>();
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(xlsx))) {
            for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
                if (entry.getName().equals("xl/sharedStrings.xml") || entry.getName().startsWith("xl/worksheets/sheet")) {
                    String xml = new String(zip.readAllBytes(), StandardCharsets.UTF_8);
                    Matcher text = Pattern.compile("<(?:t|v)[^>]*>([^<]*)</(?:t|v)>").matcher(xml);
                    while (text.find()) {
                        texts.add(text.group(1).replace("&amp;", "&").replace("&lt;", "<").replace("&gt;", ">"));
                    }
                }
            }
        }
        return String.join("\n", texts);
    }
}
