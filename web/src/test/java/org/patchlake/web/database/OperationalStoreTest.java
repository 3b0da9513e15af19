package org.patchlake.web.database;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.patchlake.web.WebServer;
import org.patchlake.web.audit.AuditLog;
import org.patchlake.web.auth.SessionStore;
import org.patchlake.web.compliance.ComplianceAdministration;
import org.patchlake.web.compliance.ComplianceException;
import org.patchlake.web.compliance.ComplianceStore;
import org.patchlake.web.compliance.SlaPolicy;
import org.patchlake.web.events.EventLanding;
import org.patchlake.web.http.WebException;
import org.patchlake.web.users.UserStore;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class OperationalStoreTest {
    @TempDir
    Path data;
    final Clock clock = Clock.fixed(Instant.parse("2026-11-21T10:00:00Z"), ZoneOffset.UTC);
    final ObjectMapper json = WebServer.json();

    @Test
    void migrations_run_once_and_reopening_keeps_the_data() {
        try (OpsDatabase database = OpsDatabase.open(data.resolve("ops"))) {
            assertThat(database.schemaVersion()).isEqualTo(database.latestMigration()).isEqualTo(4);
            assertThat(new ComplianceStore(database, json).slaPolicies()).extracting(SlaPolicy::name)
                    .contains("Critical: 91 % in 72 h, 97 % in 4 w, 99 % in 6 mo", "Critical: 87 % in 3 business days");
        }
        try (OpsDatabase database = OpsDatabase.open(data.resolve("ops"))) {
            assertThat(database.schemaVersion()).isEqualTo(database.latestMigration()).isEqualTo(4);
            assertThat(new ComplianceStore(database, json).slaPolicies()).hasSize(6);
        }
    }

    @Test
    void a_granted_exception_is_audited_and_landed_as_a_complete_event_file() throws IOException {
        try (OpsDatabase database = OpsDatabase.open(data.resolve("ops"))) {
            AuditLog audit = new AuditLog(database, clock, json);
            ComplianceAdministration administration = new ComplianceAdministration(new ComplianceStore(database, json), audit,
                    new EventLanding(data.resolve("landing"), "web-test", clock, json), clock);
            ComplianceException granted = administration.grantException("sec", "c-1", "KB5034441", "Berlin IT", "appliance",
                    Instant.parse("2027-01-31T23:59:59Z"), "127.0.0.1");
            administration.revokeException("sec", granted.id(), "127.0.0.1");
            assertThatThrownBy(() -> administration.revokeException("sec", granted.id(), "127.0.0.1"))
                    .isInstanceOf(WebException.class).hasMessageContaining("already revoked");

            List<AuditLog.Entry> entries = audit.recent(10);
            assertThat(entries).extracting(AuditLog.Entry::action).containsExactly("exception_revoked", "exception_granted");
            assertThat(entries.get(0).before()).contains("\"revokedAt\":null");
            assertThat(entries.get(0).after()).contains("\"revokedBy\":\"sec\"");

            Path day = data.resolve("landing/event/dt=2026-11-21");
            List<Path> files;
            try (Stream<Path> listing = Files.list(day)) {
                files = listing.sorted().toList();
            }
            assertThat(files).hasSize(2).allSatisfy(file -> assertThat(file.getFileName().toString()).matches("web-test-\\d+\\.jsonl\\.gz"));
            try (Stream<Path> incoming = Files.walk(data.resolve("landing/_incoming/event"))) {
                assertThat(incoming.filter(Files::isRegularFile)).isEmpty();
            }
            JsonNode envelope = json.readTree(gunzip(files.get(0)));
            assertThat(envelope.get("kind").asText()).isEqualTo("event");
            assertThat(envelope.get("computerId").asText()).isEqualTo("c-1");
            assertThat(envelope.get("protocolVersion").asInt()).isEqualTo(1);
            assertThat(envelope.get("messageId").asText()).startsWith("web-");
            assertThat(envelope.get("receivedAt").asText()).isEqualTo("2026-11-21T10:00:00Z");
            JsonNode payload = envelope.get("payload");
            assertThat(payload.get("type").asText()).isEqualTo("exception");
            assertThat(payload.get("id").asText()).isEqualTo("web-exception-" + granted.id());
            assertThat(payload.get("revoked").asBoolean()).isFalse();
            assertThat(payload.get("createdAt").asText()).isEqualTo("2026-11-21T10:00:00Z");
            assertThat(payload.get("action").asText()).isEqualTo("granted");
            assertThat(payload.get("bulletinId").asText()).isEqualTo("KB5034441");
            assertThat(payload.get("expiresAt").asText()).isEqualTo("2027-01-31T23:59:59Z");
        }
    }

    @Test
    void sla_policy_changes_keep_before_and_after_and_reject_bad_phases() {
        try (OpsDatabase database = OpsDatabase.open(data.resolve("ops"))) {
            ComplianceStore store = new ComplianceStore(database, json);
            AuditLog audit = new AuditLog(database, clock, json);
            ComplianceAdministration administration = new ComplianceAdministration(store, audit,
                    new EventLanding(data.resolve("landing"), "web-test", clock, json), clock);
            SlaPolicy first = store.slaPolicies().get(0);
            SlaPolicy changed = new SlaPolicy(first.id(), first.name(), first.severity(), null, null, "release",
                    List.of(new SlaPolicy.Phase("48h", 90)), true, true, "sec", clock.instant());
            administration.saveSlaPolicy("sec", changed, null);
            assertThat(store.slaPolicy(first.id()).orElseThrow().phases()).containsExactly(new SlaPolicy.Phase("48h", 90));
            AuditLog.Entry entry = audit.recent(1).get(0);
            assertThat(entry.before()).contains("\"elapsed\":\"72h\"");
            assertThat(entry.after()).contains("\"elapsed\":\"48h\"");
            assertThatThrownBy(() -> new SlaPolicy.Phase("3 days", 90)).hasMessageContaining("72h, 30d");
            assertThatThrownBy(() -> new SlaPolicy.Phase("3d", 120)).hasMessageContaining("target");
        }
    }

    @Test
    void sessions_store_only_a_hash_and_expire() throws Exception {
        try (OpsDatabase database = OpsDatabase.open(data.resolve("ops"))) {
            UserStore users = new UserStore(database, clock);
            var user = users.create("alice", new UserStore.UserDetails("Alice", java.util.Set.of(org.patchlake.web.auth.Role.EXECUTIVE),
                    org.patchlake.web.auth.Scope.everything(), false, ZoneOffset.UTC), "hash");
            SessionStore sessions = new SessionStore(database, clock, java.time.Duration.ofHours(8));
            SessionStore.Session session = sessions.create(user.id(), "127.0.0.1");
            try (var c = database.connection(); var s = c.createStatement(); var rs = s.executeQuery("SELECT id_hash FROM sessions")) {
                rs.next();
                assertThat(rs.getString(1)).isNotEqualTo(session.token()).hasSize(64);
            }
            assertThat(sessions.find(session.token())).isPresent();
            SessionStore later = new SessionStore(database, Clock.offset(clock, java.time.Duration.ofHours(9)), java.time.Duration.ofHours(8));
            assertThat(later.find(session.token())).isEmpty();
            assertThat(sessions.find(session.token())).as("deleted once found expired").isEmpty();
        }
    }

    private static String gunzip(Path file) throws IOException {
        try (InputStream in = new GZIPInputStream(Files.newInputStream(file))) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
