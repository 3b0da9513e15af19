package org.patchlake.agent.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
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
import org.patchlake.agent.spool.SpooledMessage;
import org.patchlake.agent.upload.Backoff;
import org.patchlake.core.protocol.DeliveryAttempt;
import org.patchlake.core.protocol.DeliveryOutcome;
import org.patchlake.core.protocol.InstallerKind;
import org.patchlake.core.protocol.Policy;
import org.patchlake.core.protocol.PolicyState;
import org.patchlake.core.protocol.PolicyUpdate;
import org.patchlake.core.protocol.RebootBehaviour;
import org.patchlake.core.protocol.RebootSettings;
import org.patchlake.core.rules.InstallReturnCodes;

/** The agent with a simulated machine against a real ingest server on port 0, time driven by the test. */
class AgentAgainstIngestTest {

    static final Path MACHINE = Path.of("src/test/resources/machines/ws-1809.json");
    static final Instant START = Instant.parse("2026-11-23T22:00:00Z");
    static final String PRODUCT = "Windows 10 Version 1809 for x64-based Systems";

    @TempDir
    Path temporary;

    private final SettableClock clock = new SettableClock(START);
    private IngestHarness ingest;
    private SimulatedEndpoint machine;
    private Agent agent;
    private AgentConfig config;

    @BeforeEach
    void start() throws Exception {
        ingest = new IngestHarness(temporary.resolve("data"), clock);
        machine = SimulatedEndpoint.load(MACHINE, clock);
        config = AgentConfig.defaults(ingest.uri(), ingest.token, temporary.resolve("agent"));
        agent = newAgentProcess();
    }

    /** A new agent over the same state directory: what a restarted service (or computer) gets. */
    private Agent newAgentProcess() {
        return AgentFactory.create(config, machine, clock, new Backoff(2, Duration.ofMillis(1), Duration.ofMillis(1),
            Backoff.NO_SLEEP));
    }

    @AfterEach
    void stop() {
        ingest.close();
    }

    private PolicyUpdate update(String kb) {
        return ingest.servedMsu(kb, PRODUCT);
    }

    private static Policy policy(String id, List<PolicyUpdate> updates, Instant start, RebootSettings reboot, int maxRetries) {
        return new Policy(id, 1, updates, start, null, null, reboot, maxRetries, PolicyState.ACTIVE);
    }

    private Agent.TickReport tickAfter(Duration duration) {
        return agent.tick(clock.advance(duration));
    }

    private static List<JsonNode> attempts(List<JsonNode> deliveries) {
        List<JsonNode> attempts = new ArrayList<>();
        deliveries.forEach(envelope -> envelope.get("payload").get("attempts").forEach(attempts::add));
        return attempts;
    }

    private static List<String> messageIds(List<JsonNode> envelopes) {
        return envelopes.stream().map(envelope -> envelope.get("messageId").asText()).toList();
    }

    @Test
    void the_agent_enrolls_uploads_its_inventory_and_skips_unchanged_ones_until_a_day_has_passed() {
        Agent.TickReport first = agent.tick(START);
        assertThat(first.enrolled()).isTrue();
        assertThat(first.inventoryQueued()).isTrue();
        assertThat(first.sent()).isEqualTo(1);
        List<JsonNode> inventories = ingest.landed("inventory");
        assertThat(inventories).hasSize(1);
        JsonNode payload = inventories.get(0).get("payload");
        assertThat(inventories.get(0).get("computerId").asText()).isEqualTo(agent.computerId());
        assertThat(payload.get("installedUpdates")).extracting(node -> node.get("kb").asText())
            .containsExactly("KB4470788", "KB4480116");
        assertThat(payload.get("os").get("product").asText()).isEqualTo(PRODUCT);
        assertThat(payload.get("full").asBoolean()).isTrue();

        Agent.TickReport rescan = tickAfter(Duration.ofMinutes(270));
        assertThat(rescan.scanned()).as("4 h interval, at most 10 % jitter").isTrue();
        assertThat(rescan.inventoryQueued()).as("nothing changed").isFalse();
        assertThat(tickAfter(Duration.ofHours(20)).inventoryQueued()).as("a full upload at least daily").isTrue();
        assertThat(ingest.landed("inventory")).hasSize(2);
    }

