package org.patchlake.agent.endpoint.windows;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.patchlake.agent.endpoint.PendingReboot;
import org.patchlake.core.protocol.RebootSource;
import org.patchlake.core.rules.FactUnavailableException;

/** Registry values decoded by their type from the bytes RegQueryValueEx returns, read from real reg export files. */
class RegistryDecodingTest {

    static final String SESSION_MANAGER = "HKLM\\SYSTEM\\CurrentControlSet\\Control\\Session Manager";
    static final RegistryPath SESSION_MANAGER_KEY = RegistryPath.parse(SESSION_MANAGER);

    private static RegistryReader exported(String file) {
        return new RegistryReader(RegExportFile.load("/registry/" + file, new MapRegistry()));
    }

    @Test
    void pending_file_renames_exported_as_a_multi_string_make_a_pending_restart() {
        PendingReboot pending = new PendingRebootDetector(exported("session-manager-pending.reg")).detect();
        assertThat(pending.pending()).isTrue();
        assertThat(pending.reasons()).containsExactly(RebootSource.PENDING_FILE_RENAME_OPERATIONS);
    }

    @Test
    void a_multi_string_keeps_its_empty_entries_which_mean_delete_the_file() {
        assertThat(exported("session-manager-pending.reg").value(SESSION_MANAGER_KEY, "PendingFileRenameOperations"))
            .get().isInstanceOf(String[].class).satisfies(value -> assertThat((String[]) value).containsExactly(
                "\\??\\C:\\Windows\\SoftwareDistribution\\Download\\b0c4e4\\mpengine.dll", "",
                "\\??\\C:\\Program Files\\Contoso\\Agent\\agent.new.dll", "!\\??\\C:\\Program Files\\Contoso\\Agent\\agent.dll"));
    }

    @Test
    void an_exported_multi_string_holding_only_its_terminator_is_empty_and_no_pending_restart() {
        RegistryReader registry = exported("session-manager-idle.reg");
        assertThat(registry.value(SESSION_MANAGER_KEY, "PendingFileRenameOperations")).get()
            .satisfies(value -> assertThat((String[]) value).isEmpty());
        assertThat(new PendingRebootDetector(registry).detect().pending()).isFalse();
    }

    @Test
    void rules_compare_multi_strings_expand_strings_dwords_and_qwords_as_text() {
        RegistryReader registry = exported("session-manager-pending.reg");
        assertThat(registry.text(SESSION_MANAGER_KEY, "ObjectDirectories")).contains("\\Windows\n\\RPC Control");
        assertThat(registry.text(RegistryPath.parse(SESSION_MANAGER + "\\Environment"), "ComSpec"))
            .as("REG_EXPAND_SZ is compared unexpanded, as regedit shows it").contains("%SystemRoot%\\system32\\cmd.exe");
        assertThat(registry.text(SESSION_MANAGER_KEY, "CriticalSectionTimeout")).contains("2592000");
        RegistryReader windows11 = exported("windows11-23h2-pro.reg");
        RegistryPath currentVersion = RegistryPath.parse("HKLM\\SOFTWARE\\Microsoft\\Windows NT\\CurrentVersion");
        assertThat(windows11.value(currentVersion, "InstallTime")).contains(133281792000000000L);
        assertThat(windows11.text(currentVersion, "UBR")).contains("3593");
        assertThat(windows11.text(currentVersion, "DigitalProductId")).get().asString().startsWith("a400000003000000");
        assertThat(windows11.value(currentVersion, "NoSuchValue")).isEmpty();
        assertThat(windows11.value(RegistryPath.parse("HKLM\\SOFTWARE\\NoSuchKey"), "x")).isEmpty();
    }

