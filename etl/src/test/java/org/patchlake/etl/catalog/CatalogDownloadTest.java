package org.patchlake.etl.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.patchlake.core.catalog.CatalogImport;

/** catalog import from an address, against a real HTTP server on loopback. */
class CatalogDownloadTest {
    private static final String CSV = """
            "DatePosted","CVE","BulletinKB","Title","AffectedProduct","AffectedComponent","Severity","Impact","Supersedes","Exploits"
            "20170314","CVE-2017-0001","4014329","Security Update for Adobe Flash Player","Windows 10 Version 1511 for x64-based Systems","Adobe Flash Player","Critical","Remote Code Execution","4010250",
            "20170314","CVE-2017-0002","4012212","Security Only Quality Update","Windows 7 for x64-based Systems Service Pack 1","","Important","Elevation of Privilege","",
            """;

    private HttpServer server;
    private byte[] served;
    private int status = 200;
    private final List<String> progress = new ArrayList<>();

    @BeforeEach
    void serve() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/definitions.zip", exchange -> {
            exchange.sendResponseHeaders(status, status == 200 ? served.length : -1);
            try (OutputStream body = exchange.getResponseBody()) {
                if (status == 200) {
                    body.write(served);
                }
            }
        });
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    private String address() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/definitions.zip";
    }

    private static byte[] zip(String entry, String content) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            zip.putNextEntry(new ZipEntry(entry));
            zip.write(content.getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
        }
        return bytes.toByteArray();
    }

    @Test
    void a_definitions_zip_is_downloaded_with_its_sha256_and_imported_from_the_temporary_file() throws Exception {
        served = zip("CVEs_20260628.csv", CSV);

        CatalogDownload.Downloaded downloaded = CatalogDownload.standard().download(address(), progress::add);
        try {
            assertThat(downloaded.file()).hasBinaryContent(served);
            assertThat(downloaded.sha256()).isEqualTo(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(served)));
            assertThat(downloaded.csv()).isEqualTo("CVEs_20260628.csv");
            assertThat(progress).last().asString().contains("SHA-256 " + downloaded.sha256())
                    .contains(String.format("%,d bytes", served.length));
        } finally {
            Files.deleteIfExists(downloaded.file());
        }

        CatalogImport imported = CatalogCommand.read(address(), progress::add);

        assertThat(imported.rowsRead()).isEqualTo(2);
        assertThat(imported.catalog().kbs()).hasSize(2);
    }

    @Test
    void a_file_that_is_not_a_zip_is_refused_naming_the_address_and_leaves_nothing_behind() throws Exception {
        served = "<html>not found</html>".getBytes(StandardCharsets.UTF_8);
        long before = temporaryDownloads();

        assertThatThrownBy(() -> CatalogDownload.standard().download(address(), progress::add))
                .isInstanceOf(IOException.class).hasMessageContaining(address()).hasMessageContaining("is not a zip file");
        assertThat(temporaryDownloads()).isEqualTo(before);
    }

    @Test
    void a_zip_without_wesngs_cve_csv_is_refused_with_what_it_holds() throws Exception {
        served = zip("readme.txt", "hello");

        assertThatThrownBy(() -> CatalogDownload.standard().download(address(), progress::add))
                .isInstanceOf(IOException.class).hasMessageContaining("without wesng's CVEs_YYYYMMDD.csv").hasMessageContaining("readme.txt");
    }

    @Test
    void an_http_error_is_reported_with_its_status() {
        status = 404;

        assertThatThrownBy(() -> CatalogDownload.standard().download(address(), progress::add))
                .isInstanceOf(IOException.class).hasMessageContaining("HTTP 404");
    }

    @Test
    void plain_http_is_refused_for_anything_but_this_machine() {
        assertThatThrownBy(() -> CatalogDownload.standard().download("http://example.org/definitions.zip", progress::add))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("must be an https:// address");
    }

    private static long temporaryDownloads() throws IOException {
        try (var files = Files.list(Path.of(System.getProperty("java.io.tmpdir")))) {
            return files.filter(file -> file.getFileName().toString().startsWith("patchlake-catalog-")).count();
        }
    }
}
