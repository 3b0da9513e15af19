package org.patchlake.etl.evaluate;

import org.patchlake.core.testing.SharedData;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.patchlake.core.catalog.Catalog;
import org.patchlake.core.catalog.WesngCatalogBuilder;
import org.patchlake.core.state.UpdateState;
import org.patchlake.core.state.UpdateStateResult;

/**
 * Patchlake against the only independent judge there is: the four real machines of shared/data/wesng/validation
 * whose Windows Update Agent wrote, on the day of the capture, the updates it found not installed
 * ({@code *_updates.txt}). Each machine is evaluated as of that day ({@code --as-of}). The two differences left are
 * explained in etl/README-evaluate.md ("Agreement with Windows Update").
 */
class WindowsUpdateAgreementTest {
    private static final Map<String, LocalDate> CAPTURES = Map.of(
            "10_1803_x64_proforworkstations_en-us_A_20190305", LocalDate.of(2019, 3, 5),
            "10_1803_x64_proforworkstations_en-us_B_20190306", LocalDate.of(2019, 3, 6),
            "10_1809_x64_education_en-us_20190306", LocalDate.of(2019, 3, 6),
            "7_sp1_x64_enterprise_en-us_20190305", LocalDate.of(2019, 3, 5));
    private static Catalog catalog;
    private static Map<String, MachineEvaluation> evaluations;

    @BeforeAll
    static void evaluateTheFourMachinesAsOfTheirCaptureDay() throws IOException {
        Path shared = SharedData.shared();
        catalog = WesngCatalogBuilder.read(shared.resolve("data/wesng/definitions.zip"), rows -> { }).catalog();
        evaluations = new TreeMap<>();
        for (Map.Entry<String, LocalDate> capture : CAPTURES.entrySet()) {
            List<Path> files;
            try (Stream<Path> listing = Files.list(shared.resolve("data/wesng/validation"))) {
                files = listing.filter(file -> file.getFileName().toString().startsWith(capture.getKey() + "_")).sorted().toList();
            }
            List<MachineEvaluation> result = new Evaluator(catalog, capture.getValue()).evaluate(files, false, Instant.now());
            assertThat(result).hasSize(1);
            evaluations.put(capture.getKey(), result.get(0));
        }
    }

    @Test
    void every_machine_with_a_windows_update_list_is_evaluated_and_checked() {
        assertThat(evaluations.values()).allSatisfy(evaluation -> {
            assertThat(evaluation.evaluated()).as(evaluation.name()).isTrue();
            assertThat(evaluation.windowsUpdate()).as(evaluation.name()).isNotNull();
        });
    }

    @Test
    void a_fully_patched_windows_10_machine_needs_nothing_as_windows_update_says() {
        MachineEvaluation machine = evaluations.get("10_1803_x64_proforworkstations_en-us_A_20190305");

        assertThat(machine.required()).isEmpty();
        assertThat(machine.windowsUpdate().windowsUpdate()).isEmpty();
        assertThat(machine.windowsUpdate().patchlake()).isEmpty();
        assertThat(machine.windowsUpdate().listed()).containsExactly("KB2267602", "KB4100347");
    }

    @Test
    void a_bare_windows_10_machine_needs_februarys_cumulative_update_and_flash_as_windows_update_says() {
        MachineEvaluation machine = evaluations.get("10_1803_x64_proforworkstations_en-us_B_20190306");

        assertThat(machine.plan().kbs()).containsExactly("KB4487017", "KB4487038");
        assertThat(machine.windowsUpdate().windowsUpdate()).containsExactly("KB4487017", "KB4487038");
        assertThat(machine.windowsUpdate().agreed()).containsExactly("KB4487017", "KB4487038");
    }

    @Test
    void a_windows_10_1809_machine_with_februarys_updates_needs_nothing_and_its_dot_net_quality_update_is_no_security_update() {
        MachineEvaluation machine = evaluations.get("10_1809_x64_education_en-us_20190306");

        assertThat(machine.required()).isEmpty();
        assertThat(machine.windowsUpdate().listed()).containsExactly("KB4486553");
        assertThat(machine.windowsUpdate().windowsUpdate()).as("not in Microsoft's security data, title without 'Security'").isEmpty();
    }

    @Test
    void the_windows_7_machine_needs_februarys_rollups_of_windows_and_dot_net() {
        MachineEvaluation machine = evaluations.get("7_sp1_x64_enterprise_en-us_20190305");

        assertThat(machine.plan().kbs()).containsExactly("KB4486563", "KB4487078");
        assertThat(machine.windowsUpdate().windowsUpdate()).containsExactly("KB3109560", "KB4483187", "KB4486563", "KB4487078");
        assertThat(machine.windowsUpdate().onlyPatchlake()).isEmpty();
        // the two differences (README-evaluate.md): the December 2018 out-of-band IE update that February's rollup
        // in the plan contains, and a January 2016 kernel update the installed November 2018 rollup covers here
        assertThat(machine.windowsUpdate().onlyWindowsUpdate()).containsExactly("KB3109560", "KB4483187");
        assertThat(machine.fixedBy(catalog.update("KB4483187", "Internet Explorer 11 on Windows 7 for x64-based Systems Service Pack 1")
                .orElseThrow())).contains("KB4486563");
        assertThat(machine.states().updates()).filteredOn(result -> result.update().kb().equals("KB3109560"))
                .extracting(UpdateStateResult::state, UpdateStateResult::installedViaKb)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(UpdateState.INSTALLED, "KB4467107"));
        assertThat(machine.notes()).contains("3 KBs installed after 2019-03-05 not counted: KB3109560, KB3138378, KB3150513");
    }

    @Test
    void over_the_four_machines_plans_and_windows_update_agree_on_4_of_6_kbs_and_windows_update_needs_nothing_the_plans_miss() {
        int agreed = 0;
        int union = 0;
        int fixedInSubstance = 0;
        for (MachineEvaluation machine : evaluations.values()) {
            WindowsUpdateCheck check = machine.windowsUpdate();
            agreed += check.agreed().size();
            union += check.union().size();
            for (String kb : check.windowsUpdate()) {
                boolean planned = check.patchlake().contains(kb);
                boolean fixedByThePlan = machine.required().stream().anyMatch(update -> update.kb().equals(kb) && machine.fixedBy(update).isPresent());
                boolean coveredHere = machine.states().updates().stream().anyMatch(result -> result.update().kb().equals(kb)
                        && result.state() == UpdateState.INSTALLED && result.installedViaKb() != null);
                if (planned || fixedByThePlan || coveredHere) {
                    fixedInSubstance++;
                }
            }
        }

        assertThat(agreed).isEqualTo(4);
        assertThat(union).isEqualTo(6);
        assertThat(fixedInSubstance).as("every KB Windows Update asks for is planned, contained in a planned update, or"
                + " covered by an installed one").isEqualTo(6);
    }
}
