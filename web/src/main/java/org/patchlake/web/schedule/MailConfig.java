package org.patchlake.web.schedule;

import java.time.Duration;
import java.util.Locale;

import static java.util.Objects.requireNonNull;

/**
 * How scheduled reports are mailed: the SMTP server ({@code host} null = mail not configured; every run then
 * fails visibly), its transport security and credentials, the sender address, and the delivery policy.
 *
 * @param retries           retries of a failed run before it waits for the next scheduled time
 * @param firstRetryDelay   delay before the first retry; each further retry waits four times longer (at most 6 h)
 * @param flagAfterFailures a schedule whose last this-many attempts failed is flagged as failing
 * @param trustStore        certificates to trust for STARTTLS / TLS instead of the JVM's (a relay with an internal CA),
 *                          PKCS12 or JKS; null = the JVM's default trust
 * @param trustStorePassword its password, null when it has none
 */
public record MailConfig(String host, int port, Security security, String username, String password, String from,
                         Duration timeout, int retries, Duration firstRetryDelay, int flagAfterFailures,
                         java.nio.file.Path trustStore, String trustStorePassword) {
    /** Transport security: none (plain, for a relay on localhost), STARTTLS (required), or TLS from the first byte. */
    public enum Security {
        NONE, STARTTLS, TLS;

        public static Security parse(String value) {
            try {
                return valueOf(value.trim().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("--smtp-security must be none, starttls or tls, was '" + value + "'");
            }
        }
    }

    public static final Duration MAXIMUM_RETRY_DELAY = Duration.ofHours(6);

    public MailConfig {
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("SMTP port must be 1..65535, was " + port);
        }
        requireNonNull(security, "security is null");
        requireNonNull(from, "from is null");
        requireNonNull(timeout, "timeout is null");
        requireNonNull(firstRetryDelay, "firstRetryDelay is null");
        if (retries < 0 || retries > 20) {
            throw new IllegalArgumentException("retries must be 0..20, was " + retries);
        }
        if (flagAfterFailures < 1) {
            throw new IllegalArgumentException("flagAfterFailures must be at least 1, was " + flagAfterFailures);
        }
        if ((username == null) != (password == null)) {
            throw new IllegalArgumentException("SMTP credentials need both --smtp-user and a password (PATCHLAKE_SMTP_PASSWORD)");
        }
    }

    /** No SMTP server: schedules can be edited, and each due run fails with "mail is not configured". */
    public static MailConfig notConfigured() {
        return new MailConfig(null, 25, Security.NONE, null, null, "patchlake@localhost", Duration.ofSeconds(30), 4,
                Duration.ofMinutes(1), 3, null, null);
    }

    public boolean configured() {
        return host != null;
    }

    public MailConfig withServer(String newHost, int newPort, Security newSecurity) {
        return new MailConfig(newHost, newPort, newSecurity, username, password, from, timeout, retries, firstRetryDelay,
                flagAfterFailures, trustStore, trustStorePassword);
    }

    public MailConfig withCredentials(String newUsername, String newPassword) {
        return new MailConfig(host, port, security, newUsername, newPassword, from, timeout, retries, firstRetryDelay,
                flagAfterFailures, trustStore, trustStorePassword);
    }

    public MailConfig withFrom(String newFrom) {
        return new MailConfig(host, port, security, username, password, newFrom, timeout, retries, firstRetryDelay,
                flagAfterFailures, trustStore, trustStorePassword);
    }

    public MailConfig withDeliveryPolicy(int newRetries, Duration newFirstRetryDelay, int newFlagAfterFailures) {
        return new MailConfig(host, port, security, username, password, from, timeout, newRetries, newFirstRetryDelay,
                newFlagAfterFailures, trustStore, trustStorePassword);
    }

    /** Trusts the certificates of {@code store} (PKCS12 or JKS) for the SMTP server instead of the JVM's defaults. */
    public MailConfig withTrustStore(java.nio.file.Path store, String storePassword) {
        return new MailConfig(host, port, security, username, password, from, timeout, retries, firstRetryDelay,
                flagAfterFailures, store, storePassword);
    }

    /** The wait before retry number {@code retry} (1-based): first delay x 4^(retry-1), at most 6 hours. */
    public Duration retryDelay(int retry) {
        Duration delay = firstRetryDelay;
        for (int i = 1; i < retry && delay.compareTo(MAXIMUM_RETRY_DELAY) < 0; i++) {
            delay = delay.multipliedBy(4);
        }
        return delay.compareTo(MAXIMUM_RETRY_DELAY) > 0 ? MAXIMUM_RETRY_DELAY : delay;
    }

    /** For logs and pages: never the password. */
    public String describe() {
        if (!configured()) {
            return "not configured";
        }
        return security.name().toLowerCase(Locale.ROOT) + "://" + host + ":" + port + (username == null ? "" : " as " + username)
                + ", from " + from + (trustStore == null ? "" : ", trusting " + trustStore);
    }

    @Override
    public String toString() {
        return "MailConfig[" + describe() + "]";
    }
}