    @Test
    void a_policy_runs_with_retries_and_restarts_at_the_end_of_its_cycle_and_every_attempt_is_reported() {
        ingest.policies.set(List.of(policy("p-1", List.of(update("KB4493509"), update("KB4489899")), START,
            new RebootSettings(RebootBehaviour.END_OF_CYCLE, null, 5, "Restart for Patch Tuesday"), 3)));

        Agent.TickReport first = agent.tick(START);
        assertThat(first.attempts()).extracting(DeliveryAttempt::kb, DeliveryAttempt::returnCode, DeliveryAttempt::outcome)
            .containsExactly(
                org.assertj.core.groups.Tuple.tuple("KB4493509", 1618L, DeliveryOutcome.FAILED_WILL_RETRY),
                org.assertj.core.groups.Tuple.tuple("KB4489899", 3010L, DeliveryOutcome.SUCCEEDED_REBOOT_REQUIRED));
        assertThat(first.restarts()).as("KB4493509 is not done yet").isEmpty();
        assertThat(machine.pendingReboot().pending()).isTrue();

        assertThat(tickAfter(Duration.ofMinutes(35)).attempts()).as("a retry waits 30 minutes after the attempt ended")
            .isEmpty();
        Agent.TickReport second = tickAfter(Duration.ofMinutes(6));
        assertThat(second.attempts()).extracting(DeliveryAttempt::attempt, DeliveryAttempt::returnCode, DeliveryAttempt::outcome)
            .containsExactly(org.assertj.core.groups.Tuple.tuple(2, 1603L, DeliveryOutcome.FAILED_WILL_RETRY));
        Agent.TickReport third = tickAfter(Duration.ofMinutes(41));
        assertThat(third.attempts()).extracting(DeliveryAttempt::attempt, DeliveryAttempt::outcome)
            .containsExactly(org.assertj.core.groups.Tuple.tuple(3, DeliveryOutcome.SUCCEEDED));
        assertThat(third.restarts()).singleElement().satisfies(restart -> {
            assertThat(restart.noticeMinutes()).isEqualTo(5);
            assertThat(restart.noticeMessage()).isEqualTo("Restart for Patch Tuesday");
        });
        assertThat(machine.isKbInstalled("KB4489899")).as("the install and the notice period have not passed yet").isFalse();

        Agent.TickReport afterRestart = tickAfter(Duration.ofMinutes(20));
        assertThat(afterRestart.scanned()).as("a restart triggers a rescan").isTrue();
        assertThat(machine.isKbInstalled("KB4489899")).isTrue();
        assertThat(tickAfter(Duration.ofHours(2)).attempts()).as("the policy is done").isEmpty();

        List<JsonNode> attempts = attempts(ingest.landed("delivery"));
        assertThat(attempts).extracting(node -> node.get("kb").asText() + "#" + node.get("attempt").asInt() + " "
                + node.get("outcome").asText())
            .containsExactly("KB4493509#1 FAILED_WILL_RETRY", "KB4489899#1 SUCCEEDED_REBOOT_REQUIRED",
                "KB4493509#2 FAILED_WILL_RETRY", "KB4493509#3 SUCCEEDED");
        JsonNode lastInventory = ingest.landed("inventory").get(ingest.landed("inventory").size() - 1).get("payload");
        assertThat(lastInventory.get("pendingReboot").get("pending").asBoolean()).isFalse();
        assertThat(lastInventory.get("installedUpdates")).extracting(node -> node.get("kb").asText())
            .contains("KB4489899", "KB4493509");
    }

