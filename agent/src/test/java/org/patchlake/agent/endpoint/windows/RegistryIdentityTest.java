package org.patchlake.agent.endpoint.windows;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.patchlake.agent.SettableClock;
import org.patchlake.agent.endpoint.ComputerIdentity;
import org.patchlake.agent.endpoint.SimulatedEndpoint;
import org.patchlake.agent.endpoint.SimulatedMachine;
import org.patchlake.agent.scan.Scanner;
import org.patchlake.core.protocol.OsIdentity;

/** The simulated machine hands the scan the identity the Windows backend reads from the same machine's registry. */
class RegistryIdentityTest {

    private static MapRegistry registry(String productName, String currentVersion, Integer major, Integer minor, String build,
                                        int revision, String displayVersion, String servicePack) {
        String key = "HKLM\\SOFTWARE\\Microsoft\\Windows NT\\CurrentVersion";
        MapRegistry registry = new MapRegistry()
            .value(key, "ProductName", productName)
            .value(key, "CurrentVersion", currentVersion)
            .value(key, "CurrentBuildNumber", build)
            .value(key, "UBR", revision)
            .value("HKLM\\SOFTWARE\\Microsoft\\Cryptography", "MachineGuid", "8d3f0a52-5b1e-4c7a-9f0e-2a6b1c9d4e11")
            .value("HKLM\\SYSTEM\\CurrentControlSet\\Control\\Session Manager\\Environment", "PROCESSOR_ARCHITECTURE", "AMD64");
        if (major != null) {
            registry.value(key, "CurrentMajorVersionNumber", major).value(key, "CurrentMinorVersionNumber", minor);
        }
        if (displayVersion != null) {
            registry.value(key, "DisplayVersion", displayVersion);
        }
        if (servicePack != null) {
            registry.value(key, "CSDVersion", servicePack);
        }
        return registry;
    }

    private static OsIdentity simulated(ComputerIdentity windows) {
        SimulatedMachine machine = new SimulatedMachine(windows.hostname(), windows.domain(), windows.hardwareId(),
            new SimulatedMachine.Os(windows.product(), windows.name(), windows.version(), windows.build(), windows.architecture()),
            Instant.parse("2026-03-01T00:00:00Z"), List.of(), Map.of(), Map.of(), Map.of(), null, null, null);
        ComputerIdentity identity = new SimulatedEndpoint(machine, new SettableClock(Instant.parse("2026-03-02T00:00:00Z")))
            .osIdentity();
        assertThat(identity).isEqualTo(windows);
        return Scanner.osIdentityOf(identity);
    }

    @Test
    void windows_10_sends_the_nt_version_and_the_full_build() {
        ComputerIdentity windows = RegistryIdentity.read(registry("Windows 10 Enterprise", "6.3", 10, 0, "19045", 3930, "22H2", null),
            "WS-0001", Map.of("USERDNSDOMAIN", "CORP.EXAMPLE"));
        assertThat(windows.build()).isEqualTo("10.0.19045.3930");
        assertThat(windows.product()).isEqualTo("Windows 10 Version 22H2 for x64-based Systems");
        OsIdentity sent = simulated(windows);
        assertThat(sent).isEqualTo(Scanner.osIdentityOf(windows));
        assertThat(sent.version()).isEqualTo("10.0.19045");
        assertThat(sent.build()).isEqualTo("19045.3930");
        assertThat(sent.product()).isEqualTo("Windows 10 Version 22H2 for x64-based Systems");
    }

    @Test
    void windows_7_reads_its_version_from_current_version_and_its_service_pack_from_csd_version() {
        ComputerIdentity windows = RegistryIdentity.read(registry("Windows 7 Enterprise", "6.1", null, null, "7601", 24544, null,
            "Service Pack 1"), "WS-0002", Map.of());
        assertThat(windows.build()).isEqualTo("6.1.7601.24544");
        assertThat(windows.product()).isEqualTo("Windows 7 for x64-based Systems Service Pack 1");
        OsIdentity sent = simulated(windows);
        assertThat(sent.version()).isEqualTo("6.1.7601");
        assertThat(sent.build()).isEqualTo("7601.24544");
    }

    @Test
    void windows_11_keeps_the_product_name_windows_reports_and_the_catalog_product_of_its_build() {
        ComputerIdentity windows = RegistryIdentity.read(registry("Windows 10 Enterprise", "6.3", 10, 0, "22631", 4890, "23H2", null),
            "WS-0003", Map.of("USERDOMAIN", "CORP"));
        assertThat(windows.product()).isEqualTo("Windows 11 Version 23H2 for x64-based Systems");
        assertThat(windows.domain()).isEqualTo("CORP");
        assertThat(simulated(windows).version()).isEqualTo("10.0.22631");
    }
}
