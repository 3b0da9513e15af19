package org.patchlake.web;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.patchlake.web.auth.PasswordHasher;
import org.patchlake.web.auth.Role;
import org.patchlake.web.auth.Scope;
import org.patchlake.web.auth.User;
import org.patchlake.web.audit.AuditLog;
import org.patchlake.web.users.UserStore;
import org.patchlake.web.support.TestClient;
import org.patchlake.web.support.TestServer;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Who may grant which role (DESIGN.md): platform administrators manage users and the platform role; only a security
 * administrator grants compliance roles and scopes, within its own scope; nobody widens their own roles or regions.
 * The whole matrix: every granter role x every granted role x self or another user x regions widened or not.
 */
class RoleGrantsTest {
    private static final Set<Role> COMPLIANCE = EnumSet.of(Role.SECURITY_ADMIN, Role.REGIONAL_MANAGER, Role.IT_ADMIN, Role.EXECUTIVE);
    /** Granter -> the roles it may give or take away, written out (not computed) so that the rules are stated here. */
    private static final Map<String, Set<Role>> GRANTABLE = Map.of(
            "sec", COMPLIANCE, "sec-eu", COMPLIANCE, "plat", EnumSet.of(Role.PLATFORM_ADMIN), "both", EnumSet.allOf(Role.class),
            "rm-eu", Set.of(), "it-na", Set.of(), "exec", Set.of());
    private static final Set<String> SECURITY_ADMINISTRATORS = Set.of("sec", "sec-eu", "both");
    private static final Set<String> SCOPED = Set.of("sec-eu", "rm-eu", "it-na");

    @TempDir
    static Path data;
    static TestServer server;
    static final Map<String, TestClient> clients = new LinkedHashMap<>();
    static final AtomicInteger targets = new AtomicInteger();