    @Test
    void a_rescan_and_a_restart_asked_for_at_check_in_run_once_and_the_restart_waits_for_its_notice() {
        agent.tick(START);
        Instant issued = START.plus(Duration.ofMinutes(30));
        ingest.actions.set(List.of(
            new org.patchlake.core.protocol.ComputerAction("act-1", org.patchlake.core.protocol.ComputerAction.Kind.RESCAN, issued, 0, null),
            new org.patchlake.core.protocol.ComputerAction("act-2", org.patchlake.core.protocol.ComputerAction.Kind.RESTART, issued, 10,
                "Restart for KB4489899")));
        Instant bootBefore = machine.lastBootAt();

        Agent.TickReport checkIn = tickAfter(Duration.ofMinutes(61));
        assertThat(checkIn.checkedIn()).isTrue();
        assertThat(checkIn.scanned()).as("rescan now").isTrue();
        assertThat(machine.lastBootAt()).as("the notice has not passed yet").isEqualTo(bootBefore);
        Agent.TickReport afterNotice = tickAfter(Duration.ofMinutes(11));
        assertThat(machine.lastBootAt()).as("restarted after the notice").isAfter(bootBefore);
        assertThat(afterNotice.scanned()).as("a restart triggers a rescan").isTrue();
        Instant firstRestart = machine.lastBootAt();

        Agent.TickReport nextCheckIn = tickAfter(Duration.ofMinutes(61));
        assertThat(nextCheckIn.checkedIn()).isTrue();
        assertThat(machine.lastBootAt()).as("an action id runs once, though the server still lists it").isEqualTo(firstRestart);
        assertThat(tickAfter(Duration.ofMinutes(15)).scanned()).isFalse();
    }

    @Test
    void retries_stop_at_the_policy_maximum_and_not_applicable_is_final() {
        ingest.policies.set(List.of(policy("p-2", List.of(update("KB4493509"), update("KB4497934")), START,
            RebootSettings.NEVER, 2)));
        Agent.TickReport first = agent.tick(START);
        assertThat(first.attempts()).extracting(DeliveryAttempt::outcome)
            .containsExactly(DeliveryOutcome.FAILED_WILL_RETRY, DeliveryOutcome.FAILED);
        assertThat(first.attempts().get(1).message()).contains("not applicable").contains("0x80240017");
        assertThat(tickAfter(Duration.ofMinutes(41)).attempts()).extracting(DeliveryAttempt::attempt, DeliveryAttempt::outcome)
            .containsExactly(org.assertj.core.groups.Tuple.tuple(2, DeliveryOutcome.FAILED));
        assertThat(tickAfter(Duration.ofHours(2)).attempts()).isEmpty();
        assertThat(attempts(ingest.landed("delivery"))).hasSize(3);
    }

    @Test
    void a_package_whose_sha256_does_not_match_is_refused_and_the_refusal_is_reported() {
        PolicyUpdate good = update("KB5000001");
        PolicyUpdate tampered = new PolicyUpdate("KB5000001", PRODUCT, good.downloadUrl(), "0".repeat(64),
            InstallerKind.MSU, null);
        ingest.policies.set(List.of(policy("p-3", List.of(tampered), START, RebootSettings.NEVER, 3)));
        Agent.TickReport tick = agent.tick(START);
        assertThat(tick.attempts()).singleElement().satisfies(attempt -> {
            assertThat(attempt.returnCode()).isEqualTo(InstallReturnCodes.PACKAGE_HASH_MISMATCH);
            assertThat(attempt.outcome()).isEqualTo(DeliveryOutcome.FAILED);
            assertThat(attempt.message()).contains("SHA-256").contains("refused");
        });
        assertThat(machine.isKbInstalled("KB5000001")).as("the installer never ran").isFalse();
        assertThat(attempts(ingest.landed("delivery"))).singleElement()
            .satisfies(node -> assertThat(node.get("returnCode").asLong()).isEqualTo(0xA0000001L));
    }

