package org.patchlake.web;

import org.patchlake.ingest.IngestConfig;
import org.patchlake.ingest.IngestRoutes;
import org.patchlake.ingest.IngestService;
import org.patchlake.web.admin.IngestEnrollmentTokens;
import org.patchlake.web.metrics.MetricsToken;
import org.patchlake.web.metrics.QueryTimings;
import org.patchlake.web.auth.PasswordHasher;
import org.patchlake.web.auth.Role;
import org.patchlake.web.auth.Scope;
import org.patchlake.web.auth.SignInLimiter;
import org.patchlake.web.auth.User;
import org.patchlake.web.schedule.MailArguments;
import org.patchlake.reports.query.QueryLayer;
import org.patchlake.reports.query.Warehouse;
import org.patchlake.reports.sla.BusinessCalendar;
import org.patchlake.reports.jasper.ReportEngine;
import org.patchlake.web.warehouse.JasperExportService;
import org.patchlake.web.warehouse.WarehouseReportService;
import org.patchlake.web.store.AuditLog;
import org.patchlake.web.store.OpsDatabase;
import org.patchlake.web.store.UserStore;
import org.patchlake.web.remediation.DeferredPolicySource;
import org.patchlake.web.remediation.QueryLayerRemediationWarehouse;

import java.io.BufferedReader;
import java.io.Console;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * {@code ./patchlake serve [--data DIR] [--port N] [--host H] [--tls-cert PEM --tls-key PEM | --keystore P12]
 * [--etl-interval 5m|0] [--etl-command CMD] [--metrics-token T] [--smtp-host H ...]}: the web UI, the reports and the agent API on one
 * port. {@code ./patchlake serve --data DIR --create-admin NAME} creates the first administrator (password from
 * PATCHLAKE_ADMIN_PASSWORD or asked for) and exits.
 */
public final class ServeCommand {
    private ServeCommand() {
    }

    public static void main(String[] args) throws Exception {
        ServeArguments arguments;
        try {
            arguments = ServeArguments.parse(args, System.getenv(), System.getProperty("patchlake.home"));
        } catch (IllegalArgumentException e) {
            System.err.println("patchlake serve: " + e.getMessage());
            System.err.println(ServeArguments.USAGE);
            System.exit(2);
            return;
        }
        if (arguments.help()) {
            System.out.println(ServeArguments.USAGE);
            return;
        }
        if (arguments.createAdmin() != null) {
            System.exit(createAdmin(arguments.config(), arguments.createAdmin()));
            return;
        }
        Clock clock = Clock.systemUTC();
        WebServer server = assemble(arguments.config(), clock, publicUrl(System.getenv("PATCHLAKE_PUBLIC_URL")),
                ingest -> ingest.withMaxTimestampAhead(arguments.maxTimestampAhead()));
        Runtime.getRuntime().addShutdownHook(new Thread(server::close, "patchlake-shutdown"));
        int port = server.start();
        WebConfig config = arguments.config();
        if (server.services().users().count() == 0) {
            System.err.println("patchlake serve: no users yet; create the first administrator with: ./patchlake serve --data "
                    + config.dataDirectory() + " --create-admin NAME");
        }
        MetricsToken metrics = server.metricsToken();
        if (metrics.created()) {
            System.out.println("patchlake serve: /metrics needs Authorization: Bearer " + metrics.value() + " (created now and kept in "
                    + metrics.file() + " for Prometheus' credentials_file; shown once)");
        } else {
            System.err.println("patchlake serve: /metrics needs Authorization: Bearer <token> (" + (metrics.file() == null
                    ? "--metrics-token or PATCHLAKE_METRICS_TOKEN" : "the token in " + metrics.file()) + ")");
        }
        System.err.println("patchlake serve: listening on " + (config.tls() != null ? "https" : "http") + "://" + config.host() + ":"
                + port + " over " + config.dataDirectory().toAbsolutePath()
                + (config.etlCommand().isEmpty() ? " (ETL schedule off: no ETL command)"
                : config.etlInterval().isZero() ? " (ETL schedule off: --etl-interval 0; start runs from /jobs)"
                : " (ETL every " + config.etlInterval() + ", or " + config.etlMinimumGap()
                        + " after the previous run when uploads wait)"));
    }

