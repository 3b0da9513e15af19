package org.patchlake.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.javalin.Javalin;
import org.patchlake.web.compliance.ComplianceAdministration;
import org.patchlake.web.enrollment.EnrollmentTokens;
import org.patchlake.web.users.UserAdministration;
import org.patchlake.web.auth.AuthService;
import org.patchlake.web.auth.PasswordHasher;
import org.patchlake.web.auth.SignInLimiter;
import org.patchlake.web.cache.CacheWarmer;
import org.patchlake.web.cache.CachedReportService;
import org.patchlake.web.cache.SnapshotCache;
import org.patchlake.web.events.EventLanding;
import org.patchlake.web.jobs.EtlRunner;
import org.patchlake.web.jobs.JobRunner;
import org.patchlake.web.metrics.Metrics;
import org.patchlake.web.metrics.MetricsToken;
import org.patchlake.web.remediation.Remediation;
import org.patchlake.web.remediation.RemediationWarehouse;
import org.patchlake.web.report.ExportService;
import org.patchlake.web.report.ReportService;
import org.patchlake.web.schedule.ScheduleService;
import org.patchlake.web.audit.AuditLog;
import org.patchlake.web.compliance.ComplianceStore;
import org.patchlake.web.database.OpsDatabase;
import org.patchlake.web.auth.SessionStore;
import org.patchlake.web.users.UserStore;

import org.patchlake.web.mail.MailOutbox;

import java.net.InetAddress;
import java.util.Optional;
import java.time.Clock;
import java.util.function.Function;

import static java.util.Objects.requireNonNull;

/**
 * The assembled server: opens the operational store, wires the services and the Javalin app, and closes
 * everything in order. The report, export and token services and the agent API come from outside (reports and
 * ingest modules, or test fakes at those edges).
 */
public final class WebServer implements AutoCloseable {
    /** The parts owned by other modules. */
    public record Edges(Function<ComplianceStore, ReportService> reports, Function<ReportService, ExportService> exports, EnrollmentTokens tokens,
                        WebServices.AgentApi agentApi, Runnable onClose, RemediationWarehouse remediationWarehouse,
                        Optional<MailOutbox> mailOutbox) {
        public Edges {
            requireNonNull(mailOutbox, "mailOutbox is null");
            requireNonNull(remediationWarehouse, "remediationWarehouse is null");
            requireNonNull(onClose, "onClose is null");
            requireNonNull(reports, "reports is null");
            requireNonNull(exports, "exports is null");
            requireNonNull(tokens, "tokens is null");
            requireNonNull(agentApi, "agentApi is null");
        }

        /** Without a warehouse for remediation (it then refuses to create policies). */
        public Edges(Function<ComplianceStore, ReportService> reports, Function<ReportService, ExportService> exports, EnrollmentTokens tokens,
                     WebServices.AgentApi agentApi, Runnable onClose) {
            this(reports, exports, tokens, agentApi, onClose, RemediationWarehouse.none());
        }

        /** With a warehouse for remediation and without a mail outbox. */
        public Edges(Function<ComplianceStore, ReportService> reports, Function<ReportService, ExportService> exports, EnrollmentTokens tokens,
                     WebServices.AgentApi agentApi, Runnable onClose, RemediationWarehouse remediationWarehouse) {
            this(reports, exports, tokens, agentApi, onClose, remediationWarehouse, Optional.empty());
        }

        /** The same edges with the mails of an SMTP server running beside this one shown at {@code /mail}. */
        public Edges withMailOutbox(MailOutbox outbox) {
            return new Edges(reports, exports, tokens, agentApi, onClose, remediationWarehouse, Optional.of(outbox));
        }
    }

    /** The report cache's budget in table cells (a cell is a few dozen bytes: about 150 MB). */
    private static final long REPORT_CACHE_CELLS = 4_000_000;
    private static final java.time.Duration CACHE_WARM_INTERVAL = java.time.Duration.ofSeconds(5);

    private final WebConfig config;
    private final OpsDatabase database;
    private final WebServices services;
    private final Javalin app;
    private final Runnable onClose;
    private final CacheWarmer warmer;
    private final Remediation remediation;
    private final MetricsToken metricsToken;

    private WebServer(WebConfig config, OpsDatabase database, WebServices services, CacheWarmer warmer, Runnable onClose,
                      Remediation remediation, MetricsToken metricsToken) {
        this.config = config;
        this.metricsToken = metricsToken;
        this.database = database;
        this.services = services;
        this.warmer = warmer;
        this.onClose = onClose;
        this.remediation = remediation;
        this.app = WebApp.create(config, services);
        remediation.register(app);
    }