    @Test
    void while_the_server_is_down_the_agent_keeps_working_and_later_delivers_everything_once_in_order() throws Exception {
        ingest.policies.set(List.of(policy("p-4", List.of(update("KB5000001"), update("KB4489899")),
            START.plus(Duration.ofHours(2)), RebootSettings.NEVER, 3)));
        agent.tick(START);
        assertThat(ingest.landed("inventory")).hasSize(1);
        ingest.stop();

        Agent.TickReport installs = tickAfter(Duration.ofHours(2));
        assertThat(installs.attempts()).hasSize(2);
        assertThat(installs.notDeliveredReason()).isNotNull();
        agent = newAgentProcess();
        assertThat(tickAfter(Duration.ofMinutes(5)).attempts()).as("the restarted agent remembers what it installed").isEmpty();
        tickAfter(Duration.ofHours(5));
        tickAfter(Duration.ofHours(20));
        List<SpooledMessage> spooled = agent.spool().pending();
        assertThat(spooled).extracting(SpooledMessage::kind).containsExactly(SpooledMessage.MessageKind.DELIVERY,
            SpooledMessage.MessageKind.INVENTORY, SpooledMessage.MessageKind.INVENTORY);
        Path copyOfFirst = temporary.resolve("copy-of-first");
        Files.copy(spooled.get(0).file(), copyOfFirst);

        ingest.start();
        Agent.TickReport back = tickAfter(Duration.ofMinutes(1));
        assertThat(back.sent()).isEqualTo(3);
        assertThat(back.spooled()).isZero();
        // a crash between the acknowledgement and the removal: the same message is in the spool again
        Files.copy(copyOfFirst, spooled.get(0).file());
        assertThat(tickAfter(Duration.ofMinutes(1)).sent()).isEqualTo(1);

        List<JsonNode> deliveries = ingest.landed("delivery");
        assertThat(messageIds(deliveries)).containsExactly(spooled.get(0).messageId());
        assertThat(attempts(deliveries)).hasSize(2);
        List<String> inventories = messageIds(ingest.landed("inventory"));
        assertThat(inventories).doesNotHaveDuplicates().hasSize(3)
            .endsWith(spooled.get(1).messageId(), spooled.get(2).messageId());
    }

    @Test
    void a_message_the_server_refuses_for_good_is_set_aside_counted_and_does_not_block_the_rest() throws Exception {
        ingest.policies.set(List.of(policy("p-5", List.of(update("KB5000001")), START.plus(Duration.ofHours(1)),
            RebootSettings.NEVER, 3)));
        agent.tick(START);
        ingest.stop();
        tickAfter(Duration.ofHours(2));
        List<SpooledMessage> spooled = agent.spool().pending();
        assertThat(spooled).extracting(SpooledMessage::kind)
            .containsExactly(SpooledMessage.MessageKind.DELIVERY, SpooledMessage.MessageKind.INVENTORY);
        // the delivery file got damaged on disk: the server can never accept it
        Files.writeString(spooled.get(0).file(), "{\"messageId\": \"" + spooled.get(0).messageId() + "\", \"attem");
        ingest.start();

        Agent.TickReport tick = tickAfter(Duration.ofMinutes(1));
        assertThat(tick.rejected()).isEqualTo(1);
        assertThat(tick.sent()).isEqualTo(1);
        assertThat(agent.spool().stats().rejected()).isEqualTo(1);
        assertThat(temporary.resolve("agent/spool/rejected").resolve(spooled.get(0).file().getFileName() + ".reason.txt"))
            .content().contains("HTTP 400").contains("malformed_json");
        assertThat(messageIds(ingest.landed("inventory"))).contains(spooled.get(1).messageId());
        assertThat(ingest.landed("delivery")).isEmpty();
    }

    @Test
    void a_long_outage_compacts_old_inventories_but_keeps_every_delivery_and_counts_what_it_dropped() {
        config = config.withSpoolLimitBytes(3_000);
        agent = newAgentProcess();
        ingest.policies.set(List.of(policy("p-6", List.of(update("KB5000001"), update("KB4493509")),
            START.plus(Duration.ofHours(1)), RebootSettings.NEVER, 3)));
        agent.tick(START);
        ingest.stop();
        for (int day = 0; day < 5; day++) {
            tickAfter(Duration.ofHours(25));
        }
        assertThat(agent.spool().stats().compactedInventories()).isPositive();
        long spooledInventories = agent.spool().pending().stream()
            .filter(message -> message.kind() == SpooledMessage.MessageKind.INVENTORY).count();
        assertThat(spooledInventories).isEqualTo(1);

        ingest.start();
        tickAfter(Duration.ofMinutes(1));
        assertThat(agent.spool().pending()).isEmpty();
        assertThat(attempts(ingest.landed("delivery"))).extracting(node -> node.get("kb").asText() + "#" + node.get("attempt").asInt())
            .containsExactly("KB5000001#1", "KB4493509#1", "KB4493509#2", "KB4493509#3");
        JsonNode newest = ingest.landed("inventory").get(ingest.landed("inventory").size() - 1).get("payload");
        assertThat(newest.get("installedUpdates")).extracting(node -> node.get("kb").asText()).contains("KB5000001", "KB4493509");
    }
}
