package org.patchlake.web;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine.Option;

/**
 * The options of {@code ./patchlake serve}, as typed; {@link ServeCommand.ServeArguments#of} checks them and makes the
 * configuration. Durations stay text here so their errors name the option in the server's own words.
 */
final class ServeOptions {
    @Option(names = "--data", paramLabel = "DIR", defaultValue = "data", description = "Data directory. Default: ${DEFAULT-VALUE}.")
    Path data;

    @Option(names = "--port", paramLabel = "N", defaultValue = "7070", description = "Port (0..65535). Default: ${DEFAULT-VALUE}.")
    String port;

    @Option(names = "--host", paramLabel = "ADDRESS", defaultValue = "0.0.0.0", description = "Address to listen on. Default: ${DEFAULT-VALUE}.")
    String host;

    @Option(names = "--tls-cert", paramLabel = "CERT.pem", description = "TLS certificate chain (with --tls-key).")
    Path tlsCert;

    @Option(names = "--tls-key", paramLabel = "KEY.pem", description = "TLS private key (with --tls-cert).")
    Path tlsKey;

    @Option(names = "--keystore", paramLabel = "FILE.p12", description = "TLS key and certificate as a PKCS#12 keystore.")
    Path keystore;

    @Option(names = "--keystore-password", paramLabel = "P", description = "The keystore's password (or PATCHLAKE_KEYSTORE_PASSWORD).")
    String keystorePassword;

    @Option(names = "--etl-interval", paramLabel = "DURATION", defaultValue = "5m",
            description = "Start an ETL run this long after the previous one started: 30s, 5m, 1h, or 0 (never on its own). "
                    + "Default: ${DEFAULT-VALUE}.")
    String etlInterval;

    @Option(names = "--etl-min-gap", paramLabel = "DURATION",
            description = "Run sooner, this long after the previous run ended, when uploads wait (default 30s).")
    String etlMinimumGap;

    @Option(names = "--etl-command", paramLabel = "\"CMD ARGS\"", description = "The ETL command (default: ./patchlake etl; '' for none).")
    String etlCommand;

    @Option(names = "--metrics-token", paramLabel = "TOKEN",
            description = "Bearer token for /metrics (default: DATA/ops/metrics-token, made at first start; or PATCHLAKE_METRICS_TOKEN).")
    String metricsToken;

    @Option(names = "--max-timestamp-ahead", paramLabel = "DURATION",
            description = "Agent times later than server time + this are refused (default 24h, at most 168h).")
    String maxTimestampAhead;

    @Option(names = "--offline-scan-file", paramLabel = "PATH",
            description = "Tell agents to ask Windows Update against this offline scan file (wsusscn2.cab: a path or UNC "
                    + "share the computers can read) instead of online; an agent's own --offline-scan-file wins.")
    String offlineScanFile;

    @Option(names = "--create-admin", paramLabel = "NAME",
            description = "Create the first administrator (password from PATCHLAKE_ADMIN_PASSWORD or prompted) and exit.")
    String createAdmin;

    /** The mail options as typed, by name, in order; MailArguments reads them. */
    final Map<String, String> mail = new LinkedHashMap<>();

    @Option(names = "--smtp-host", paramLabel = "H", description = "SMTP server for scheduled reports (or PATCHLAKE_SMTP_HOST).")
    void smtpHost(String value) {
        mail.put("--smtp-host", value);
    }

    @Option(names = "--smtp-port", paramLabel = "N", description = "SMTP port (default by security: 25, 587, 465).")
    void smtpPort(String value) {
        mail.put("--smtp-port", value);
    }

    @Option(names = "--smtp-security", paramLabel = "MODE", description = "none, starttls (default) or tls.")
    void smtpSecurity(String value) {
        mail.put("--smtp-security", value);
    }

    @Option(names = "--smtp-user", paramLabel = "U", description = "SMTP user (password from PATCHLAKE_SMTP_PASSWORD).")
    void smtpUser(String value) {
        mail.put("--smtp-user", value);
    }

    @Option(names = "--smtp-password", paramLabel = "P", description = "SMTP password (better: PATCHLAKE_SMTP_PASSWORD; "
            + "an option shows in the process list).")
    void smtpPassword(String value) {
        mail.put("--smtp-password", value);
    }

    @Option(names = "--mail-from", paramLabel = "ADDRESS", description = "Sender address (default patchlake@SMTP-HOST).")
    void mailFrom(String value) {
        mail.put("--mail-from", value);
    }

    @Option(names = "--smtp-trust-store", paramLabel = "FILE.p12",
            description = "Trust store for the SMTP server's certificate (password from PATCHLAKE_SMTP_TRUST_STORE_PASSWORD).")
    void smtpTrustStore(String value) {
        mail.put("--smtp-trust-store", value);
    }

    @Option(names = "--mail-retries", paramLabel = "N", description = "Retries of a failed delivery (0..20).")
    void mailRetries(String value) {
        mail.put("--mail-retries", value);
    }

    @Option(names = "--mail-flag-after", paramLabel = "N", description = "Flag a schedule after this many failed deliveries (1..1000).")
    void mailFlagAfter(String value) {
        mail.put("--mail-flag-after", value);
    }

    ServeCommand.ServeArguments arguments(Map<String, String> environment, String patchlakeHome) {
        return ServeCommand.ServeArguments.of(this, environment, patchlakeHome);
    }
}