    public static ObjectMapper json() {
        return new ObjectMapper().registerModule(new JavaTimeModule())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
    }

    /** Assembles the server (not yet listening). */
    public static WebServer assemble(WebConfig given, Edges edges, Clock clock) {
        MetricsToken metricsToken = MetricsToken.resolve(given.metricsToken(), given.opsDirectory(), new java.security.SecureRandom());
        WebConfig config = given.withSecurity(given.bcryptCost(), given.signInLimits(), metricsToken.value());
        OpsDatabase database = OpsDatabase.open(config.opsDirectory());
        try {
            ObjectMapper json = json();
            AuditLog audit = new AuditLog(database, clock, json);
            UserStore users = new UserStore(database, clock);
            SessionStore sessions = new SessionStore(database, clock, config.sessionLifetime());
            sessions.deleteExpired();
            PasswordHasher hasher = new PasswordHasher(config.bcryptCost());
            AuthService auth = new AuthService(users, sessions, hasher, new SignInLimiter(config.signInLimits(), clock), audit);
            EventLanding events = new EventLanding(config.landingDirectory(), "web-" + hostName(), clock, json);
            ComplianceStore complianceStore = new ComplianceStore(database, json);
            ComplianceAdministration compliance = new ComplianceAdministration(complianceStore, audit, events, clock);
            Metrics metrics = new Metrics();
            SnapshotCache cache = new SnapshotCache(REPORT_CACHE_CELLS, config.admission().reports(), config.admission().drillDowns(),
                    metrics);
            ReportService reports = new CachedReportService(edges.reports().apply(complianceStore), cache,
                    complianceStore::settingsVersion);
            JobRunner jobs = new JobRunner(clock);
            EtlRunner etl = new EtlRunner(config.etlCommand(), config.dataDirectory(), config.etlTimeout(), jobs, metrics,
                    edges.agentApi()::sealLanding, config.etlAtServerTime() ? clock : null);
            ExportService exports = edges.exports().apply(reports);
            ScheduleService schedules = new ScheduleService(database, config.mail(), users, reports, exports, audit, metrics, clock);
            WebServices services = new WebServices(clock, json, auth, users, new UserAdministration(users, sessions, hasher, audit,
                    new org.patchlake.web.users.RoleGrants(scope -> sitesOf(reports, scope))),
                    compliance, edges.tokens(), reports, exports, jobs, etl, metrics, audit,
                    edges.agentApi(), schedules, edges.mailOutbox());
            Remediation remediation = Remediation.create(database, edges.remediationWarehouse(), audit, events, clock, json,
                    config.dataDirectory().resolve("packages"));
            return new WebServer(config, database, services, new CacheWarmer(reports, cache, users::all, metrics,
                    config.admission().warmReportPages()), edges.onClose(),
                    remediation, metricsToken);
        } catch (RuntimeException e) {
            database.close();
            throw e;
        }
    }

    /** The sites a scope covers in the current snapshot; none without one (a site then counts only where it is named). */
    private static java.util.List<String> sitesOf(ReportService reports, org.patchlake.web.auth.Scope scope) {
        try {
            return reports.sites(scope);
        } catch (ReportService.NoSnapshotException | UnsupportedOperationException noWarehouse) {
            return java.util.List.of();
        }
    }

    private static String hostName() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (Exception e) {
            return "localhost";
        }
    }

    /** Starts listening and the ETL schedule; returns the port (useful with port 0). */
    public int start() {
        if (config.tls() != null) {
            app.start();
        } else {
            app.start(config.host(), config.port());
        }
        services.etl().schedule(config.etlInterval(), config.etlMinimumGap());
        services.schedules().start();
        warmer.start(CACHE_WARM_INTERVAL);
        return app.port();
    }

    public WebServices services() {
        return services;
    }

    /** The bearer token {@code /metrics} asks for, and where it is kept. */
    public MetricsToken metricsToken() {
        return metricsToken;
    }

    /** Remediation: its policy source is what ingest serves agents at check-in. */
    public Remediation remediation() {
        return remediation;
    }

    public Javalin app() {
        return app;
    }

    @Override
    public void close() {
        services.schedules().close();
        warmer.close();
        services.etl().close();
        app.stop();
        services.agentApi().close();
        try {
            services.jobs().close();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        database.close();
        onClose.run();
    }
}
