package org.patchlake.core.state;

import static org.assertj.core.api.Assertions.assertThat;
import static org.patchlake.core.catalog.Updates.DOTNET_W7;
import static org.patchlake.core.catalog.Updates.FLASH_W1803;
import static org.patchlake.core.catalog.Updates.IE_W1803;
import static org.patchlake.core.catalog.Updates.W1803;
import static org.patchlake.core.catalog.Updates.W7;
import static org.patchlake.core.catalog.Updates.kb;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.patchlake.core.catalog.Catalog;

/**
 * States under cumulative servicing, on a catalog shaped like the wesng data for Windows 10 1803 in early 2019:
 * January's cumulative update KB4480966 (also shipping IE), a servicing stack update of the same day, February's
 * KB4487017 that supersedes nothing (as in the data, where it lists only a side branch), the optional preview
 * KB4487029 of February 20, and Flash packages.
 */
class CumulativeStatesTest {
    static final Instant MARCH_5 = Instant.parse("2019-03-05T12:00:00Z");

    final Catalog catalog = Catalog.fromUpdates(List.of(
            kb("KB4471324", W1803).on("2018-12-11").cves(1, 12).build(),
            kb("KB4480966", W1803).on("2019-01-08").cves(20, 26).build(),
            kb("KB4480966", IE_W1803).on("2019-01-08").cves(60, 2).build(),
            kb("KB4480978", W1803).on("2019-01-08").cves(70, 1).build(),
            kb("KB4487017", W1803).on("2019-02-12").cves(100, 29).build(),
            kb("KB4487029", W1803).on("2019-02-20").ids("ADV190005").unrated().build(),
            kb("KB4477029", FLASH_W1803).on("2018-11-29").ids("ADV180030").build(),
            kb("KB4487038", FLASH_W1803).on("2019-02-13").ids("ADV190003").build()), Map.of());
    final StateDeriver deriver = new StateDeriver(catalog, StatePolicy.defaults());
    final InstallPlanner planner = new InstallPlanner(deriver);

    @Test
    void an_installed_cumulative_update_covers_every_earlier_update_of_its_stream_and_is_recorded_as_the_covering_one() {
        ComputerStates states = deriver.derive(computer(Set.of("KB4487017")), MARCH_5);

        assertThat(state(states, "KB4471324", W1803)).isEqualTo(new Outcome(UpdateState.INSTALLED, "KB4487017"));
        assertThat(state(states, "KB4480978", W1803)).as("servicing stack update").isEqualTo(new Outcome(UpdateState.INSTALLED, "KB4487017"));
        assertThat(state(states, "KB4480966", IE_W1803)).as("Internet Explorer on the same OS")
                .isEqualTo(new Outcome(UpdateState.INSTALLED, "KB4487017"));
        assertThat(state(states, "KB4477029", FLASH_W1803)).as("Flash is serviced by its own packages")
                .isEqualTo(new Outcome(UpdateState.REQUIRED, null));
    }

    @Test
    void an_optional_preview_is_never_derived_and_once_installed_covers_what_came_before_it() {
        ComputerStates nothing = deriver.derive(computer(Set.of()), MARCH_5);
        ComputerStates preview = deriver.derive(computer(Set.of("KB4487029")), MARCH_5);

        assertThat(nothing.updates()).extracting(result -> result.update().kb()).doesNotContain("KB4487029");
        assertThat(state(preview, "KB4487017", W1803)).isEqualTo(new Outcome(UpdateState.INSTALLED, "KB4487029"));
        assertThat(deriver.stateOf(catalog.update("KB4487029", W1803).orElseThrow(), computer(Set.of()), MARCH_5).state())
                .isEqualTo(UpdateState.NOT_APPLICABLE);
    }

    @Test
    void an_update_whose_covering_cumulative_update_failed_after_the_allowed_attempts_is_failed_too() {
        ComputerFacts facts = new ComputerFacts("c-1", Set.of(W1803, IE_W1803), Set.of("KB4471324"), Set.of(),
                Map.of("KB4487017", 3), Map.of(), MARCH_5);

        ComputerStates states = deriver.derive(facts, MARCH_5);

        assertThat(state(states, "KB4480978", W1803).state()).isEqualTo(UpdateState.FAILED);
        assertThat(states.updates()).filteredOn(result -> result.update().kb().equals("KB4480978"))
                .extracting(UpdateStateResult::failedAttempts).containsExactly(3);
        assertThat(state(states, "KB4471324", W1803).state()).as("installed wins").isEqualTo(UpdateState.INSTALLED);
    }

