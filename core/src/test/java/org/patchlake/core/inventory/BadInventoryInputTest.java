package org.patchlake.core.inventory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

class BadInventoryInputTest {

    @Test
    void an_empty_file_is_an_error_naming_the_file() {
        assertThatThrownBy(() -> InventoryParser.parse("empty.txt", new byte[0]))
                .isInstanceOf(InventoryParseException.class)
                .hasMessage("inventory file empty.txt: empty file (0 bytes)");
    }

    @Test
    void a_file_of_blank_lines_is_an_error() {
        assertThatThrownBy(() -> InventoryParser.parse("blank.txt", "\r\n  \r\n".getBytes(StandardCharsets.US_ASCII)))
                .isInstanceOf(InventoryParseException.class)
                .hasMessageContaining("blank.txt").hasMessageContaining("only blank lines");
    }

    @Test
    void binary_junk_is_an_error_naming_what_was_expected() {
        byte[] junk = new byte[4096];
        new Random(42).nextBytes(junk);

        assertThatThrownBy(() -> InventoryParser.parse("junk.bin", junk))
                .isInstanceOf(InventoryParseException.class)
                .hasMessageContaining("junk.bin")
                .hasMessageContaining("systeminfo");
    }

    @Test
    void truncated_utf16_still_parses_what_is_complete() throws Exception {
        byte[] whole = Files.readAllBytes(ValidationFiles.file("10_1803_x64_proforworkstations_en-us_A_20190305_systeminfo.txt"));
        // cut inside the hotfix list, at an odd byte: the last UTF-16 unit is incomplete
        String text = new String(whole, StandardCharsets.UTF_16LE);
        int cut = 2 * text.indexOf("[03]: KB") + 1;
        byte[] truncated = Arrays.copyOf(whole, cut);

        Inventory inventory = InventoryParser.parse("truncated.txt", truncated);

        assertThat(inventory.os().name()).isEqualTo("Microsoft Windows 10 Pro for Workstations");
        assertThat(inventory.installedKbs()).containsExactly("KB4462930", "KB4485449");
        assertThat(inventory.warnings()).anySatisfy(warning -> assertThat(warning).contains("announces 4 entries but shows 2"));
    }

    @Test
    void truncated_utf16_before_the_os_name_is_an_error_saying_so() throws Exception {
        byte[] whole = Files.readAllBytes(ValidationFiles.file("10_1803_x64_proforworkstations_en-us_A_20190305_systeminfo.txt"));

        assertThatThrownBy(() -> InventoryParser.parse("cut.txt", Arrays.copyOf(whole, 61)))
                .isInstanceOf(InventoryParseException.class)
                .hasMessageContaining("cut.txt");
    }

    @Test
    void a_systeminfo_without_an_os_name_line_is_an_error_saying_what_is_missing(@org.junit.jupiter.api.io.TempDir Path directory) throws Exception {
        String original = Files.readString(ValidationFiles.file("10_1803_x64_education_en-us_systeminfo.txt"), StandardCharsets.US_ASCII);
        String withoutOsName = original.replaceAll("(?m)^OS Name:.*\\r?\\n", "");
        Path file = directory.resolve("no-os_systeminfo.txt");
        Files.writeString(file, withoutOsName, StandardCharsets.US_ASCII);

        assertThatThrownBy(() -> InventoryParser.parse(file))
                .isInstanceOf(InventoryParseException.class)
                .hasMessageContaining(file.toString())
                .hasMessageContaining("without an OS name line");
    }

    @Test
    void a_systeminfo_without_a_version_line_is_an_error_saying_what_is_missing() throws Exception {
        String original = Files.readString(ValidationFiles.file("10_1803_x64_education_en-us_systeminfo.txt"), StandardCharsets.US_ASCII);
        String withoutVersion = original.replaceAll("(?m)^OS Version:.*\\r?\\n", "");

        assertThatThrownBy(() -> InventoryParser.parse("no-version.txt", withoutVersion.getBytes(StandardCharsets.US_ASCII)))
                .isInstanceOf(InventoryParseException.class)
                .hasMessageContaining("no-version.txt")
                .hasMessageContaining("without an OS version line");
    }

    @Test
    void plain_prose_is_not_an_inventory() {
        assertThatThrownBy(() -> InventoryParser.parse("readme.txt", "Hello.\nThis is not an inventory.\n".getBytes(StandardCharsets.US_ASCII)))
                .isInstanceOf(InventoryParseException.class)
                .hasMessageContaining("readme.txt: not a systeminfo");
    }

    @Test
    void line_ends_cr_lf_and_crlf_read_alike() {
        String systeminfo = String.join("%n", "Host Name:                 H", "OS Name:                   Microsoft Windows 10 Pro",
                "OS Version:                10.0.19045 N/A Build 19045", "OS Manufacturer:           Microsoft Corporation",
                "System Type:               x64-based PC", "Hotfix(s):                 2 Hotfix(s) Installed.",
                "                           [01]: KB5022502", "                           [02]: KB5001716", "");
        for (String end : new String[] {"\r", "\n", "\r\n", "\r\r\n"}) {
            Inventory inventory = InventoryParser.parse("f", systeminfo.replace("%n", end).getBytes(StandardCharsets.US_ASCII));
            assertThat(inventory.os().build()).as("line end %s", end.replace("\r", "CR").replace("\n", "LF")).isEqualTo(19045);
            assertThat(inventory.installedKbs()).containsExactly("KB5022502", "KB5001716");
        }
    }
}
