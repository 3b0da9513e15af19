package org.patchlake.core.state;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.patchlake.core.catalog.Catalog;
import org.patchlake.core.catalog.RestartBehaviour;
import org.patchlake.core.catalog.Severity;
import org.patchlake.core.catalog.Update;

/**
 * State rules on a catalog holding a real supersedence chain of the wesng data for
 * "Windows 10 Version 1809 for x64-based Systems": KB4483235 <- KB4480116 <- KB4487044 <- KB4489899
 * (each supersedes the one before, Supersedes column of CVEs_20260628.csv). KB4489899 also ships for
 * Internet Explorer 11 on the same OS, so its bulletin has two updates. Expected states worked out by hand.
 */
class StateDeriverTest {
    static final String WINDOWS = "Windows 10 Version 1809 for x64-based Systems";
    static final String IE = "Internet Explorer 11 on Windows 10 Version 1809 for x64-based Systems";
    static final String SERVER = "Windows Server 2019";
    static final Instant NOW = Instant.parse("2019-03-20T12:00:00Z");

    final Catalog catalog = Catalog.fromUpdates(List.of(
            update("KB4483235", WINDOWS, "2018-12-19"),
            update("KB4480116", WINDOWS, "2019-01-08", "KB4483235"),
            update("KB4487044", WINDOWS, "2019-02-12", "KB4480116"),
            update("KB4489899", WINDOWS, "2019-03-12", "KB4487044"),
            update("KB4489899", IE, "2019-03-12"),
            update("KB4489899", SERVER, "2019-03-12")), Map.of());
    final StateDeriver deriver = new StateDeriver(catalog, StatePolicy.defaults());

    @Test
    void an_update_counts_as_installed_through_a_transitively_superseding_update_and_records_it() {
        ComputerStates states = deriver.derive(scanned(Set.of("KB4487044")), NOW);

        assertThat(stateOf(states, "KB4483235", WINDOWS)).isEqualTo(new Outcome(UpdateState.INSTALLED, "KB4487044"));
        assertThat(stateOf(states, "KB4480116", WINDOWS)).isEqualTo(new Outcome(UpdateState.INSTALLED, "KB4487044"));
        assertThat(stateOf(states, "KB4487044", WINDOWS)).isEqualTo(new Outcome(UpdateState.INSTALLED, null));
        assertThat(stateOf(states, "KB4489899", WINDOWS)).isEqualTo(new Outcome(UpdateState.REQUIRED, null));
    }

    @Test
    void supersedence_counts_only_for_the_same_product() {
        // KB4489899 supersedes KB4487044 for Windows only; the IE update of KB4489899 stands alone.
        ComputerStates states = deriver.derive(scanned(Set.of("KB4487044")), NOW);

        assertThat(stateOf(states, "KB4489899", IE)).isEqualTo(new Outcome(UpdateState.REQUIRED, null));
    }

    @Test
    void an_installed_update_waiting_for_a_restart_is_pending_reboot_and_so_is_what_it_supersedes() {
        ComputerFacts facts = new ComputerFacts("c-1", Set.of(WINDOWS), Set.of(), Set.of("KB4489899"), Map.of(), Map.of(), NOW);
        ComputerStates states = deriver.derive(facts, NOW);

        assertThat(stateOf(states, "KB4489899", WINDOWS)).isEqualTo(new Outcome(UpdateState.INSTALLED_PENDING_REBOOT, null));
        assertThat(stateOf(states, "KB4487044", WINDOWS)).isEqualTo(new Outcome(UpdateState.INSTALLED_PENDING_REBOOT, "KB4489899"));
    }

    @Test
    void a_fully_installed_update_wins_over_a_superseding_one_that_waits_for_a_restart() {
        ComputerFacts facts = new ComputerFacts("c-1", Set.of(WINDOWS), Set.of("KB4480116"), Set.of("KB4489899"), Map.of(), Map.of(), NOW);
        ComputerStates states = deriver.derive(facts, NOW);

        assertThat(stateOf(states, "KB4483235", WINDOWS)).isEqualTo(new Outcome(UpdateState.INSTALLED, "KB4480116"));
        assertThat(stateOf(states, "KB4480116", WINDOWS)).isEqualTo(new Outcome(UpdateState.INSTALLED, null));
        assertThat(stateOf(states, "KB4487044", WINDOWS)).isEqualTo(new Outcome(UpdateState.INSTALLED_PENDING_REBOOT, "KB4489899"));
    }