    @Test
    void a_covering_update_waiting_for_a_restart_leaves_what_it_covers_pending_reboot() {
        ComputerFacts facts = new ComputerFacts("c-1", Set.of(W1803), Set.of(), Set.of("KB4487017"), Map.of(), Map.of(), MARCH_5);

        assertThat(state(deriver.derive(facts, MARCH_5), "KB4480966", W1803))
                .isEqualTo(new Outcome(UpdateState.INSTALLED_PENDING_REBOOT, "KB4487017"));
    }

    @Test
    void the_plan_for_a_bare_machine_is_the_latest_cumulative_update_and_the_latest_flash_never_the_preview() {
        ComputerFacts facts = computer(Set.of());
        InstallPlan plan = planner.plan(facts, deriver.derive(facts, MARCH_5), MARCH_5);

        assertThat(plan.kbs()).containsExactly("KB4487017", "KB4487038");
        assertThat(plan.targets()).isEqualTo(7);
        assertThat(plan.installs().get(0).covers()).hasSize(5);
        assertThat(plan.summary()).isEqualTo("install KB4487017 and KB4487038 to fix these 7");
    }

    @Test
    void the_plan_for_updates_to_remediate_installs_what_covers_them_never_a_covered_one() {
        ComputerFacts facts = computer(Set.of());

        InstallPlan plan = planner.plan(facts, catalog.updatesForKb("KB4480966"), MARCH_5);

        assertThat(plan.kbs()).containsExactly("KB4487017");
        assertThat(plan.targets()).isEqualTo(2);
        assertThat(planner.plan(facts, catalog.updatesForKb("KB4480966"), Instant.parse("2019-01-20T00:00:00Z")).kbs())
                .as("before February's update existed").containsExactly("KB4480966");
    }

    @Test
    void a_fully_patched_machine_has_nothing_to_install() {
        ComputerFacts facts = computer(Set.of("KB4487017", "KB4487038"));

        InstallPlan plan = planner.plan(facts, deriver.derive(facts, MARCH_5), MARCH_5);

        assertThat(plan.installs()).isEmpty();
        assertThat(plan.summary()).isEqualTo("nothing to install");
    }

    @Test
    void a_dot_net_update_listed_under_the_os_applies_only_where_that_dot_net_version_is_present() {
        Catalog windows7 = Catalog.fromUpdates(List.of(
                kb("KB2931368", W7).on("2014-05-13").cves(1, 1).component("Microsoft .NET Framework 4.5").build(),
                kb("KB2931365", W7).on("2014-05-13").cves(2, 1).component("Microsoft .NET Framework 3.5.1").build(),
                kb("KB4487078", DOTNET_W7).on("2019-02-12").cves(3, 2).build()), Map.of());
        StateDeriver windows7Deriver = new StateDeriver(windows7, StatePolicy.defaults());

        ComputerStates inBox = windows7Deriver.derive(ComputerFacts.scanned("w7", Set.of(W7, DOTNET_W7), Set.of(), MARCH_5), MARCH_5);
        ComputerStates unknown = windows7Deriver.derive(ComputerFacts.scanned("w7", Set.of(W7), Set.of(), MARCH_5), MARCH_5);

        assertThat(inBox.updates()).extracting(result -> result.update().kb()).containsExactlyInAnyOrder("KB2931365", "KB4487078");
        assertThat(unknown.updates()).as("no .NET known on the machine: every row applies, an upper bound")
                .extracting(result -> result.update().kb()).containsExactlyInAnyOrder("KB2931368", "KB2931365");
    }

    record Outcome(UpdateState state, String via) {
    }

    private static ComputerFacts computer(Set<String> installed) {
        return ComputerFacts.scanned("c-1", Set.of(W1803, IE_W1803, FLASH_W1803), installed, MARCH_5);
    }

    private static Outcome state(ComputerStates states, String kb, String product) {
        return states.updates().stream()
                .filter(result -> result.update().kb().equals(kb) && result.update().product().equals(product))
                .map(result -> new Outcome(result.state(), result.installedViaKb()))
                .findFirst().orElseThrow(() -> new AssertionError(kb + " on " + product + " not derived"));
    }
}
