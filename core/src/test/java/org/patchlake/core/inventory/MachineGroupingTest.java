package org.patchlake.core.inventory;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class MachineGroupingTest {

    @Test
    void files_sharing_a_name_prefix_are_one_machine() {
        assertThat(MachineGrouping.machineKey("/x/7_sp1_x64_enterprise_en-us_20190305_qfe.txt")).isEqualTo("7_sp1_x64_enterprise_en-us_20190305");
        assertThat(MachineGrouping.machineKey("srv_2012r2_u1_systeminfo2.txt")).isEqualTo("srv_2012r2_u1");
        assertThat(MachineGrouping.machineKey("srv_2012r2_u1_updates_optional.txt")).isEqualTo("srv_2012r2_u1");
        assertThat(MachineGrouping.machineKey("inventory.txt")).isEqualTo("inventory");
    }

    @Test
    void systeminfo_and_qfe_of_one_machine_merge_and_qfe_completes_a_truncated_hotfix_list() {
        Inventory systeminfo = InventoryParser.parse(ValidationFiles.file("xp_sp3_x86_professional_en-us_systeminfo.txt"));
        Inventory qfe = InventoryParser.parse(ValidationFiles.file("xp_sp3_x86_professional_en-us_qfe.txt"));

        List<MachineInventory> machines = MachineGrouping.group(List.of(systeminfo, qfe));

        assertThat(machines).hasSize(1);
        MachineInventory machine = machines.get(0);
        assertThat(machine.os()).isEqualTo(systeminfo.os());
        // systeminfo's 93 (cut at [221) are all in the qfe's 135, which adds dates
        assertThat(qfe.installedKbs()).containsAll(systeminfo.installedKbs());
        assertThat(machine.installedKbs()).hasSize(135);
        assertThat(machine.installed()).filteredOn(kb -> kb.kb().equals("KB2115168"))
                .singleElement().satisfies(kb -> assertThat(kb.installedOn()).isNotNull());
    }

    @Test
    void systeminfo_files_that_disagree_on_the_os_are_not_merged() {
        Inventory sp0 = InventoryParser.parse(ValidationFiles.file("vista_x64_sp0_systeminfo.txt"));
        Inventory sp1 = InventoryParser.parse(ValidationFiles.file("vista_x64_sp1_systeminfo.txt"));
        Inventory renamedSp0 = new Inventory("vista_x64_systeminfo.txt", sp0.format(), sp0.encoding(), sp0.hostName(), sp0.os(),
                sp0.installed(), sp0.declaredHotfixes(), List.of(), List.of());
        Inventory renamedSp1 = new Inventory("vista_x64_systeminfo2.txt", sp1.format(), sp1.encoding(), sp1.hostName(), sp1.os(),
                sp1.installed(), sp1.declaredHotfixes(), List.of(), List.of());

        assertThat(MachineGrouping.group(List.of(renamedSp0, renamedSp1))).hasSize(2);
    }
}