    @Test
    void an_update_is_failed_only_after_the_allowed_attempts() {
        assertThat(stateWithFailures(2, StatePolicy.defaults())).isEqualTo(UpdateState.REQUIRED);
        assertThat(stateWithFailures(3, StatePolicy.defaults())).isEqualTo(UpdateState.FAILED);
        assertThat(stateWithFailures(4, new StatePolicy(5, Duration.ofDays(14)))).isEqualTo(UpdateState.REQUIRED);
    }

    @Test
    void an_update_whose_superseding_update_failed_after_the_allowed_attempts_is_failed_too() {
        // a remediation of KB4480116 installs its latest superseder KB4489899 instead; that failed three times
        ComputerFacts facts = new ComputerFacts("c-1", Set.of(WINDOWS), Set.of(), Set.of(), Map.of("KB4489899", 3, "KB4480116", 1),
                Map.of(), NOW);
        ComputerStates states = deriver.derive(facts, NOW);

        assertThat(stateOf(states, "KB4480116", WINDOWS)).isEqualTo(new Outcome(UpdateState.FAILED, null));
        assertThat(states.updates()).filteredOn(r -> r.update().kb().equals("KB4480116")).extracting(UpdateStateResult::failedAttempts)
                .containsExactly(3);
        assertThat(stateOf(states, "KB4483235", WINDOWS).state()).isEqualTo(UpdateState.FAILED);
        assertThat(stateOf(states, "KB4489899", WINDOWS).state()).isEqualTo(UpdateState.FAILED);

        // two failures of the superseder are not enough; an installed superseder wins over a failed one
        ComputerFacts twice = new ComputerFacts("c-1", Set.of(WINDOWS), Set.of(), Set.of(), Map.of("KB4489899", 2), Map.of(), NOW);
        assertThat(stateOf(deriver.derive(twice, NOW), "KB4480116", WINDOWS).state()).isEqualTo(UpdateState.REQUIRED);
        ComputerFacts installedOther = new ComputerFacts("c-1", Set.of(WINDOWS), Set.of("KB4487044"), Set.of(), Map.of("KB4489899", 3),
                Map.of(), NOW);
        assertThat(stateOf(deriver.derive(installedOther, NOW), "KB4480116", WINDOWS))
                .isEqualTo(new Outcome(UpdateState.INSTALLED, "KB4487044"));
    }

    @Test
    void an_active_exception_exempts_every_update_of_the_bulletin_and_an_expired_one_does_not() {
        Map<String, Instant> active = Map.of("KB4489899", NOW.plus(Duration.ofDays(1)));
        ComputerStates exempt = deriver.derive(withExemptions(active), NOW);
        assertThat(stateOf(exempt, "KB4489899", WINDOWS).state()).isEqualTo(UpdateState.EXEMPT);
        assertThat(stateOf(exempt, "KB4489899", IE).state()).isEqualTo(UpdateState.EXEMPT);
        assertThat(stateOf(exempt, "KB4487044", WINDOWS).state()).isEqualTo(UpdateState.REQUIRED);

        Map<String, Instant> expired = Map.of("KB4489899", NOW);
        ComputerStates notExempt = deriver.derive(withExemptions(expired), NOW);
        assertThat(stateOf(notExempt, "KB4489899", WINDOWS).state()).isEqualTo(UpdateState.REQUIRED);
    }

