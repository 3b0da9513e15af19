package org.patchlake.web;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.patchlake.web.admin.EnrollmentTokens;
import org.patchlake.web.auth.SignInLimiter;
import org.patchlake.web.report.CsvExportService;
import org.patchlake.web.support.InMemoryReportService;

import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509TrustManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** HTTPS from a PKCS#12 keystore (made with the JDK's keytool); cookies are Secure under TLS. */
class TlsTest {
    @TempDir
    Path data;

    @Test
    void the_server_speaks_https_and_marks_cookies_secure() throws Exception {
        Path keystore = data.resolve("server.p12");
        Process keytool = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "keytool").toString(), "-genkeypair",
                "-alias", "patchlake", "-keyalg", "RSA", "-keysize", "2048", "-validity", "2", "-dname", "CN=localhost",
                "-storetype", "PKCS12", "-keystore", keystore.toString(), "-storepass", "changeit", "-keypass", "changeit")
                .redirectErrorStream(true).start();
        assertThat(keytool.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(keytool.exitValue()).isZero();

        WebConfig config = WebConfig.defaults(data).withHost("127.0.0.1").withPort(0)
                .withTls(new WebConfig.Tls(null, null, keystore, "changeit")).withSecurity(4, SignInLimiter.Limits.defaults(), null);
        try (WebServer server = WebServer.assemble(config, new WebServer.Edges(store -> new InMemoryReportService(),
                r -> new CsvExportService(r, Clock.systemUTC()), new EnrollmentTokens.Unavailable(), WebServices.AgentApi.NONE, () -> { }),
                Clock.systemUTC())) {
            int port = server.start();
            SSLContext trustAll = SSLContext.getInstance("TLS");
            trustAll.init(null, new TrustManager[]{new X509TrustManager() {
                public void checkClientTrusted(X509Certificate[] chain, String authType) { }
                public void checkServerTrusted(X509Certificate[] chain, String authType) { }
                public X509Certificate[] getAcceptedIssuers() {
                    return new X509Certificate[0];
                }
            }}, null);
            HttpClient http = HttpClient.newBuilder().sslContext(trustAll).version(HttpClient.Version.HTTP_1_1).build();
            HttpResponse<String> signIn = http.send(HttpRequest.newBuilder(URI.create("https://localhost:" + port + "/sign-in")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(signIn.statusCode()).isEqualTo(200);
            assertThat(signIn.headers().allValues("Set-Cookie")).anySatisfy(cookie -> assertThat(cookie).containsIgnoringCase("Secure"));
            assertThat(signIn.headers().firstValue("Strict-Transport-Security")).isPresent();
        }
    }
}
