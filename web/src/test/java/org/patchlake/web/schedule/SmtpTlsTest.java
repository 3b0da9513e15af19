package org.patchlake.web.schedule;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Mail over TLS from the first byte (smtps) to a real SMTP server in process (GreenMail) whose certificate, made here
 * with the JDK's keytool for 127.0.0.1, no JVM trusts by default: trusted through {@code --smtp-trust-store} the mail
 * arrives; without it the send fails with the certificate problem; a trust store that cannot be read stops the
 * configuration naming the file.
 */
class SmtpTlsTest {
    private static final String STORE_PASSWORD = "changeit";

    @TempDir
    static Path dir;
    static Path trustStore;
    static GreenMail mail;

    @BeforeAll
    static void start() throws Exception {
        Path serverStore = dir.resolve("server.p12");
        Path certificate = dir.resolve("server.crt");
        trustStore = dir.resolve("trust.p12");
        keytool("-genkeypair", "-alias", "smtp", "-keyalg", "RSA", "-keysize", "2048", "-validity", "2",
                "-dname", "CN=127.0.0.1, O=Patchlake test", "-ext", "SAN=ip:127.0.0.1,dns:localhost",
                "-storetype", "PKCS12", "-keystore", serverStore.toString(), "-storepass", STORE_PASSWORD);
        keytool("-exportcert", "-alias", "smtp", "-keystore", serverStore.toString(), "-storepass", STORE_PASSWORD,
                "-rfc", "-file", certificate.toString());
        keytool("-importcert", "-noprompt", "-alias", "relay", "-file", certificate.toString(), "-storetype", "PKCS12",
                "-keystore", trustStore.toString(), "-storepass", STORE_PASSWORD);
        // GreenMail reads its server key store from these properties once per JVM; no other test here uses smtps
        System.setProperty("greenmail.tls.keystore.file", serverStore.toString());
        System.setProperty("greenmail.tls.keystore.password", STORE_PASSWORD);
        mail = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTPS));
        mail.setUser("patchlake@example.org", "mailer", "secret");
        mail.start();
    }

    @AfterAll
    static void stop() {
        if (mail != null) {
            mail.stop();
        }
    }

    private static void keytool(String... arguments) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "keytool").toString());
        command.addAll(List.of(arguments));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("keytool finished").isTrue();
        assertThat(process.exitValue()).as("keytool %s: %s", command, output).isZero();
    }

    private static MailConfig tls() {
        return MailConfig.notConfigured().withServer("127.0.0.1", mail.getSmtps().getPort(), MailConfig.Security.TLS)
                .withCredentials("mailer", "secret").withFrom("patchlake@example.org");
    }

    private static SmtpMailer.Mail report(String subject) {
        return new SmtpMailer.Mail(List.of("ciso@example.org"), subject, "The weekly figures.", "summary.csv", "text/csv",
                "bulletin,compliance\nKB5000001,60.0\n".getBytes(StandardCharsets.UTF_8), "schedule-1");
    }

    @Test
    void a_mail_over_tls_arrives_when_the_relay_certificate_is_in_the_trust_store() throws Exception {
        SmtpMailer mailer = new SmtpMailer(tls().withTrustStore(trustStore, STORE_PASSWORD), Clock.systemUTC());

        String answer = mailer.send(report("Weekly patch compliance over TLS"));

        assertThat(answer).startsWith("250");
        assertThat(mail.waitForIncomingEmail(10_000, 1)).isTrue();
        MimeMessage received = java.util.Arrays.stream(mail.getReceivedMessages())
                .filter(m -> subjectOf(m).equals("Weekly patch compliance over TLS")).findFirst().orElseThrow();
        MimeMultipart parts = (MimeMultipart) received.getContent();
        assertThat(parts.getBodyPart(1).getFileName()).isEqualTo("summary.csv");
        assertThat(new String(parts.getBodyPart(1).getInputStream().readAllBytes(), StandardCharsets.UTF_8)).contains("KB5000001,60.0");
    }

    @Test
    void without_the_trust_store_the_send_fails_naming_the_certificate_problem() {
        SmtpMailer mailer = new SmtpMailer(tls(), Clock.systemUTC());
        int before = mail.getReceivedMessages().length;

        assertThatThrownBy(() -> mailer.send(report("must not arrive"))).isInstanceOf(SmtpMailer.MailFailure.class)
                .hasMessageContaining("certification path");
        assertThat(mail.getReceivedMessages()).hasSize(before);
    }

    @Test
    void a_trust_store_that_cannot_be_read_is_refused_with_the_file_and_the_reason() throws IOException {
        Path missing = dir.resolve("missing.p12");
        assertThatThrownBy(() -> new SmtpMailer(tls().withTrustStore(missing, STORE_PASSWORD), Clock.systemUTC()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("--smtp-trust-store " + missing);
        Path garbage = Files.writeString(dir.resolve("garbage.p12"), "not a key store");
        assertThatThrownBy(() -> new SmtpMailer(tls().withTrustStore(garbage, STORE_PASSWORD), Clock.systemUTC()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("--smtp-trust-store " + garbage);
        assertThatThrownBy(() -> new SmtpMailer(tls().withTrustStore(trustStore, "wrong password"), Clock.systemUTC()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("--smtp-trust-store " + trustStore);
    }

    @Test
    void the_serve_flag_and_environment_give_the_trust_store_and_its_password() {
        MailArguments arguments = new MailArguments(Map.of("PATCHLAKE_SMTP_TRUST_STORE_PASSWORD", "s3cret"));
        assertThat(arguments.accept("--smtp-host", "relay.example.org")).isTrue();
        assertThat(arguments.accept("--smtp-trust-store", "/etc/patchlake/relay.p12")).isTrue();

        MailConfig config = arguments.config();

        assertThat(config.trustStore()).isEqualTo(Path.of("/etc/patchlake/relay.p12"));
        assertThat(config.trustStorePassword()).isEqualTo("s3cret");
        assertThat(config.describe()).contains("trusting /etc/patchlake/relay.p12").doesNotContain("s3cret");
    }

    private static String subjectOf(MimeMessage message) {
        try {
            return message.getSubject();
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }
}