    /**
     * The production wiring: the warehouse query layer (reports), the agent API and its token registry (ingest,
     * which owns enrollment tokens), the Jasper exports (reports).
     */
    public static WebServer assemble(WebConfig config, Clock clock) {
        return assemble(config, clock, null);
    }

    /** PATCHLAKE_PUBLIC_URL checked: an absolute http(s) address without query, trailing slashes dropped; null when unset. */
    public static String publicUrl(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            java.net.URI uri = new java.net.URI(value.trim());
            if (!("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) || uri.getHost() == null
                    || uri.getRawQuery() != null || uri.getRawFragment() != null) {
                throw new IllegalArgumentException("PATCHLAKE_PUBLIC_URL must be an absolute http(s) address such as "
                        + "https://patchlake.example.org, was '" + value + "'");
            }
            return value.trim().replaceAll("/+$", "");
        } catch (java.net.URISyntaxException e) {
            throw new IllegalArgumentException("PATCHLAKE_PUBLIC_URL is not an address: '" + value + "' (" + e.getReason() + ")");
        }
    }

    /**
     * @param publicUrl how agents and readers of downloaded or mailed reports reach this server (package downloads in
     *                  policies, drill-down links in exported files), e.g. {@code https://patchlake.example.com}; null:
     *                  agents use this server's own address and port, exported links stay relative
     */
    public static WebServer assemble(WebConfig config, Clock clock, String publicUrl) {
        return assemble(config, clock, publicUrl, UnaryOperator.identity());
    }

    /** The same wiring with ingest's configuration adjusted (the demo: agent settings, landing file roll). */
    public static WebServer assemble(WebConfig config, Clock clock, String publicUrl,
                                     UnaryOperator<IngestConfig> ingestAdjustments) {
        String publicBase = publicUrl == null ? null : publicUrl.replaceAll("/+$", "");
        QueryTimings timings = new QueryTimings();
        QueryLayer queries = new QueryLayer(Warehouse.open(config.warehouseDirectory()), BusinessCalendar.saturdaySunday(Set.of()), timings);
        DeferredPolicySource policies = new DeferredPolicySource();
        IngestConfig ingestConfig = ingestAdjustments.apply(IngestConfig.defaults(config.dataDirectory()).withPort(config.port()));
        IngestService ingest = IngestService.open(ingestConfig, policies, clock);
        WebServices.AgentApi agentApi = new WebServices.AgentApi() {
            @Override
            public void register(io.javalin.Javalin app) {
                IngestRoutes.register(app, ingest);
            }

            @Override
            public void close() {
                ingest.close();
            }

            @Override
            public void sealLanding() {
                ingest.sealLanding();
            }
        };
        WebServer.Edges edges = new WebServer.Edges(
                store -> WarehouseReportService.over(queries, store),
                reports -> new JasperExportService(queries, new ReportEngine(), clock, publicBase == null ? "" : publicBase),
                new IngestEnrollmentTokens(ingest), agentApi, queries::close, new QueryLayerRemediationWarehouse(queries));
        try {
            WebServer server = WebServer.assemble(config, edges, clock);
            timings.bind(server.services().metrics());
            policies.set(server.remediation().policySource(() -> publicBase != null ? publicBase
                    : (config.tls() != null ? "https" : "http") + "://" + (config.host().equals("0.0.0.0") || config.host().equals("::")
                    ? "127.0.0.1" : config.host()) + ":" + server.app().port()));
            return server;
        } catch (RuntimeException e) {
            ingest.close();
            queries.close();
            throw e;
        }
    }