    @Test
    void strings_end_at_their_first_nul_and_tolerate_a_missing_terminator_or_a_stray_odd_byte() {
        assertThat(RegistryValueDecoder.decode(sz(RegistryData.REG_SZ, "C:\\Windows\0garbage"))).isEqualTo("C:\\Windows");
        assertThat(RegistryValueDecoder.decode(sz(RegistryData.REG_EXPAND_SZ, "%SystemRoot%"))).isEqualTo("%SystemRoot%");
        byte[] odd = "1\0".getBytes(StandardCharsets.UTF_16LE);
        byte[] withStrayByte = java.util.Arrays.copyOf(odd, odd.length + 1);
        assertThat(RegistryValueDecoder.decode(new RegistryData(RegistryData.REG_SZ, withStrayByte))).isEqualTo("1");
        assertThat(RegistryValueDecoder.decode(new RegistryData(RegistryData.REG_SZ, new byte[0]))).isEqualTo("");
    }

    @Test
    void multi_strings_without_their_final_terminators_still_decode_every_string() {
        assertThat((String[]) RegistryValueDecoder.decode(sz(RegistryData.REG_MULTI_SZ, "a\0b\0"))).containsExactly("a", "b");
        assertThat((String[]) RegistryValueDecoder.decode(sz(RegistryData.REG_MULTI_SZ, "a\0b"))).containsExactly("a", "b");
        assertThat((String[]) RegistryValueDecoder.decode(sz(RegistryData.REG_MULTI_SZ, "src\0\0\0"))).containsExactly("src", "");
        assertThat((String[]) RegistryValueDecoder.decode(sz(RegistryData.REG_MULTI_SZ, ""))).isEmpty();
        assertThat((String[]) RegistryValueDecoder.decode(sz(RegistryData.REG_MULTI_SZ, "\0"))).isEmpty();
    }

    @Test
    void numbers_decode_by_their_type_and_byte_order() {
        assertThat(RegistryValueDecoder.decode(new RegistryData(RegistryData.REG_DWORD, new byte[] {1, 2, 0, 0}))).isEqualTo(0x0201);
        assertThat(RegistryValueDecoder.decode(new RegistryData(RegistryData.REG_DWORD_BIG_ENDIAN, new byte[] {0, 0, 2, 1})))
            .isEqualTo(0x0201);
        assertThat(RegistryValues.asText(RegistryValueDecoder.decode(
            new RegistryData(RegistryData.REG_DWORD, new byte[] {-1, -1, -1, -1})))).isEqualTo("4294967295");
        assertThat(RegistryValueDecoder.decode(new RegistryData(RegistryData.REG_QWORD, new byte[] {1, 0, 0, 0, 0, 0, 0, 1})))
            .isEqualTo(0x0100000000000001L);
        assertThat(RegistryValueDecoder.decode(new RegistryData(RegistryData.REG_NONE, new byte[] {7}))).isEqualTo(new byte[] {7});
    }

    @Test
    void a_malformed_number_is_an_unavailable_fact_naming_the_value_type_and_size() {
        MapRegistry registry = new MapRegistry().raw(SESSION_MANAGER, "ProtectionMode",
            new RegistryData(RegistryData.REG_DWORD, new byte[] {1, 0, 0}));
        assertThatThrownBy(() -> new RegistryReader(registry).value(SESSION_MANAGER_KEY, "ProtectionMode"))
            .isInstanceOf(FactUnavailableException.class)
            .hasMessageContaining("HKLM\\SYSTEM\\CurrentControlSet\\Control\\Session Manager ProtectionMode")
            .hasMessageContaining("REG_DWORD value has 3 bytes, expected 4");
    }

    @Test
    void every_read_asks_for_the_sixty_four_bit_view() {
        MapRegistry registry = RegExportFile.load("/registry/windows11-23h2-pro.reg", new MapRegistry());
        assertThatThrownBy(() -> registry.read(RegistryPath.parse("HKLM\\SOFTWARE\\Microsoft\\Cryptography"), "MachineGuid",
            RegistryReader.KEY_READ)).isInstanceOf(AssertionError.class).hasMessageContaining("WOW6432Node");
        new RegistryReader(registry).text(RegistryPath.parse("HKLM\\SOFTWARE\\Microsoft\\Cryptography"), "MachineGuid");
        assertThat(registry.reads).isNotEmpty();
    }

    private static RegistryData sz(int type, String text) {
        return new RegistryData(type, text.getBytes(StandardCharsets.UTF_16LE));
    }
}