    @Test
    void states_are_unknown_when_the_last_inventory_is_older_than_the_staleness_window_or_missing() {
        Instant fifteenDaysAgo = NOW.minus(Duration.ofDays(15));
        Instant thirteenDaysAgo = NOW.minus(Duration.ofDays(13));

        assertThat(deriver.derive(ComputerFacts.scanned("c", Set.of(WINDOWS), Set.of("KB4489899"), fifteenDaysAgo), NOW)
                .updates()).extracting(UpdateStateResult::state).containsOnly(UpdateState.UNKNOWN);
        assertThat(deriver.derive(ComputerFacts.scanned("c", Set.of(WINDOWS), Set.of("KB4489899"), null), NOW)
                .updates()).extracting(UpdateStateResult::state).containsOnly(UpdateState.UNKNOWN);
        assertThat(deriver.derive(ComputerFacts.scanned("c", Set.of(WINDOWS), Set.of("KB4489899"), thirteenDaysAgo), NOW)
                .updates()).extracting(UpdateStateResult::state).containsOnly(UpdateState.INSTALLED);
    }

    @Test
    void an_exception_wins_over_a_stale_inventory() {
        ComputerFacts facts = new ComputerFacts("c", Set.of(WINDOWS), Set.of(), Set.of(), Map.of(),
                Map.of("KB4489899", Instant.MAX), null);

        assertThat(stateOf(deriver.derive(facts, NOW), "KB4489899", WINDOWS).state()).isEqualTo(UpdateState.EXEMPT);
        assertThat(stateOf(deriver.derive(facts, NOW), "KB4487044", WINDOWS).state()).isEqualTo(UpdateState.UNKNOWN);
    }

    @Test
    void updates_of_products_the_computer_lacks_are_not_applicable_and_not_listed() {
        ComputerFacts facts = scanned(Set.of());

        assertThat(deriver.derive(facts, NOW).updates()).extracting(result -> result.update().product()).doesNotContain(SERVER);
        assertThat(deriver.stateOf(catalog.update("KB4489899", SERVER).orElseThrow(), facts, NOW).state())
                .isEqualTo(UpdateState.NOT_APPLICABLE);
    }

    @Test
    void a_bulletin_rolls_up_to_its_worst_update_and_is_compliant_only_when_all_are_installed() {
        // Windows part of KB4489899 installed, IE part required -> bulletin REQUIRED
        ComputerStates partly = deriver.derive(scanned(Set.of("KB4489899")), NOW);
        assertThat(stateOf(partly, "KB4489899", IE).state()).isEqualTo(UpdateState.INSTALLED);
        ComputerFacts windowsOnlyInstalled = new ComputerFacts("c-1", Set.of(WINDOWS, IE), Set.of("KB4487044"), Set.of(),
                Map.of(), Map.of(), NOW);
        Map<String, UpdateState> bulletins = deriver.derive(windowsOnlyInstalled, NOW).bulletinStates();
        assertThat(bulletins).containsEntry("KB4483235", UpdateState.INSTALLED)
                .containsEntry("KB4480116", UpdateState.INSTALLED)
                .containsEntry("KB4487044", UpdateState.INSTALLED)
                .containsEntry("KB4489899", UpdateState.REQUIRED);

        ComputerFacts pending = new ComputerFacts("c-1", Set.of(WINDOWS, IE), Set.of(), Set.of("KB4489899"), Map.of(), Map.of(), NOW);
        ComputerStates pendingStates = deriver.derive(pending, NOW);
        assertThat(pendingStates.bulletinStates()).containsEntry("KB4489899", UpdateState.INSTALLED_PENDING_REBOOT);
        assertThat(pendingStates.isCompliant("KB4489899")).isFalse();

        ComputerStates all = deriver.derive(new ComputerFacts("c-1", Set.of(WINDOWS, IE), Set.of("KB4489899"), Set.of(),
                Map.of(), Map.of(), NOW), NOW);
        assertThat(all.isCompliant("KB4489899")).isTrue();
        // 4 bulletins, all installed through KB4489899
        assertThat(all.bulletinCounts()).isEqualTo(ComplianceCounts.of(4, 0, 0, 0, 0, 0));
    }

