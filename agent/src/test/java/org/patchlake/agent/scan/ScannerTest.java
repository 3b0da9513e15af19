package org.patchlake.agent.scan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.patchlake.agent.SettableClock;
import org.patchlake.agent.endpoint.Endpoint;
import org.patchlake.agent.endpoint.ForwardingEndpoint;
import org.patchlake.agent.endpoint.InstallRequest;
import org.patchlake.agent.endpoint.SimulatedEndpoint;
import org.patchlake.agent.upload.AgentJson;
import org.patchlake.core.protocol.InstalledUpdate;
import org.patchlake.core.protocol.InventoryReport;
import org.patchlake.core.protocol.RuleOutcome;
import org.patchlake.core.protocol.RuleResult;
import org.patchlake.core.rules.FactUnavailableException;
import org.patchlake.core.rules.Version;

class ScannerTest {

    static final Path MACHINE = Path.of("src/test/resources/machines/ws-1809.json");
    static final Instant NOW = Instant.parse("2026-11-23T12:00:00Z");

    @TempDir
    Path directory;

    private final SettableClock clock = new SettableClock(NOW);

    private DetectionRuleSet rules() throws Exception {
        Path file = directory.resolve("rules.json");
        Files.writeString(file, """
            [{"ruleId": "r-kb", "kb": "KB4480116", "updateId": "KB4480116|Windows 10 Version 1809 for x64-based Systems",
              "rule": "(kb KB4480116)"},
             {"ruleId": "r-file", "kb": "KB4489899", "rule": "(file-version \\"%SystemRoot%\\\\system32\\\\ntoskrnl.exe\\" >= 10.0.17763.379)"},
             {"ruleId": "r-reg", "kb": "KB4489899", "rule": "(registry-value \\"HKLM\\\\SOFTWARE\\\\Microsoft\\\\Windows NT\\\\CurrentVersion\\" UBR = 253)"}]
            """);
        return DetectionRuleSet.read(file, AgentJson.mapper());
    }

    @Test
    void a_scan_reports_identity_updates_and_every_rule_result() throws Exception {
        Scanner scanner = new Scanner(SimulatedEndpoint.load(MACHINE, clock), rules(), clock, "0.1.0");
        InventoryReport report = scanner.scan("m-1", "c-1", NOW, null).report();
        assertThat(report.full()).isTrue();
        assertThat(report.os().version()).isEqualTo("10.0.17763");
        assertThat(report.os().build()).isEqualTo("17763.253");
        assertThat(report.installedUpdates()).extracting(InstalledUpdate::kb).containsExactly("KB4470788", "KB4480116");
        assertThat(report.ruleResults()).extracting(RuleResult::ruleId, RuleResult::result).containsExactly(
            org.assertj.core.groups.Tuple.tuple("r-kb", RuleOutcome.TRUE),
            org.assertj.core.groups.Tuple.tuple("r-file", RuleOutcome.FALSE),
            org.assertj.core.groups.Tuple.tuple("r-reg", RuleOutcome.TRUE));
        assertThat(report.scanErrors()).isEmpty();
    }

    @Test
    void the_content_digest_changes_only_when_the_content_does() throws Exception {
        SimulatedEndpoint machine = SimulatedEndpoint.load(MACHINE, clock);
        Scanner scanner = new Scanner(machine, rules(), clock, "0.1.0");
        String first = scanner.scan("m-1", "c-1", NOW, null).contentDigest();
        assertThat(scanner.scan("m-2", "c-1", NOW.plusSeconds(60), null).contentDigest()).isEqualTo(first);
        machine.install(new InstallRequest("KB5000001", null, List.of(), NOW, java.time.Duration.ofHours(1)));
        assertThat(scanner.scan("m-3", "c-1", NOW.plusSeconds(120), null).contentDigest()).isNotEqualTo(first);
    }

    @Test
    void an_unreadable_update_list_becomes_an_empty_delta_with_the_error_never_an_empty_full_inventory() throws Exception {
        Endpoint broken = new BrokenWmi(SimulatedEndpoint.load(MACHINE, clock));
        InventoryReport report = new Scanner(broken, rules(), clock, "0.1.0").scan("m-1", "c-1", NOW, null).report();
        assertThat(report.full()).isFalse();
        assertThat(report.installedUpdates()).isEmpty();
        assertThat(report.scanErrors()).singleElement().satisfies(error -> {
            assertThat(error.code()).isEqualTo("INSTALLED_UPDATES_UNREADABLE");
            assertThat(error.message()).contains("WMI");
        });
        assertThat(report.ruleResults()).filteredOn(result -> result.ruleId().equals("r-reg"))
            .singleElement().satisfies(result -> {
                assertThat(result.result()).isEqualTo(RuleOutcome.ERROR);
                assertThat(result.detail()).contains("access denied");
            });
    }

    @Test
    void a_rules_file_with_a_broken_rule_names_the_entry() throws Exception {
        Path file = directory.resolve("bad.json");
        Files.writeString(file, "[{\"ruleId\": \"r-1\", \"kb\": \"KB1000\", \"rule\": \"(kb 1000)\"}, {\"ruleId\": \"r-2\", \"kb\": \"KB2000\", \"rule\": \"(kb\"}]");
        assertThatThrownBy(() -> DetectionRuleSet.read(file, AgentJson.mapper()))
            .hasMessageContaining("bad.json entry 1 (ruleId r-2)").hasMessageContaining("offset");
    }

    /** A machine whose WMI is broken and whose registry refuses access. */
    private static final class BrokenWmi extends ForwardingEndpoint {
        BrokenWmi(SimulatedEndpoint machine) {
            super(machine);
        }

        @Override
        public List<InstalledUpdate> installedUpdates() {
            throw new FactUnavailableException("WMI Win32_QuickFixEngineering: 0x80041003 access denied");
        }

        @Override
        public boolean registryKeyExists(String key) {
            throw new FactUnavailableException("access denied: " + key);
        }

        @Override
        public Optional<String> registryValue(String key, String name) {
            throw new FactUnavailableException("access denied: " + key);
        }
    }
}
