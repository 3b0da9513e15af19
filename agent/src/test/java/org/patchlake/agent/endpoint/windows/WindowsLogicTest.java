package org.patchlake.agent.endpoint.windows;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.patchlake.agent.endpoint.PendingReboot;
import org.patchlake.agent.endpoint.RestartRequest;
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
    void installers_run_silently_and_never_restart_on_their_own() {
        String root = "C:\\Windows";
        assertThat(InstallerCommand.forPackage(Path.of("KB4489899.msu"), List.of(), root))
            .containsExactly("C:\\Windows\\System32\\wusa.exe", "KB4489899.msu", "/quiet", "/norestart");
        assertThat(InstallerCommand.forPackage(Path.of("office.MSI"), List.of(), root))
            .containsExactly("C:\\Windows\\System32\\msiexec.exe", "/i", "office.MSI", "/qn", "/norestart");
        assertThat(InstallerCommand.forPackage(Path.of("fix.msp"), List.of("REBOOT=ReallySuppress"), root))
            .containsExactly("C:\\Windows\\System32\\msiexec.exe", "/p", "fix.msp", "/qn", "/norestart", "REBOOT=ReallySuppress");
        assertThat(InstallerCommand.forPackage(Path.of("setup.exe"), List.of("/S"), root)).containsExactly("setup.exe", "/S");
        assertThat(InstallerCommand.forPackage(Path.of("setup.exe"), List.of(), root))
            .containsExactly("setup.exe", "/quiet", "/norestart");
        assertThatThrownBy(() -> InstallerCommand.forPackage(Path.of("notes.txt"), List.of(), root))
            .hasMessageContaining("unsupported installer type '.txt'");
    }

    @Test
    void restart_command_carries_delay_and_reason_and_is_recorded_as_planned_security_restart() {
        RestartRequest request = new RestartRequest(Instant.parse("2026-11-21T22:00:00Z"), Duration.ofMinutes(15),
            "Patchlake restarts \"now\"\nfor KB4489899");
        assertThat(RestartCommand.of(request, "C:\\Windows")).containsExactly("C:\\Windows\\System32\\shutdown.exe", "/r",
            "/t", "900", "/c", "Patchlake restarts 'now' for KB4489899", "/d", "p:2:17");
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
    void quick_fix_dates_in_every_form_windows_writes_them() {
        assertThat(QuickFixDates.parse("3/12/2019")).contains(LocalDate.of(2019, 3, 12));
        assertThat(QuickFixDates.parse("20190312")).contains(LocalDate.of(2019, 3, 12));
        assertThat(QuickFixDates.parse("01d4d8f1c0a2b000")).contains(LocalDate.of(2019, 3, 12));
        assertThat(QuickFixDates.parse("")).isEmpty();
        assertThat(QuickFixDates.parse("yesterday")).isEmpty();
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
    void catalog_product_names_follow_the_catalog_spelling() {
        assertThat(WindowsProductNames.catalogProduct("Windows 10 Enterprise", "10.0", 17763, "", "AMD64"))
            .isEqualTo("Windows 10 Version 1809 for x64-based Systems");
        assertThat(WindowsProductNames.catalogProduct("Windows 10 Pro", "10.0", 19045, "", "x86"))
            .isEqualTo("Windows 10 Version 22H2 for 32-bit Systems");
        assertThat(WindowsProductNames.catalogProduct("Windows 10 Pro", "10.0", 22631, "", "ARM64"))
            .as("Windows 11 still says Windows 10 in ProductName")
            .isEqualTo("Windows 11 Version 23H2 for ARM64-based Systems");
        assertThat(WindowsProductNames.catalogProduct("Windows Server 2019 Datacenter", "10.0", 17763, "", "AMD64"))
            .isEqualTo("Windows Server 2019");
        assertThat(WindowsProductNames.catalogProduct("Windows 7 Professional", "6.1", 7601, "Service Pack 1", "AMD64"))
            .isEqualTo("Windows 7 for x64-based Systems Service Pack 1");
        assertThat(WindowsProductNames.catalogProduct("Windows 10 Insider", "10.0", 99999, "", "AMD64"))
            .as("an unknown build falls back to the registry's name").isEqualTo("Windows 10 Insider");
    }

    @Test
    void kb_numbers_are_found_in_update_titles() {
        assertThat(UpdateTitles.kb("2019-03 Cumulative Update for Windows 10 Version 1809 for x64-based Systems (KB4489899)"))
            .contains("KB4489899");
        assertThat(UpdateTitles.kb("Definition Update for Windows Defender - KB 2267602 (Definition 1.291.1)")).contains("KB2267602");
        assertThat(UpdateTitles.kb("Feature update to Windows 10")).isEmpty();
    }
}
