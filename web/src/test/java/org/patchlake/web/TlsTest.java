package org.patchlake.web;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.patchlake.web.enrollment.EnrollmentTokens;
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
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** HTTPS from a PKCS#12 keystore (made with the JDK's keytool) or PEM files (made with openssl); cookies are Secure under TLS. */
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

        assertServesHttps(new WebConfig.Tls(null, null, keystore, "changeit"));
    }

    @Test
    void an_encrypted_pkcs8_pem_key_made_by_openssl_is_opened_with_its_password() throws Exception {
        Path certificate = data.resolve("cert.pem");
        Path key = data.resolve("key.pem");
        openssl("genpkey", "-algorithm", "RSA", "-pkeyopt", "rsa_keygen_bits:2048", "-aes-256-cbc", "-pass", "pass:key-secret",
                "-out", key.toString());
        openssl("req", "-x509", "-key", key.toString(), "-passin", "pass:key-secret", "-out", certificate.toString(), "-days", "2",
                "-subj", "/CN=localhost");
        assertThat(Files.readString(key)).contains("-----BEGIN ENCRYPTED PRIVATE KEY-----");

        assertServesHttps(new WebConfig.Tls(certificate, key, null, "key-secret"));
    }

    @Test
    void an_encrypted_key_with_a_wrong_or_missing_password_stops_the_start_naming_the_file() throws Exception {
        Path certificate = data.resolve("cert.pem");
        Path key = data.resolve("key.pem");
        openssl("genpkey", "-algorithm", "RSA", "-pkeyopt", "rsa_keygen_bits:2048", "-aes-256-cbc", "-pass", "pass:key-secret",
                "-out", key.toString());
        openssl("req", "-x509", "-key", key.toString(), "-passin", "pass:key-secret", "-out", certificate.toString(), "-days", "2",
                "-subj", "/CN=localhost");

        assertThatThrownBy(() -> PemKeyStore.load(certificate, key, "wrong", "store")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("cannot decrypt private key " + key);
        assertThatThrownBy(() -> PemKeyStore.load(certificate, key, null, "store")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("private key " + key + " is encrypted");
    }

    @Test
    void a_key_encrypted_with_3des_is_refused_with_the_command_that_re_encrypts_it() throws Exception {
        Path certificate = data.resolve("cert.pem");
        Path key = data.resolve("key.pem");
        openssl("req", "-x509", "-newkey", "rsa:2048", "-keyout", key.toString(), "-out", certificate.toString(), "-days", "2",
                "-subj", "/CN=localhost", "-passout", "pass:key-secret");

        assertThatThrownBy(() -> PemKeyStore.load(certificate, key, "key-secret", "store")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("cannot decrypt private key " + key).hasMessageContaining("openssl pkcs8 -topk8 -v2 aes-256-cbc");
    }

    private static void openssl(String... arguments) throws Exception {
        Path openssl = Path.of("/usr/bin/openssl");
        assumeTrue(Files.isExecutable(openssl), "openssl is not installed");
        List<String> command = new ArrayList<>(List.of(openssl.toString()));
        command.addAll(List.of(arguments));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as(new String(process.getInputStream().readAllBytes())).isZero();
    }

    private void assertServesHttps(WebConfig.Tls tls) throws Exception {
        WebConfig config = WebConfig.defaults(data).withHost("127.0.0.1").withPort(0)
                .withTls(tls).withSecurity(4, SignInLimiter.Limits.defaults(), null);
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