    @Test
    void rollup_precedence_is_exempt_unknown_failed_required_pending_installed() {
        List<UpdateState> ascending = List.of(UpdateState.INSTALLED, UpdateState.INSTALLED_PENDING_REBOOT,
                UpdateState.REQUIRED, UpdateState.FAILED, UpdateState.UNKNOWN, UpdateState.EXEMPT);
        for (int lower = 0; lower < ascending.size(); lower++) {
            for (int higher = lower + 1; higher < ascending.size(); higher++) {
                assertThat(UpdateState.worst(ascending.get(lower), ascending.get(higher))).isEqualTo(ascending.get(higher));
                assertThat(UpdateState.worst(ascending.get(higher), ascending.get(lower))).isEqualTo(ascending.get(higher));
            }
        }
        assertThat(UpdateState.worst(UpdateState.NOT_APPLICABLE, UpdateState.INSTALLED)).isEqualTo(UpdateState.INSTALLED);
    }

    @Test
    void the_streaming_form_reports_the_same_states_as_the_list_form() {
        ComputerFacts facts = scanned(Set.of("KB4480116"));
        Map<String, UpdateState> streamed = new HashMap<>();
        deriver.derive(facts, NOW, (update, state, via, attempts) -> streamed.put(update.updateId(), state));

        assertThat(streamed).hasSize(deriver.derive(facts, NOW).updates().size());
        deriver.derive(facts, NOW).updates().forEach(result ->
                assertThat(streamed).containsEntry(result.update().updateId(), result.state()));
    }

    @Test
    void an_update_released_after_the_evaluation_date_is_not_yet_applicable() {
        Instant beforeMarchRelease = Instant.parse("2019-03-11T23:59:59Z");
        ComputerFacts facts = ComputerFacts.scanned("c-1", Set.of(WINDOWS, IE), Set.of("KB4487044"),
                beforeMarchRelease.minus(Duration.ofHours(1)));

        ComputerStates states = deriver.derive(facts, beforeMarchRelease);

        assertThat(states.updates()).extracting(r -> r.update().kb())
                .containsExactlyInAnyOrder("KB4483235", "KB4480116", "KB4487044");
        assertThat(deriver.stateOf(catalog.updatesForProduct(WINDOWS).stream()
                .filter(u -> u.kb().equals("KB4489899")).findFirst().orElseThrow(), facts, beforeMarchRelease).state())
                .isEqualTo(UpdateState.NOT_APPLICABLE);
        assertThat(stateOf(deriver.derive(facts, Instant.parse("2019-03-12T00:00:00Z")), "KB4489899", WINDOWS).state())
                .as("applicable from its release day on").isEqualTo(UpdateState.REQUIRED);
    }

    record Outcome(UpdateState state, String installedVia) {
    }

    private UpdateState stateWithFailures(int attempts, StatePolicy policy) {
        ComputerFacts facts = new ComputerFacts("c-1", Set.of(WINDOWS), Set.of(), Set.of(), Map.of("KB4489899", attempts), Map.of(), NOW);
        return stateOf(new StateDeriver(catalog, policy).derive(facts, NOW), "KB4489899", WINDOWS).state();
    }

    private static ComputerFacts scanned(Set<String> installed) {
        return ComputerFacts.scanned("c-1", Set.of(WINDOWS, IE), installed, NOW.minus(Duration.ofHours(1)));
    }

    private static ComputerFacts withExemptions(Map<String, Instant> exemptions) {
        return new ComputerFacts("c-1", Set.of(WINDOWS, IE), Set.of(), Set.of(), Map.of(), exemptions, NOW);
    }

    private static Outcome stateOf(ComputerStates states, String kb, String product) {
        UpdateStateResult result = states.updates().stream()
                .filter(r -> r.update().kb().equals(kb) && r.update().product().equals(product))
                .findFirst().orElseThrow(() -> new AssertionError(kb + " on " + product + " not among the states"));
        return new Outcome(result.state(), result.installedViaKb());
    }

    static Update update(String kb, String product, String released, String... supersedes) {
        return new Update(kb, kb, product, "", Severity.CRITICAL, "Remote Code Execution", LocalDate.parse(released),
                false, RestartBehaviour.MAY_REQUIRE, List.of(supersedes), List.of());
    }
}
