package org.patchlake.web;

import org.patchlake.web.auth.PasswordHasher;
import org.patchlake.web.auth.SignInLimiter;
import org.patchlake.web.cache.SnapshotCache;
import org.patchlake.web.schedule.MailConfig;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static java.util.Objects.requireNonNull;

/**
 * The web server's configuration, read once in {@link ServeCommand} from flags and environment.
 *
 * @param etlCommand  the command that runs ETL (without {@code --data}); empty = ETL cannot be started from here
 * @param etlInterval how often serve runs ETL; zero = never on its own
 * @param etlMinimumGap the least time between the end of one ETL run and the start of the next; runs start this soon
 *                      after the previous one when acknowledged uploads wait for one
 * @param etlAtServerTime every ETL run evaluates as of this server's clock at its start ({@code --as-of}), for a server whose
 *                        clock is not the wall clock (the demo's runs in simulated time); false: ETL's own clock
 * @param metricsToken {@code /metrics} needs {@code Authorization: Bearer <token>}; null: the server reads or creates
 *                     {@code DATA/ops/metrics-token} ({@code MetricsToken})
 * @param mail         SMTP server and delivery policy for scheduled reports
 * @param admission    how many report computations run at once and how many may wait, per lane
 */
public record WebConfig(Path dataDirectory, String host, int port, Tls tls, List<String> etlCommand, Duration etlInterval,
                        Duration etlMinimumGap, boolean etlAtServerTime, Duration etlTimeout, Duration sessionLifetime, int bcryptCost, SignInLimiter.Limits signInLimits,
                        String metricsToken, long maxRequestBytes, MailConfig mail,
                        Admission admission) {
    /** TLS from PEM files (certificate chain + PKCS#8 key) or from a PKCS#12 keystore. */
    public record Tls(Path certificate, Path privateKey, Path keystore, String keystorePassword) {
        public Tls {
            boolean pem = certificate != null && privateKey != null;
            boolean pkcs12 = keystore != null;
            if (pem == pkcs12) {
                throw new IllegalArgumentException("TLS needs either --tls-cert and --tls-key, or --keystore (not both)");
            }
        }
    }

    /**
     * Admission of report computations that are not cached: whole reports and dashboards in one lane, drill-downs
     * (one bulletin, one computer) and form choices in another, so a drill-down never waits behind long reports.
     */
    public record Admission(SnapshotCache.Admission reports, SnapshotCache.Admission drillDowns, boolean warmReportPages) {
        public Admission {
            requireNonNull(reports, "reports is null");
            requireNonNull(drillDowns, "drillDowns is null");
        }

        /** The same lanes; {@code warm} says whether the cache warmer computes every report page after a new snapshot. */
        public Admission withReportPagesWarmed(boolean warm) {
            return new Admission(reports, drillDowns, warm);
        }

        /**
         * One whole report at a time (a cold report at the design point takes seconds and DuckDB already spreads one
         * query over every core), up to 32 waiting at most 30 s; drill-downs one per core, up to 4 per core waiting at
         * most 10 s. Beyond that a request is answered 503 with Retry-After at once. Report pages are warmed.
         */
        public static Admission defaults() {
            int cores = Math.max(1, Runtime.getRuntime().availableProcessors());
            return new Admission(new SnapshotCache.Admission(1, 32, Duration.ofSeconds(30)),
                    new SnapshotCache.Admission(cores, 4 * cores, Duration.ofSeconds(10)), true);
        }
    }

    public WebConfig {
        requireNonNull(dataDirectory, "dataDirectory is null");
        requireNonNull(host, "host is null");
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port must be 0..65535, was " + port);
        }
        etlCommand = List.copyOf(etlCommand);
        requireNonNull(etlInterval, "etlInterval is null");
        requireNonNull(etlMinimumGap, "etlMinimumGap is null");
        if (etlInterval.isNegative() || etlMinimumGap.isNegative()) {
            throw new IllegalArgumentException("ETL interval and minimum gap must not be negative");
        }
        if (!etlInterval.isZero() && etlMinimumGap.compareTo(etlInterval) > 0) {
            throw new IllegalArgumentException("--etl-min-gap (" + etlMinimumGap + ") must not be longer than --etl-interval ("
                    + etlInterval + ")");
        }
        requireNonNull(etlTimeout, "etlTimeout is null");
        requireNonNull(sessionLifetime, "sessionLifetime is null");
        requireNonNull(signInLimits, "signInLimits is null");
        if (maxRequestBytes < 1024) {
            throw new IllegalArgumentException("maxRequestBytes must be at least 1024, was " + maxRequestBytes);
        }
        requireNonNull(mail, "mail is null");
        requireNonNull(admission, "admission is null");
    }

    /**
     * 30 s: every ETL run pays a fixed cost (JVM and Spark start, catalog read, publish: 15-20 s on the test node) and
     * after each publish this server loads the new snapshot and warms its caches on the same cores; a gap lets that
     * finish before the next Spark run competes for them, and caps runs at about two a minute under constant uploads
     * while adding at most 30 s to an upload's way into reports.
     */
    public static final Duration DEFAULT_ETL_MINIMUM_GAP = Duration.ofSeconds(30);

    public static WebConfig defaults(Path dataDirectory) {
        return new WebConfig(dataDirectory, "0.0.0.0", 7070, null, List.of(), Duration.ofMinutes(5), DEFAULT_ETL_MINIMUM_GAP, false, Duration.ofHours(2),
                Duration.ofHours(8), PasswordHasher.DEFAULT_COST, SignInLimiter.Limits.defaults(), null, 16L * 1024 * 1024,
                MailConfig.notConfigured(), Admission.defaults());
    }

    public WebConfig withPort(int newPort) {
        return new WebConfig(dataDirectory, host, newPort, tls, etlCommand, etlInterval, etlMinimumGap, etlAtServerTime, etlTimeout, sessionLifetime, bcryptCost,
                signInLimits, metricsToken, maxRequestBytes, mail, admission);
    }

    public WebConfig withHost(String newHost) {
        return new WebConfig(dataDirectory, newHost, port, tls, etlCommand, etlInterval, etlMinimumGap, etlAtServerTime, etlTimeout, sessionLifetime, bcryptCost,
                signInLimits, metricsToken, maxRequestBytes, mail, admission);
    }

    public WebConfig withTls(Tls newTls) {
        return new WebConfig(dataDirectory, host, port, newTls, etlCommand, etlInterval, etlMinimumGap, etlAtServerTime, etlTimeout, sessionLifetime, bcryptCost,
                signInLimits, metricsToken, maxRequestBytes, mail, admission);
    }

    /** The ETL command and interval; a minimum gap longer than a (non-zero) interval is shortened to it. */
    public WebConfig withEtl(List<String> command, Duration interval) {
        Duration gap = interval.isZero() || interval.isNegative() || etlMinimumGap.compareTo(interval) <= 0 ? etlMinimumGap : interval;
        return new WebConfig(dataDirectory, host, port, tls, command, interval, gap, etlAtServerTime, etlTimeout, sessionLifetime, bcryptCost,
                signInLimits, metricsToken, maxRequestBytes, mail, admission);
    }

    /** ETL runs evaluate as of this server's clock (a server on a simulated clock); see {@code etlAtServerTime}. */
    public WebConfig withEtlAtServerTime(boolean atServerTime) {
        return new WebConfig(dataDirectory, host, port, tls, etlCommand, etlInterval, etlMinimumGap, atServerTime, etlTimeout, sessionLifetime,
                bcryptCost, signInLimits, metricsToken, maxRequestBytes, mail, admission);
    }

    /** How long a sign-in lasts on the server's clock (default 8 hours). */
    public WebConfig withSessionLifetime(Duration lifetime) {
        if (lifetime.isNegative() || lifetime.isZero()) {
            throw new IllegalArgumentException("session lifetime must be positive, was " + lifetime);
        }
        return new WebConfig(dataDirectory, host, port, tls, etlCommand, etlInterval, etlMinimumGap, etlAtServerTime, etlTimeout, lifetime,
                bcryptCost, signInLimits, metricsToken, maxRequestBytes, mail, admission);
    }

    public WebConfig withEtlMinimumGap(Duration gap) {
        return new WebConfig(dataDirectory, host, port, tls, etlCommand, etlInterval, gap, etlAtServerTime, etlTimeout, sessionLifetime, bcryptCost,
                signInLimits, metricsToken, maxRequestBytes, mail, admission);
    }

    public WebConfig withSecurity(int newBcryptCost, SignInLimiter.Limits newLimits, String newMetricsToken) {
        return new WebConfig(dataDirectory, host, port, tls, etlCommand, etlInterval, etlMinimumGap, etlAtServerTime, etlTimeout, sessionLifetime, newBcryptCost,
                newLimits, newMetricsToken, maxRequestBytes, mail, admission);
    }

    public WebConfig withMail(MailConfig newMail) {
        return new WebConfig(dataDirectory, host, port, tls, etlCommand, etlInterval, etlMinimumGap, etlAtServerTime, etlTimeout, sessionLifetime, bcryptCost,
                signInLimits, metricsToken, maxRequestBytes, newMail, admission);
    }

    public WebConfig withAdmission(Admission newAdmission) {
        return new WebConfig(dataDirectory, host, port, tls, etlCommand, etlInterval, etlMinimumGap, etlAtServerTime, etlTimeout, sessionLifetime, bcryptCost,
                signInLimits, metricsToken, maxRequestBytes, mail, newAdmission);
    }

    public Path opsDirectory() {
        return dataDirectory.resolve("ops");
    }

    public Path landingDirectory() {
        return dataDirectory.resolve("landing");
    }

    public Path warehouseDirectory() {
        return dataDirectory.resolve("warehouse");
    }
}
