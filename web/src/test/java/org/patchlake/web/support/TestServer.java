package org.patchlake.web.support;

import org.patchlake.web.WebConfig;
import org.patchlake.web.WebServer;
import org.patchlake.web.WebServices;
import org.patchlake.web.enrollment.EnrollmentTokens;
import org.patchlake.web.auth.Role;
import org.patchlake.web.auth.Scope;
import org.patchlake.web.auth.SignInLimiter;
import org.patchlake.web.report.CsvExportService;
import org.patchlake.web.report.ReportService;
import org.patchlake.web.users.UserStore;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * A real server on port 0 over a temporary data directory with one user per role, for route-level tests.
 * Users: sec (security admin, all regions), rm-eu (regional manager, EU), it-na (IT admin, NA),
 * it-berlin (IT admin, site Berlin only), exec (executive), plat (platform admin). Password: {@link #PASSWORD}.
 */
public final class TestServer implements AutoCloseable {
    public static final String PASSWORD = "correct horse battery";
    public static final List<String> USERS = List.of("sec", "rm-eu", "it-na", "it-berlin", "exec", "plat");

    private final WebServer server;
    private final int port;
    private final Path data;

    public TestServer(Path data, SignInLimiter.Limits limits, List<String> etlCommand, ReportService reports) {
        this(data, limits, etlCommand, store -> reports);
    }

    public TestServer(Path data, SignInLimiter.Limits limits, List<String> etlCommand,
                      java.util.function.Function<org.patchlake.web.compliance.ComplianceStore, ReportService> reports) {
        this(data, limits, etlCommand, reports, r -> new CsvExportService(r, Clock.systemUTC()));
    }

    public TestServer(Path data, SignInLimiter.Limits limits, List<String> etlCommand,
                      java.util.function.Function<org.patchlake.web.compliance.ComplianceStore, ReportService> reports,
                      java.util.function.Function<ReportService, org.patchlake.web.report.ExportService> exports) {
        this(data, limits, etlCommand, reports, exports, org.patchlake.web.remediation.RemediationWarehouse.none());
    }

    /** With the warehouse remediation resolves report rows against. */
    public TestServer(Path data, SignInLimiter.Limits limits, List<String> etlCommand,
                      java.util.function.Function<org.patchlake.web.compliance.ComplianceStore, ReportService> reports,
                      java.util.function.Function<ReportService, org.patchlake.web.report.ExportService> exports,
                      org.patchlake.web.remediation.RemediationWarehouse remediation) {
        this(data, limits, etlCommand, reports, exports, remediation, java.util.function.UnaryOperator.identity(), Clock.systemUTC());
    }

    /** With a changed configuration (e.g. mail) and a clock the test drives. */
    public TestServer(Path data, SignInLimiter.Limits limits, List<String> etlCommand,
                      java.util.function.Function<org.patchlake.web.compliance.ComplianceStore, ReportService> reports,
                      java.util.function.Function<ReportService, org.patchlake.web.report.ExportService> exports,
                      java.util.function.UnaryOperator<WebConfig> configure, Clock clock) {
        this(data, limits, etlCommand, reports, exports, org.patchlake.web.remediation.RemediationWarehouse.none(), configure, clock);
    }

    private TestServer(Path data, SignInLimiter.Limits limits, List<String> etlCommand,
                       java.util.function.Function<org.patchlake.web.compliance.ComplianceStore, ReportService> reports,
                       java.util.function.Function<ReportService, org.patchlake.web.report.ExportService> exports,
                       org.patchlake.web.remediation.RemediationWarehouse remediation,
                       java.util.function.UnaryOperator<WebConfig> configure, Clock clock) {
        this.data = data;
        WebConfig config = configure.apply(WebConfig.defaults(data).withHost("127.0.0.1").withPort(0)
                .withEtl(etlCommand, Duration.ZERO).withSecurity(4, limits, null));
        server = WebServer.assemble(config, new WebServer.Edges(reports, exports,
                new EnrollmentTokens.Unavailable(), WebServices.AgentApi.NONE, () -> { }, remediation), clock);
        UserStore users = server.services().users();
        String hash = new org.patchlake.web.auth.PasswordHasher(4).hash(PASSWORD);
        users.create("sec", details("Sam Security", EnumSet.of(Role.SECURITY_ADMIN), Scope.everything()), hash);
        users.create("rm-eu", details("Rita Regional", EnumSet.of(Role.REGIONAL_MANAGER), Scope.of(Set.of("EU"), Set.of())), hash);
        users.create("it-na", details("Ian Admin", EnumSet.of(Role.IT_ADMIN), Scope.of(Set.of("NA"), Set.of())), hash);
        users.create("it-berlin", details("Bea Berlin", EnumSet.of(Role.IT_ADMIN), Scope.of(Set.of(), Set.of("Berlin"))), hash);
        users.create("exec", details("Eve Executive", EnumSet.of(Role.EXECUTIVE), Scope.everything()), hash);
        users.create("plat", details("Pat Platform", EnumSet.of(Role.PLATFORM_ADMIN), Scope.everything()), hash);
        port = server.start();
    }

    public TestServer(Path data) {
        this(data, SignInLimiter.Limits.defaults(), List.of(), new InMemoryReportService());
    }

    private static UserStore.UserDetails details(String name, Set<Role> roles, Scope scope) {
        return new UserStore.UserDetails(name, roles, scope, false, ZoneId.of("UTC"));
    }

    public String url(String path) {
        return "http://127.0.0.1:" + port + path;
    }

    public int port() {
        return port;
    }

    public Path data() {
        return data;
    }

    public WebServer server() {
        return server;
    }

    public TestClient client() {
        return new TestClient(this);
    }

    public TestClient signedIn(String user) {
        TestClient client = client();
        int status = client.signIn(user, PASSWORD);
        if (status != 302) {
            throw new IllegalStateException("sign-in of " + user + " answered " + status);
        }
        return client;
    }

    @Override
    public void close() {
        server.close();
    }
}
