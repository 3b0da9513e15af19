package org.patchlake.agent.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.patchlake.agent.Agent;
import org.patchlake.agent.AgentConfig;
import org.patchlake.agent.AgentFactory;
import org.patchlake.agent.SettableClock;
import org.patchlake.agent.endpoint.SimulatedEndpoint;
import org.patchlake.agent.policy.HttpPackageSource;
import org.patchlake.agent.policy.PackageSource;
import org.patchlake.agent.state.DirectoryLockdown;
import org.patchlake.agent.state.PosixDirectoryLockdown;
import org.patchlake.agent.upload.Backoff;
import org.patchlake.core.protocol.AgentSettings;
import org.patchlake.core.protocol.DeliveryAttempt;
import org.patchlake.core.protocol.Policy;
import org.patchlake.core.protocol.PolicyState;
import org.patchlake.core.protocol.PolicyUpdate;
import org.patchlake.core.protocol.RebootSettings;

/** A broken Windows (WMI, COM, registry) never ends a tick: the agent keeps installing, scanning and uploading. */
class AgentResilienceTest {

    static final Path MACHINE = Path.of("src/test/resources/machines/ws-1809.json");
    static final Instant START = Instant.parse("2026-11-23T22:00:00Z");
    static final String PRODUCT = "Windows 10 Version 1809 for x64-based Systems";
    static final String WMI_BROKEN = "WMI Win32_QuickFixEngineering: HRESULT 0x80041003 (access denied)";

    @TempDir
    Path temporary;

    private final SettableClock clock = new SettableClock(START);
    private final List<String> events = new ArrayList<>();
    private IngestHarness ingest;
    private FaultyEndpoint endpoint;
    private Agent agent;

    @BeforeEach
    void start() throws Exception {
        ingest = new IngestHarness(temporary.resolve("data"), clock);
        endpoint = new FaultyEndpoint(SimulatedEndpoint.load(MACHINE, clock));
        AgentConfig config = AgentConfig.defaults(ingest.uri(), ingest.token, temporary.resolve("agent"));
        HttpClient http = HttpClient.newHttpClient();
        HttpPackageSource downloads = new HttpPackageSource(http, config.stateDirectory().resolve("packages"), Duration.ofMinutes(1));
        PackageSource packages = update -> {
            events.add("package " + update.kb());
            return downloads.fetch(update);
        };
        DirectoryLockdown lockdown = directory -> {
            events.add("lockdown " + directory.getFileName());
            new PosixDirectoryLockdown().secure(directory);
        };
        agent = AgentFactory.create(config, endpoint, clock, clock, new Backoff(2, Duration.ofMillis(1), Duration.ofMillis(1),
            Backoff.NO_SLEEP), http, packages, lockdown);
    }

    @AfterEach
    void stop() {
        ingest.close();
    }

    private PolicyUpdate update(String kb) {
        return ingest.servedMsu(kb, PRODUCT);
    }

    @Test
    void with_wmi_broken_the_policy_still_installs_the_scan_records_the_error_and_everything_is_uploaded() {
        ingest.policies.set(List.of(new Policy("p-1", 1, List.of(update("KB5000001"), update("KB4480116")), START, null, null,
            RebootSettings.NEVER, 3, PolicyState.ACTIVE)));
        endpoint.wmiFailure = WMI_BROKEN;

        Agent.TickReport tick = agent.tick(START);

        assertThat(tick.attempts()).extracting(DeliveryAttempt::kb, DeliveryAttempt::returnCode)
            .as("the installer answers for the update that is already there")
            .containsExactly(org.assertj.core.groups.Tuple.tuple("KB5000001", 0L), org.assertj.core.groups.Tuple.tuple("KB4480116", 2359302L));
        assertThat(tick.scanned()).isTrue();
        assertThat(tick.notDeliveredReason()).isNull();
        assertThat(ingest.landed("delivery")).hasSize(1);
        JsonNode inventory = ingest.landed("inventory").get(0).get("payload");
        assertThat(inventory.get("full").asBoolean()).as("no partial list posing as the whole").isFalse();
        assertThat(inventory.get("scanErrors").get(0).get("code").asText()).isEqualTo("INSTALLED_UPDATES_UNREADABLE");
        assertThat(inventory.get("scanErrors").get(0).get("message").asText()).contains("0x80041003");
    }

    @Test
    void an_endpoint_that_cannot_even_say_who_it_is_still_sends_what_it_has_spooled() {
        agent.tick(START);
        ingest.policies.set(List.of(new Policy("p-2", 1, List.of(update("KB5000002")), START, null, null,
            RebootSettings.NEVER, 3, PolicyState.ACTIVE)));
        endpoint.wmiFailure = WMI_BROKEN;
        endpoint.registryFailure = "registry key HKLM\\SOFTWARE\\Microsoft\\Windows NT\\CurrentVersion: Windows error 5 (Access is denied.)";

        Agent.TickReport tick = agent.tick(START.plus(Duration.ofHours(5)));

        assertThat(tick.attempts()).extracting(DeliveryAttempt::kb).containsExactly("KB5000002");
        assertThat(tick.scanned()).isFalse();
        assertThat(tick.spooled()).isZero();
        assertThat(ingest.landed("delivery")).hasSize(1);
        endpoint.registryFailure = null;
        endpoint.wmiFailure = null;
        assertThat(agent.tick(START.plus(Duration.ofHours(5)).plus(Duration.ofMinutes(15))).scanned())
            .as("the failed scan is tried again a quarter of an hour later").isTrue();
    }

    @Test
    void the_state_directory_is_locked_down_before_any_package_is_written() throws Exception {
        ingest.policies.set(List.of(new Policy("p-3", 1, List.of(update("KB5000003")), START, null, null,
            RebootSettings.NEVER, 3, PolicyState.ACTIVE)));
        agent.tick(START);
        assertThat(events).containsExactly("lockdown agent", "package KB5000003");
        if (Files.getFileStore(temporary).supportsFileAttributeView("posix")) {
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(temporary.resolve("agent"))))
                .isEqualTo("rwx------");
        }
    }

    @Test
    void the_servers_settings_with_an_offline_scan_file_reach_the_endpoint_through_the_real_protocol() {
        agent.tick(START);
        assertThat(endpoint.settings).last().isEqualTo(AgentSettings.DEFAULTS);
        ingest.settings.set(new AgentSettings(240, 60, 14, "\\\\files.example\\wsus\\wsusscn2.cab"));
        agent.tick(START.plus(Duration.ofMinutes(61)));
        assertThat(endpoint.settings).last().extracting(AgentSettings::offlineScanFile)
            .isEqualTo("\\\\files.example\\wsus\\wsusscn2.cab");
    }
}
