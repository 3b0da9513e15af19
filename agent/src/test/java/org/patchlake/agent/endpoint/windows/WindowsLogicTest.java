package org.patchlake.agent.endpoint.windows;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.patchlake.agent.endpoint.PendingReboot;
import org.patchlake.core.protocol.RebootSource;
import org.patchlake.core.rules.Version;

class WindowsLogicTest {

    @Test
    void no_signal_means_no_pending_reboot() {
        assertThat(new PendingRebootDetector(new RegistryReader(new MapRegistry())).detect()).isEqualTo(PendingReboot.none());
    }

    @Test
    void each_of_the_three_registry_signals_is_reported_as_its_source() {
        MapRegistry registry = new MapRegistry()
            .key("HKLM\\SOFTWARE\\Microsoft\\Windows\\CurrentVersion\\Component Based Servicing\\RebootPending")
            .key("HKLM\\SOFTWARE\\Microsoft\\Windows\\CurrentVersion\\WindowsUpdate\\Auto Update\\RebootRequired")
            .multiString("HKLM\\SYSTEM\\CurrentControlSet\\Control\\Session Manager", "PendingFileRenameOperations",
                "\\??\\C:\\Windows\\temp\\x.dll", "");
        PendingReboot pending = new PendingRebootDetector(new RegistryReader(registry)).detect();
        assertThat(pending.pending()).isTrue();
        assertThat(pending.reasons()).containsExactly(RebootSource.CBS_REBOOT_PENDING, RebootSource.WU_REBOOT_REQUIRED,
            RebootSource.PENDING_FILE_RENAME_OPERATIONS);
    }

    @Test
    void an_empty_pending_file_rename_list_is_not_a_pending_reboot() {
        MapRegistry registry = new MapRegistry().multiString("HKLM\\SYSTEM\\CurrentControlSet\\Control\\Session Manager",
            "PendingFileRenameOperations", "", "");
        assertThat(new PendingRebootDetector(new RegistryReader(registry)).detect().pending()).isFalse();
    }

    @Test
    void environment_variables_in_rule_paths_expand_case_insensitively() {
        Map<String, String> environment = Map.of("SystemRoot", "C:\\Windows", "ProgramFiles", "C:\\Program Files");
        assertThat(WindowsPaths.expand("%SYSTEMROOT%\\system32\\netapi32.dll", environment))
            .isEqualTo("C:\\Windows\\system32\\netapi32.dll");
        assertThat(WindowsPaths.expand("%ProgramFiles%\\x\\%Unknown%\\y", environment))
            .isEqualTo("C:\\Program Files\\x\\%Unknown%\\y");
        assertThat(WindowsPaths.expand("50%", environment)).isEqualTo("50%");
    }

    @Test
    void file_version_words_split_into_four_parts() {
        int mostSignificant = (5 << 16) | 2;
        int leastSignificant = (3790 << 16) | 2606;
        assertThat(FileVersionWords.toVersion(mostSignificant, leastSignificant)).isEqualTo(Version.parse("5.2.3790.2606"));
        assertThat(FileVersionWords.toVersion((10 << 16), (65535 << 16) | 65535)).isEqualTo(Version.parse("10.0.65535.65535"));
    }

    @Test
    void registry_paths_accept_short_and_long_hive_names() {
        assertThat(RegistryPath.parse("HKLM\\SOFTWARE\\X\\")).isEqualTo(new RegistryPath(RegistryPath.Hive.HKEY_LOCAL_MACHINE, "SOFTWARE\\X"));
        assertThat(RegistryPath.parse("HKEY_CURRENT_USER\\A").hive()).isEqualTo(RegistryPath.Hive.HKEY_CURRENT_USER);
        assertThatThrownBy(() -> RegistryPath.parse("SOFTWARE\\X")).hasMessageContaining("does not start with a hive");
    }

    @Test
    void kb_numbers_are_found_in_update_titles() {
        assertThat(UpdateTitles.kb("2019-03 Cumulative Update for Windows 10 Version 1809 for x64-based Systems (KB4489899)"))
            .contains("KB4489899");
        assertThat(UpdateTitles.kb("Definition Update for Windows Defender - KB 2267602 (Definition 1.291.1)")).contains("KB2267602");
        assertThat(UpdateTitles.kb("Feature update to Windows 10")).isEmpty();
    }
}
