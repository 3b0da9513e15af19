package org.patchlake.web.schedule;

import java.util.Map;

/**
 * The mail flags of {@code ./patchlake serve}: {@code --smtp-host --smtp-port --smtp-security --smtp-user
 * --smtp-trust-store --mail-from --mail-retries --mail-flag-after}. The SMTP password comes from
 * {@code PATCHLAKE_SMTP_PASSWORD} (or {@code --smtp-password}, which leaves it in the process list). Also read from
 * the environment: {@code PATCHLAKE_SMTP_HOST}, {@code PATCHLAKE_SMTP_USER}, {@code PATCHLAKE_SMTP_TRUST_STORE_PASSWORD}.
 */
public final class MailArguments {
    private String host;
    private Integer port;
    private MailConfig.Security security = MailConfig.Security.STARTTLS;
    private String user;
    private String password;
    private String from;
    private java.nio.file.Path trustStore;
    private final String trustStorePassword;
    private int retries = MailConfig.notConfigured().retries();
    private int flagAfter = MailConfig.notConfigured().flagAfterFailures();

    public MailArguments(Map<String, String> environment) {
        this.host = environment.get("PATCHLAKE_SMTP_HOST");
        this.user = environment.get("PATCHLAKE_SMTP_USER");
        this.password = environment.get("PATCHLAKE_SMTP_PASSWORD");
        this.trustStorePassword = environment.get("PATCHLAKE_SMTP_TRUST_STORE_PASSWORD");
    }

    /** Takes one flag and its value; false when the flag is not a mail flag. */
    public boolean accept(String flag, String value) {
        switch (flag) {
            case "--smtp-host" -> host = value;
            case "--smtp-port" -> port = number(flag, value, 1, 65535);
            case "--smtp-security" -> security = MailConfig.Security.parse(value);
            case "--smtp-user" -> user = value;
            case "--smtp-password" -> password = value;
            case "--mail-from" -> from = value;
            case "--smtp-trust-store" -> trustStore = java.nio.file.Path.of(value);
            case "--mail-retries" -> retries = number(flag, value, 0, 20);
            case "--mail-flag-after" -> flagAfter = number(flag, value, 1, 1000);
            default -> {
                return false;
            }
        }
        return true;
    }

    public MailConfig config() {
        MailConfig defaults = MailConfig.notConfigured();
        if (host == null || host.isBlank()) {
            return defaults.withDeliveryPolicy(retries, defaults.firstRetryDelay(), flagAfter);
        }
        int defaultPort = switch (security) {
            case NONE -> 25;
            case STARTTLS -> 587;
            case TLS -> 465;
        };
        if (from != null) {
            Recipients.parse(from);
        }
        return defaults.withServer(host, port == null ? defaultPort : port, security)
                .withCredentials(user, user == null ? null : password == null ? "" : password)
                .withFrom(from == null ? "patchlake@" + host : from)
                .withDeliveryPolicy(retries, defaults.firstRetryDelay(), flagAfter)
                .withTrustStore(trustStore, trustStore == null ? null : trustStorePassword);
    }

    private static int number(String flag, String value, int min, int max) {
        try {
            int number = Integer.parseInt(value);
            if (number < min || number > max) {
                throw new IllegalArgumentException(flag + " must be " + min + ".." + max + ", was " + value);
            }
            return number;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(flag + " is not a number: '" + value + "'");
        }
    }
}
