package org.patchlake.web.warehouse;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.patchlake.reports.jasper.ReportEngine;
import org.patchlake.reports.query.QueryLayer;
import org.patchlake.web.jobs.Job;
import org.patchlake.web.support.TestClient;
import org.patchlake.web.support.TestServer;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.zip.GZIPInputStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An export downloaded by a client that accepts gzip (every browser) arrives whole: the bytes, after undoing any
 * Content-Encoding, are the file the job wrote, and a declared Content-Length is the length of what was sent.
 */
class ExportDownloadTest {
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

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"csv", "pdf", "xlsx", "html"})
    void a_download_through_a_client_that_accepts_gzip_is_the_whole_file(String format) throws Exception {
        TestClient security = server.signedIn("sec");
        HttpResponse<String> started = security.post("/reports/compliance-by-computer/export?format=" + format, Map.of());
        assertThat(started.statusCode()).as(started.body()).isEqualTo(303);
        String id = started.headers().firstValue("Location").orElseThrow().substring("/jobs/".length());
        Job job = server.server().services().jobs().find(id).orElseThrow();
        assertThat(server.server().services().jobs().await(job, Duration.ofSeconds(60))).isTrue();
        byte[] file = Files.readAllBytes(job.result().orElseThrow().file());
        assertThat(file).isNotEmpty();

        HttpResponse<byte[]> download = security.http().send(HttpRequest.newBuilder(URI.create(server.url("/jobs/" + id + "/download")))
                .header("Accept-Encoding", "gzip").GET().build(), HttpResponse.BodyHandlers.ofByteArray());

        assertThat(download.statusCode()).isEqualTo(200);
        download.headers().firstValueAsLong("Content-Length").ifPresent(length ->
                assertThat(length).as("declared Content-Length").isEqualTo(download.body().length));
        boolean gzip = download.headers().firstValue("Content-Encoding").filter("gzip"::equalsIgnoreCase).isPresent();
        assertThat(gzip).as("compressed on the way: text only (PDF and XLSX are compressed already)")
                .isEqualTo(format.equals("csv") || format.equals("html"));
        assertThat(gzip ? gunzip(download.body()) : download.body()).isEqualTo(file);
    }

    @ParameterizedTest(name = "{0}")
    @org.junit.jupiter.params.provider.EnumSource(org.patchlake.web.report.Report.class)
    void a_csv_export_without_rows_still_has_its_header_line(org.patchlake.web.report.Report report) {
        JasperExportService exports = new JasperExportService(queries, new ReportEngine(), Clock.systemUTC());
        org.patchlake.web.auth.Scope nowhere = org.patchlake.web.auth.Scope.of(Set.of("no-such-region"), Set.of());

        byte[] csv = exports.export(report, org.patchlake.web.report.ReportParameters.none(), nowhere,
                org.patchlake.web.report.ExportService.Format.CSV).content();

        String text = new String(csv, java.nio.charset.StandardCharsets.UTF_8);
        assertThat(text).as("%s in a scope without computers", report.id()).matches("(?s)[a-z_0-9]+(,[a-z_0-9]+)*\\r?\\n.*");
    }

    private static byte[] gunzip(byte[] body) throws IOException {
        try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(body))) {
            return in.readAllBytes();
        }
    }
}
