package org.patchlake.web;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.patchlake.web.support.TestClient;
import org.patchlake.web.support.TestServer;

import java.net.http.HttpResponse;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** Report, bulletin and computer pages are streamed: sent in chunks as written, whole, with the same headers and errors. */
class StreamedPagesTest {
    @TempDir
    static Path data;
    static TestServer server;

    @BeforeAll
    static void start() {
        server = new TestServer(data);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void report_and_drill_down_pages_are_sent_in_chunks_and_arrive_whole_with_the_security_headers() {
        TestClient security = server.signedIn("sec");
        for (String path : new String[] {"/reports/compliance-by-bulletin", "/reports/compliance-by-computer?limit=5000",
                "/bulletins/MS08-067?state=applicable", "/computers/c-eu-1"}) {
            HttpResponse<String> page = security.getHtml(path);
            assertThat(page.statusCode()).as(path).isEqualTo(200);
            assertThat(page.headers().firstValue("Content-Length")).as(path).isEmpty();
            assertThat(page.headers().firstValue("Transfer-Encoding")).as(path).hasValue("chunked");
            assertThat(page.headers().firstValue("Content-Type")).as(path).hasValueSatisfying(t -> assertThat(t).startsWith("text/html"));
            assertThat(page.headers().firstValue("Content-Security-Policy")).as(path).isPresent();
            assertThat(page.headers().firstValue("X-Frame-Options")).as(path).hasValue("DENY");
            assertThat(page.headers().firstValue("Cache-Control")).as(path).hasValue("no-store");
            assertThat(page.body()).as(path).startsWith("<!DOCTYPE html>").contains("Data refreshed", "</main>")
                    .endsWith("</html>\n").doesNotContain("\u0000");
        }
        assertThat(security.getHtml("/reports/compliance-by-computer?limit=5000").body()).contains("c-na-2", "Showing 5 of 5 rows.");
    }

    @Test
    void bad_parameters_and_scope_are_refused_before_anything_is_streamed() {
        HttpResponse<String> bad = server.signedIn("sec").get("/reports/compliance-by-computer?limit=0");
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(bad.body()).contains("\"parameter\":\"limit\"");
        assertThat(server.signedIn("rm-eu").getHtml("/computers/c-na-1").statusCode()).isEqualTo(404);
        assertThat(server.signedIn("rm-eu").getHtml("/reports/compliance-by-computer?region=NA").statusCode()).isEqualTo(403);
    }

    @Test
    void a_browser_accepting_gzip_gets_the_streamed_page_compressed() throws Exception {
        TestClient security = server.signedIn("sec");
        HttpResponse<byte[]> page = security.http().send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(server.url("/reports/compliance-by-bulletin")))
                .header("Accept", "text/html").header("Accept-Encoding", "gzip").build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().firstValue("Content-Encoding")).hasValue("gzip");
        String html = new String(new java.util.zip.GZIPInputStream(new java.io.ByteArrayInputStream(page.body())).readAllBytes(),
                java.nio.charset.StandardCharsets.UTF_8);
        assertThat(html).startsWith("<!DOCTYPE html>").contains("MS08-067").endsWith("</html>\n");
    }
}

