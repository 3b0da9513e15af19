package org.patchlake.web;

import org.patchlake.cli.CommandMain;
import org.patchlake.cli.Commands;
import org.patchlake.cli.HelpOption;
import org.patchlake.core.protocol.AgentSettings;
import org.patchlake.ingest.IngestConfig;
import org.patchlake.ingest.IngestRoutes;
import org.patchlake.ingest.IngestService;
import org.patchlake.reports.jasper.ReportEngine;
import org.patchlake.reports.query.QueryLayer;
import org.patchlake.reports.query.Warehouse;
import org.patchlake.reports.sla.BusinessCalendar;
import org.patchlake.web.audit.AuditLog;
import org.patchlake.web.auth.PasswordHasher;
import org.patchlake.web.auth.Role;
import org.patchlake.web.auth.Scope;
import org.patchlake.web.auth.SignInLimiter;
import org.patchlake.web.auth.User;
import org.patchlake.web.database.OpsDatabase;
import org.patchlake.web.enrollment.IngestEnrollmentTokens;
import org.patchlake.web.metrics.MetricsToken;
import org.patchlake.web.metrics.QueryTimings;
import org.patchlake.web.remediation.DeferredPolicySource;
import org.patchlake.web.remediation.QueryLayerRemediationWarehouse;
import org.patchlake.web.schedule.MailArguments;
import org.patchlake.web.users.UserStore;
import org.patchlake.web.warehouse.JasperExportService;
import org.patchlake.web.warehouse.WarehouseReportService;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine;

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
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.function.UnaryOperator;

/**
 * {@code ./patchlake serve [--data DIR] [--port N] [--host H] [--tls-cert PEM --tls-key PEM | --keystore P12]
 * [--etl-interval 5m|0] [--etl-command CMD] [--metrics-token T] [--smtp-host H ...]}: the web UI, the reports and the agent API on one
 * port. {@code ./patchlake serve --data DIR --create-admin NAME} creates the first administrator (password from
 * PATCHLAKE_ADMIN_PASSWORD or asked for) and exits.
 */
@Command(name = Commands.SERVE, description = Commands.SERVE_SUMMARY, sortOptions = false, footer = {
        "ETL runs every --etl-interval after the previous run started, and once --etl-min-gap has passed since the previous",
        "run ended when agent uploads were acknowledged since that run began (ETL command: ./patchlake etl).",
        "Environment: PATCHLAKE_ADMIN_PASSWORD, PATCHLAKE_KEYSTORE_PASSWORD, PATCHLAKE_METRICS_TOKEN, PATCHLAKE_PUBLIC_URL,",
        "PATCHLAKE_SMTP_HOST, PATCHLAKE_SMTP_USER, PATCHLAKE_SMTP_PASSWORD, PATCHLAKE_SMTP_TRUST_STORE_PASSWORD."})
public final class ServeCommand implements Callable<Integer> {
    @Mixin
    HelpOption help;

    @Mixin
    ServeOptions options;

    private final Map<String, String> environment;
    private final String patchlakeHome;

    public ServeCommand() {
        this(System.getenv(), System.getProperty("patchlake.home"));
    }

    ServeCommand(Map<String, String> environment, String patchlakeHome) {
        this.environment = environment;
        this.patchlakeHome = patchlakeHome;
    }

    public static void main(String[] args) {
        // the server's threads keep the process alive once call() returns
        CommandMain.exitOnFailure(Commands.SERVE, new ServeCommand(), args);
    }

    @Override
    public Integer call() throws Exception {
        ServeArguments arguments = options.arguments(environment, patchlakeHome);
        if (arguments.createAdmin() != null) {
            return createAdmin(arguments.config(), arguments.createAdmin());
        }
        Clock clock = Clock.systemUTC();
        WebServer server = assemble(arguments.config(), clock, publicUrl(System.getenv("PATCHLAKE_PUBLIC_URL")),
                ingest -> arguments.ingest(ingest));
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
        return 0;
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
        return assemble(config, clock, publicUrl, ingestAdjustments, null);
    }

    /**
     * The same wiring; {@code mailOutbox}: the SMTP server running beside this one (the demo's), whose mails the server
     * shows at {@code /mail}; null: none (mail goes to a relay that keeps nothing for us, and there is no such page).
     */
    public static WebServer assemble(WebConfig config, Clock clock, String publicUrl,
                                     UnaryOperator<IngestConfig> ingestAdjustments, org.patchlake.web.mail.MailOutbox mailOutbox) {
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
                reports -> JasperExportService.over(queries, reports, new ReportEngine(), clock, publicBase == null ? "" : publicBase),
                new IngestEnrollmentTokens(ingest), agentApi, queries::close, new QueryLayerRemediationWarehouse(queries));
        if (mailOutbox != null) {
            edges = edges.withMailOutbox(mailOutbox);
        }
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
    record ServeArguments(WebConfig config, String createAdmin, Duration maxTimestampAhead, String offlineScanFile) {
        /** The agent API's configuration with the time bound and the agents' offline scan file given on the command line. */
        IngestConfig ingest(IngestConfig defaults) {
            IngestConfig ingest = defaults.withMaxTimestampAhead(maxTimestampAhead);
            if (offlineScanFile == null) {
                return ingest;
            }
            AgentSettings settings = ingest.agentSettings();
            return ingest.withAgentSettings(new AgentSettings(settings.scanIntervalMinutes(), settings.checkInIntervalMinutes(),
                    settings.stalenessDays(), offlineScanFile));
        }

        /** Parses a command line (as after {@code ./patchlake serve}); throws naming the option that is wrong. */
        static ServeArguments parse(String[] args, Map<String, String> environment, String patchlakeHome) {
            ServeCommand command = new ServeCommand(environment, patchlakeHome);
            new CommandLine(command).parseArgs(args);
            return command.options.arguments(environment, patchlakeHome);
        }

        static ServeArguments of(ServeOptions options, Map<String, String> environment, String patchlakeHome) {
            String keystorePassword = options.keystorePassword != null ? options.keystorePassword
                    : environment.get("PATCHLAKE_KEYSTORE_PASSWORD");
            String metricsToken = options.metricsToken != null ? options.metricsToken : environment.get("PATCHLAKE_METRICS_TOKEN");
            Duration interval = parseDuration("--etl-interval", options.etlInterval);
            Duration minimumGap = options.etlMinimumGap == null ? null : parseDuration("--etl-min-gap", options.etlMinimumGap);
            Duration maxTimestampAhead = options.maxTimestampAhead == null ? IngestConfig.DEFAULT_MAX_TIMESTAMP_AHEAD
                    : parseDuration("--max-timestamp-ahead", options.maxTimestampAhead);
            MailArguments mail = new MailArguments(environment);
            options.mail.forEach((flag, value) -> {
                if (!mail.accept(flag, value)) {
                    throw new IllegalStateException("mail option " + flag + " is not known to MailArguments");
                }
            });
            int port = parsePort(options.port);
            String etlCommand = options.etlCommand;
            Path cert = options.tlsCert;
            Path key = options.tlsKey;
            Path keystore = options.keystore;
            Path data = options.data;
            String host = options.host;
            String createAdmin = options.createAdmin;
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
                // the ETL quarantines agent times past the same bound ingest refuses (lines landed before a change)
                command = List.of(Path.of(patchlakeHome, "patchlake").toString(), "etl", "--max-timestamp-ahead",
                        maxTimestampAhead.toSeconds() + "s");
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
            return new ServeArguments(config, createAdmin, maxTimestampAhead, options.offlineScanFile);
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