    static int createAdmin(WebConfig config, String name) throws IOException {
        String password = System.getenv("PATCHLAKE_ADMIN_PASSWORD");
        if (password == null) {
            password = readPassword("Password for " + name + " (at least " + PasswordHasher.MINIMUM_LENGTH + " characters): ");
        }
        String weakness = PasswordHasher.weakness(password);
        if (weakness != null) {
            System.err.println("patchlake serve: password " + weakness);
            return 2;
        }
        Files.createDirectories(config.dataDirectory());
        try (OpsDatabase database = OpsDatabase.open(config.opsDirectory())) {
            Clock clock = Clock.systemUTC();
            UserStore users = new UserStore(database, clock);
            if (users.findByName(name).isPresent()) {
                System.err.println("patchlake serve: a user named '" + name + "' already exists");
                return 1;
            }
            User user = users.create(name, new UserStore.UserDetails(name, EnumSet.of(Role.PLATFORM_ADMIN, Role.SECURITY_ADMIN),
                    Scope.everything(), false, ZoneOffset.UTC), new PasswordHasher(config.bcryptCost()).hash(password));
            new AuditLog(database, clock, WebServer.json()).record("command-line", "user_created", "user:" + name, null, user, null);
            System.err.println("patchlake serve: created administrator '" + name + "' (platform and security administrator, all regions)");
            return 0;
        }
    }

    private static String readPassword(String prompt) throws IOException {
        Console console = System.console();
        if (console != null) {
            char[] chars = console.readPassword(prompt);
            return chars == null ? "" : new String(chars);
        }
        System.err.print(prompt);
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        String line = in.readLine();
        return line == null ? "" : line;
    }

    /** Parsed command line. */
    record ServeArguments(WebConfig config, String createAdmin, boolean help, Duration maxTimestampAhead) {
        static final String USAGE = """
                Usage: ./patchlake serve [--data DIR] [--port N] [--host ADDRESS]
                                         [--tls-cert CERT.pem --tls-key KEY.pem | --keystore FILE.p12 [--keystore-password P]]
                                         [--etl-interval 5m|30s|1h|0] [--etl-min-gap 30s] [--etl-command "CMD ARGS"]
                                         [--metrics-token TOKEN (default: DATA/ops/metrics-token, made at first start)]
                                         [--max-timestamp-ahead 24h (agent times later than server time + this are refused)]
                                         [--smtp-host H [--smtp-port N] [--smtp-security none|starttls|tls]
                                          [--smtp-user U (password from PATCHLAKE_SMTP_PASSWORD)] [--mail-from ADDRESS]
                                          [--smtp-trust-store FILE.p12 (password from PATCHLAKE_SMTP_TRUST_STORE_PASSWORD)]]
                       ./patchlake serve [--data DIR] --create-admin NAME   (password from PATCHLAKE_ADMIN_PASSWORD or prompted)
                Defaults: --data ./data --port 7070 --host 0.0.0.0 --etl-interval 5m --etl-min-gap 30s (ETL command: ./patchlake etl)
                ETL runs every --etl-interval after the previous run started, and once --etl-min-gap has passed since the
                previous run ended when agent uploads were acknowledged since that run began.""";

