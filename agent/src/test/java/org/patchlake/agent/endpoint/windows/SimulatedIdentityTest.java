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

/**
 * A simulated machine hands the scan the identity the Windows backend reads from the same machine's registry, so both
 * send the same protocol OS identity (the full build: the server places the OS and its in-box products by it).
 */
class SimulatedIdentityTest {
    private static final String CURRENT_VERSION = "HKLM\\SOFTWARE\\Microsoft\\Windows NT\\CurrentVersion";

    private record Names(String hostname, String dnsDomain) implements ComputerNames {
    }

    private static ComputerIdentity windows(MapRegistry registry, String hostname) {
        registry.string("HKLM\\SOFTWARE\\Microsoft\\Cryptography", "MachineGuid", "8d3f0a52-5b1e-4c7a-9f0e-2a6b1c9d4e11")
            .string("HKLM\\SYSTEM\\CurrentControlSet\\Control\\Session Manager\\Environment", "PROCESSOR_ARCHITECTURE", "AMD64");
        return new WindowsIdentity(new RegistryReader(registry), new Names(hostname, "corp.example")).read();
    }

    /** The same machine simulated: its OS as the identity says, handed to the scan by the simulated endpoint. */
    private static OsIdentity simulated(ComputerIdentity windows) {
        SimulatedMachine machine = new SimulatedMachine(windows.hostname(), windows.domain(), windows.hardwareId(),
            new SimulatedMachine.Os(windows.product(), windows.name(), windows.version(), windows.build(), windows.architecture(),
                windows.servicePack()),
            Instant.parse("2026-03-01T00:00:00Z"), List.of(), Map.of(), Map.of(), Map.of(), null, null, null);
        ComputerIdentity identity = new SimulatedEndpoint(machine, new SettableClock(Instant.parse("2026-03-02T00:00:00Z")))
            .osIdentity();
        assertThat(identity).isEqualTo(windows);
        return Scanner.osIdentityOf(identity);
    }

    @Test
    void windows_10_sends_the_nt_version_and_the_full_build() {
        ComputerIdentity windows = windows(new MapRegistry().string(CURRENT_VERSION, "ProductName", "Windows 10 Enterprise")
            .string(CURRENT_VERSION, "EditionID", "Enterprise").string(CURRENT_VERSION, "InstallationType", "Client")
            .string(CURRENT_VERSION, "CurrentVersion", "6.3").dword(CURRENT_VERSION, "CurrentMajorVersionNumber", 10)
            .dword(CURRENT_VERSION, "CurrentMinorVersionNumber", 0).string(CURRENT_VERSION, "CurrentBuildNumber", "19045")
            .dword(CURRENT_VERSION, "UBR", 3930).string(CURRENT_VERSION, "DisplayVersion", "22H2"), "WS-0001");
        OsIdentity sent = simulated(windows);
        assertThat(sent).isEqualTo(Scanner.osIdentityOf(windows));
        assertThat(sent.version()).isEqualTo("10.0.19045");
        assertThat(sent.build()).isEqualTo("19045.3930");
        assertThat(sent.product()).isEqualTo("Windows 10 Version 22H2 for x64-based Systems");
    }

    @Test
    void windows_7_sends_its_nt_6_1_version_and_service_pack() {
        ComputerIdentity windows = windows(new MapRegistry().string(CURRENT_VERSION, "ProductName", "Windows 7 Enterprise")
            .string(CURRENT_VERSION, "EditionID", "Enterprise").string(CURRENT_VERSION, "CurrentVersion", "6.1")
            .string(CURRENT_VERSION, "CurrentBuildNumber", "7601").dword(CURRENT_VERSION, "UBR", 24544)
            .string(CURRENT_VERSION, "CSDVersion", "Service Pack 1"), "WS-0002");
        OsIdentity sent = simulated(windows);
        assertThat(sent.version()).isEqualTo("6.1.7601");
        assertThat(sent.build()).isEqualTo("7601.24544");
        assertThat(sent.servicePack()).isEqualTo("Service Pack 1");
        assertThat(sent.product()).isEqualTo("Windows 7 for x64-based Systems Service Pack 1");
    }
}