    @BeforeAll
    static void start() {
        server = new TestServer(data);
        String hash = new PasswordHasher(4).hash(TestServer.PASSWORD);
        users().create("both", details("Bo Both", EnumSet.of(Role.PLATFORM_ADMIN, Role.SECURITY_ADMIN), Scope.everything()), hash);
        users().create("sec-eu", details("Sue Security", EnumSet.of(Role.SECURITY_ADMIN), Scope.of(Set.of("EU"), Set.of())), hash);
        for (String granter : GRANTABLE.keySet()) {
            clients.put(granter, server.signedIn(granter));
        }
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void every_granter_role_granting_every_role_to_itself_or_another_with_or_without_wider_regions() {
        List<String> wrong = new ArrayList<>();
        for (String granter : GRANTABLE.keySet()) {
            for (Role role : Role.values()) {
                for (boolean self : List.of(false, true)) {
                    for (boolean widen : List.of(false, true)) {
                        String outcome = grant(granter, role, self, widen);
                        if (outcome != null) {
                            wrong.add(granter + " grants " + role.key() + " to " + (self ? "itself" : "another user")
                                    + (widen ? " with regions widened" : "") + ": " + outcome);
                        }
                    }
                }
            }
        }
        assertThat(wrong).isEmpty();
    }

    /** Null when the answer and the stored user are as the rules say; otherwise what went wrong. */
    private static String grant(String granter, Role role, boolean self, boolean widen) {
        User before = self ? users().findByName(granter).orElseThrow() : newTarget();
        Set<Role> roles = EnumSet.copyOf(before.roles());
        roles.add(role);
        Scope scope = before.scope().allRegions() || !widen ? before.scope()
                : Scope.of(union(before.scope().regions(), "NA"), before.scope().sites());
        boolean adds = !before.roles().contains(role);
        boolean widens = !scope.equals(before.scope());
        boolean allowed;
        if (!GRANTABLE.containsKey(granter) || !(GRANTABLE.get(granter).contains(Role.PLATFORM_ADMIN)
                || GRANTABLE.get(granter).contains(Role.SECURITY_ADMIN))) {
            allowed = false; // may not administer users at all
        } else if (self) {
            allowed = !adds && !widens;
        } else {
            // the other user is a regional manager of EU: changing its regions is a security administrator's grant,
            // and only within the granter's own scope
            allowed = (!adds || GRANTABLE.get(granter).contains(role))
                    && (!widens || SECURITY_ADMINISTRATORS.contains(granter) && !SCOPED.contains(granter));
        }
        Map<String, String> form = new LinkedHashMap<>();
        form.put("displayName", before.displayName());
        form.put("regions", String.join(", ", scope.regions()));
        form.put("sites", String.join(", ", scope.sites()));
        form.put("timeZone", "UTC");
        if (scope.allRegions()) {
            form.put("allRegions", "true");
        }
        String body = form.entrySet().stream().map(e -> enc(e.getKey()) + "=" + enc(e.getValue())).collect(Collectors.joining("&"))
                + roles.stream().map(r -> "&roles=" + r.key()).collect(Collectors.joining());
        TestClient client = clients.get(granter);
        HttpResponse<String> response = client.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(server.url("/admin/users/"
                        + before.id()))).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString(body + "&_csrf=" + enc(client.csrf()))).build());
        User after = users().findById(before.id()).orElseThrow();
        if (self) {
            users().update(before.id(), details(before.displayName(), before.roles(), before.scope())); // as it was, for the next case
        }
        int expected = allowed ? 302 : 403;
        if (response.statusCode() != expected) {
            return "answered " + response.statusCode() + ", expected " + expected + " (" + response.body().replaceAll("\\s+", " ")
                    .replaceAll(".*\"message\":\"([^\"]*)\".*", "$1") + ")";
        }
        Set<Role> expectedRoles = allowed ? roles : before.roles();
        Scope expectedScope = allowed ? scope : before.scope();
        if (!after.roles().equals(expectedRoles) || !after.scope().equals(expectedScope)) {
            return "stored " + after.roles() + " " + after.scope().describe() + ", expected " + expectedRoles + " " + expectedScope.describe();
        }
        return null;
    }

    @Test
    void a_platform_administrator_cannot_make_itself_a_security_and_it_administrator_of_every_region() {
        TestClient platform = clients.get("plat");
        User plat = users().findByName("plat").orElseThrow();
        assertThat(platform.get("/api/v1/reports/compliance-by-bulletin").statusCode()).isEqualTo(403);

        HttpResponse<String> escalation = platform.post("/admin/users/" + plat.id(), Map.of("displayName", "Pat Platform",
                "allRegions", "true", "timeZone", "UTC", "roles", "platform_admin"));
        HttpResponse<String> withRoles = platform.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(server.url("/admin/users/"
                        + plat.id()))).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString("displayName=Pat&allRegions=true&timeZone=UTC&roles=platform_admin"
                        + "&roles=security_admin&roles=it_admin&_csrf=" + enc(platform.csrf()))).build());

        assertThat(escalation.statusCode()).as("the same grant as before: no change").isEqualTo(302);
        assertThat(withRoles.statusCode()).isEqualTo(403);
        assertThat(withRoles.body()).contains("you cannot give yourself roles (it_admin, security_admin)");
        assertThat(users().findByName("plat").orElseThrow().roles()).containsExactly(Role.PLATFORM_ADMIN);
        assertThat(platform.get("/api/v1/reports/compliance-by-bulletin").statusCode()).isEqualTo(403);
        assertThat(audit("grant_refused")).anySatisfy(entry -> {
            assertThat(entry.actor()).isEqualTo("plat");
            assertThat(entry.target()).isEqualTo("user:plat");
            assertThat(entry.after()).contains("security_admin", "you cannot give yourself roles");
        });
    }

    @Test
    void a_platform_administrator_cannot_grant_compliance_roles_to_a_user_it_creates() {
        HttpResponse<String> created = clients.get("plat").post("/admin/users", Map.of("name", "newcomer", "password", "a long enough password",
                "displayName", "New Comer", "regions", "EU", "timeZone", "UTC", "roles", "regional_manager"));
        assertThat(created.statusCode()).isEqualTo(403);
        assertThat(created.body()).contains("only a security administrator grants or takes away the compliance roles (regional_manager)");
        assertThat(users().findByName("newcomer")).isEmpty();
        HttpResponse<String> byScoped = clients.get("sec-eu").post("/admin/users", Map.of("name", "newcomer", "password",
                "a long enough password", "displayName", "New Comer", "regions", "NA", "timeZone", "UTC", "roles", "it_admin"));
        assertThat(byScoped.statusCode()).isEqualTo(403);
        assertThat(byScoped.body()).contains("the scope regions NA is wider than your own (regions EU)");
        HttpResponse<String> bySecurity = clients.get("sec-eu").post("/admin/users", Map.of("name", "newcomer", "password",
                "a long enough password", "displayName", "New Comer", "regions", "EU", "timeZone", "UTC", "roles", "it_admin"));
        assertThat(bySecurity.statusCode()).isEqualTo(302);
        assertThat(users().findByName("newcomer").orElseThrow().roles()).containsExactly(Role.IT_ADMIN);
    }

    @Test
    void every_grant_is_audited_with_who_when_and_before_and_after() {
        User target = newTarget();
        HttpResponse<String> granted = clients.get("sec").post("/admin/users/" + target.id(), Map.of("displayName", target.displayName(),
                "regions", "EU, NA", "timeZone", "UTC", "roles", "it_admin"));
        assertThat(granted.statusCode()).isEqualTo(302);

        AuditLog.Entry entry = audit("grant_changed").stream().filter(e -> e.target().equals("user:" + target.name())).findFirst().orElseThrow();
        assertThat(entry.actor()).isEqualTo("sec");
        assertThat(entry.at()).isNotNull();
        assertThat(entry.before()).contains("\"roles\":[\"REGIONAL_MANAGER\"]", "\"regions\":[\"EU\"]");
        assertThat(entry.after()).contains("\"roles\":[\"IT_ADMIN\"]", "\"NA\"");
    }

    @Test
    void a_password_reset_needs_every_role_of_the_user_whose_account_it_hands_over() {
        User security = users().findByName("sec").orElseThrow();
        HttpResponse<String> byPlatform = clients.get("plat").post("/admin/users/" + security.id() + "/password",
                Map.of("password", "another long password"));
        assertThat(byPlatform.statusCode()).isEqualTo(403);
        assertThat(byPlatform.body()).contains("holds roles you do not (security_admin)");
        assertThat(server.client().signIn("sec", TestServer.PASSWORD)).isEqualTo(302);

        User platformPeer = users().create("plat2", details("Pia Platform", EnumSet.of(Role.PLATFORM_ADMIN), Scope.everything()),
                new PasswordHasher(4).hash(TestServer.PASSWORD));
        assertThat(clients.get("plat").post("/admin/users/" + platformPeer.id() + "/password",
                Map.of("password", "another long password")).statusCode()).isEqualTo(302);
        assertThat(server.client().signIn("plat2", "another long password")).isEqualTo(302);
    }

    @Test
    void security_administrators_open_user_administration_and_see_only_the_roles_they_grant_as_choices() {
        String page = clients.get("sec").getHtml("/admin/users").body();
        assertThat(page).contains("value=\"regional_manager\">", "value=\"platform_admin\" disabled>");
        assertThat(clients.get("plat").getHtml("/admin/users").body()).contains("value=\"platform_admin\">",
                "value=\"security_admin\" disabled>");
        assertThat(clients.get("rm-eu").get("/admin/users").statusCode()).isEqualTo(403);
    }

    private static User newTarget() {
        return users().create("target-" + targets.incrementAndGet(), details("Target", EnumSet.of(Role.REGIONAL_MANAGER),
                Scope.of(Set.of("EU"), Set.of())), new PasswordHasher(4).hash(TestServer.PASSWORD));
    }

    private static List<AuditLog.Entry> audit(String action) {
        return server.server().services().audit().recent(10_000).stream().filter(e -> e.action().equals(action)).toList();
    }

    private static UserStore users() {
        return server.server().services().users();
    }

    private static UserStore.UserDetails details(String name, Set<Role> roles, Scope scope) {
        return new UserStore.UserDetails(name, roles, scope, false, ZoneOffset.UTC);
    }

    private static Set<String> union(Set<String> values, String extra) {
        Set<String> all = new java.util.TreeSet<>(values);
        all.add(extra);
        return all;
    }

    private static String enc(String value) {
        return java.net.URLEncoder.encode(value, java.nio.charset.StandardCharsets.UTF_8);
    }
}
