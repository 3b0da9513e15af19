package org.patchlake.core.inventory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Coverage-guided fuzzing (Jazzer) of everything that reads an inventory file: encoding detection and line splitting,
 * the systeminfo, wmic qfe and update-list parsers, and what evaluate does next (machine merge, OS product name).
 * Any bytes either parse or fail with {@link InventoryParseException} naming the file; anything else is a finding.
 * The build runs the corpus in {@code InventoryFuzzTestInputs/}; {@code ./patchlake bench fuzz} fuzzes.
 */
class InventoryFuzzTest {
    private static final String FILE = "fuzz/machine_systeminfo.txt";

    @FuzzTest(maxDuration = "10s")
    void any_bytes_parse_as_an_inventory_or_fail_naming_the_file(byte[] bytes) {
        Inventory inventory;
        try {
            inventory = InventoryParser.parse(FILE, bytes);
        } catch (InventoryParseException e) {
            assertThat(e.getMessage()).startsWith("inventory file " + FILE + ": ");
            return;
        }
        assertThat(inventory.sourceFile()).isEqualTo(FILE);
        MachineInventory machine = MachineInventory.merge(MachineGrouping.machineKey(FILE), List.of(inventory));
        assertThat(machine.installedKbs()).containsAll(inventory.installedKbs());
        inventory.osIdentity().ifPresent(ProductIdentifier::osProductName);
    }

    // Findings, kept in the corpus too (crash-*): numbers too large for an int made parseInt escape as a crash.

    @Test
    void a_build_number_too_large_for_an_int_is_a_parse_error_naming_the_version() {
        assertThatThrownBy(() -> InventoryParser.parse(FILE, systeminfo("10.0.99999999999 N/A Build 17134", "1")))
                .isInstanceOf(InventoryParseException.class)
                .hasMessage("inventory file " + FILE + ": systeminfo OS version '10.0.99999999999 N/A Build 17134' has a build or"
                        + " service pack number out of range");
    }

    @Test
    void a_service_pack_number_too_large_for_an_int_is_a_parse_error() {
        assertThatThrownBy(() -> InventoryParser.parse(FILE, systeminfo("6.1.7601 Service Pack 99999999999 Build 7601", "1")))
                .isInstanceOf(InventoryParseException.class).hasMessageContaining("out of range");
    }

    @Test
    void a_hotfix_count_too_large_for_an_int_is_ignored_and_the_listed_hotfixes_are_kept() {
        Inventory inventory = InventoryParser.parse(FILE, systeminfo("10.0.17134 N/A Build 17134", "99999999999"));
        assertThat(inventory.installedKbs()).containsExactly("KB123456");
        assertThat(inventory.osIdentity()).hasValueSatisfying(os -> assertThat(os.build()).isEqualTo(17134));
    }

    private static byte[] systeminfo(String osVersion, String hotfixCount) {
        return ("Host Name:                 PC1\r\n"
                + "OS Name:                   Microsoft Windows 10 Pro\r\n"
                + "OS Version:                " + osVersion + "\r\n"
                + "OS Manufacturer:           Microsoft Corporation\r\n"
                + "System Type:               x64-based PC\r\n"
                + "Hotfix(s):                 " + hotfixCount + " Hotfix(s) Installed.\r\n"
                + "                           [01]: KB123456\r\n").getBytes(StandardCharsets.US_ASCII);
    }
}