        static ServeArguments parse(String[] args, java.util.Map<String, String> environment, String patchlakeHome) {
            Path data = Path.of("data");
            int port = 7070;
            String host = "0.0.0.0";
            Path cert = null;
            Path key = null;
            Path keystore = null;
            String keystorePassword = environment.get("PATCHLAKE_KEYSTORE_PASSWORD");
            Duration interval = Duration.ofMinutes(5);
            Duration minimumGap = null;
            String etlCommand = null;
            String metricsToken = environment.get("PATCHLAKE_METRICS_TOKEN");
            String createAdmin = null;
            Duration maxTimestampAhead = IngestConfig.DEFAULT_MAX_TIMESTAMP_AHEAD;
            MailArguments mail = new MailArguments(environment);
            for (int i = 0; i < args.length; i++) {
                String flag = args[i];
                if (flag.equals("--help") || flag.equals("-h")) {
                    return new ServeArguments(WebConfig.defaults(data), null, true, IngestConfig.DEFAULT_MAX_TIMESTAMP_AHEAD);
                }
                if (i + 1 >= args.length) {
                    throw new IllegalArgumentException("unknown argument or missing value: " + flag);
                }
                String value = args[++i];
                switch (flag) {
                    case "--data" -> data = Path.of(value);
                    case "--port" -> port = parsePort(value);
                    case "--host" -> host = value;
                    case "--tls-cert" -> cert = Path.of(value);
                    case "--tls-key" -> key = Path.of(value);
                    case "--keystore" -> keystore = Path.of(value);
                    case "--keystore-password" -> keystorePassword = value;
                    case "--etl-interval" -> interval = parseDuration("--etl-interval", value);
                    case "--etl-min-gap" -> minimumGap = parseDuration("--etl-min-gap", value);
                    case "--etl-command" -> etlCommand = value;
                    case "--metrics-token" -> metricsToken = value;
                    case "--create-admin" -> createAdmin = value;
                    case "--max-timestamp-ahead" -> maxTimestampAhead = parseDuration("--max-timestamp-ahead", value);
                    default -> {
                        if (!mail.accept(flag, value)) {
                            throw new IllegalArgumentException("unknown argument: " + flag);
                        }
                    }
                }
            }
            if (metricsToken != null && metricsToken.length() < MetricsToken.MINIMUM_LENGTH) {
                throw new IllegalArgumentException("--metrics-token (or PATCHLAKE_METRICS_TOKEN) must be at least "
                        + MetricsToken.MINIMUM_LENGTH + " characters");
            }
            if (maxTimestampAhead.compareTo(Duration.ofDays(7)) > 0) {
                throw new IllegalArgumentException("--max-timestamp-ahead must be at most 168h (7 days), was " + maxTimestampAhead.toHours() + "h");
            }
            List<String> command;
            if (etlCommand != null) {
                command = etlCommand.isBlank() ? List.of() : List.of(etlCommand.trim().split("\\s+"));
            } else if (patchlakeHome != null && Files.isExecutable(Path.of(patchlakeHome, "patchlake"))) {
                command = List.of(Path.of(patchlakeHome, "patchlake").toString(), "etl");
            } else {
                command = List.of();
            }
            WebConfig.Tls tls = cert == null && key == null && keystore == null ? null : new WebConfig.Tls(cert, key, keystore, keystorePassword);
            WebConfig config = WebConfig.defaults(data).withPort(port).withHost(host).withTls(tls).withEtl(command, interval)
                    .withSecurity(PasswordHasher.DEFAULT_COST, SignInLimiter.Limits.defaults(), metricsToken).withMail(mail.config());
            if (minimumGap != null) {
                if (interval.isZero()) {
                    throw new IllegalArgumentException("--etl-min-gap needs a schedule: --etl-interval is 0 (ETL never runs on its own)");
                }
                if (minimumGap.isZero()) {
                    throw new IllegalArgumentException("--etl-min-gap must be at least 1s (the server loads each new snapshot "
                            + "between runs), was 0");
                }
                config = config.withEtlMinimumGap(minimumGap);
            }
            return new ServeArguments(config, createAdmin, false, maxTimestampAhead);
        }

        private static int parsePort(String value) {
            try {
                int port = Integer.parseInt(value);
                if (port < 0 || port > 65535) {
                    throw new IllegalArgumentException("--port must be 0..65535, was " + value);
                }
                return port;
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("--port is not a number: '" + value + "'");
            }
        }

        static Duration parseDuration(String flag, String value) {
            if (value.equals("0")) {
                return Duration.ZERO;
            }
            java.util.regex.Matcher m = java.util.regex.Pattern.compile("([0-9]{1,6})(s|m|h)").matcher(value);
            if (!m.matches()) {
                throw new IllegalArgumentException(flag + " must look like 30s, 5m, 1h or 0, was '" + value + "'");
            }
            long amount = Long.parseLong(m.group(1));
            return switch (m.group(2)) {
                case "s" -> Duration.ofSeconds(amount);
                case "m" -> Duration.ofMinutes(amount);
                default -> Duration.ofHours(amount);
            };
        }
    }
}
