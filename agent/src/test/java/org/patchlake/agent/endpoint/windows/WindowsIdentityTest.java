package org.patchlake.agent.endpoint.windows;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.patchlake.agent.endpoint.ComputerIdentity;
import org.patchlake.agent.scan.Scanner;
import org.patchlake.core.protocol.OsIdentity;
import org.patchlake.core.rules.FactUnavailableException;

/** Who the computer is, from reg export fixtures of real registry layouts and the DNS names. */
class WindowsIdentityTest {

    private static ComputerIdentity identity(String file, String hostname, String domain) {
        MapRegistry registry = RegExportFile.load("/registry/" + file, new MapRegistry());
        return new WindowsIdentity(new RegistryReader(registry), new FixedNames(hostname, domain)).read();
    }

    @Test
    void windows_11_is_named_windows_11_although_product_name_says_windows_10() {
        ComputerIdentity computer = identity("windows11-23h2-pro.reg", "ws-0042", "corp.example");
        assertThat(computer.name()).isEqualTo("Microsoft Windows 11 Pro");
        assertThat(computer.product()).isEqualTo("Windows 11 Version 23H2 for x64-based Systems");
        assertThat(computer.build()).isEqualTo("10.0.22631.3593");
        assertThat(computer.version()).isEqualTo("23H2");
        assertThat(computer.architecture()).isEqualTo("x64");
        assertThat(computer.hardwareId()).isEqualTo("6f1c3c3e-8f1c-4a47-9a8e-2b6c1f0d9e21");
        assertThat(computer.hostname()).isEqualTo("ws-0042");
        assertThat(computer.domain()).isEqualTo("corp.example");
    }

    @Test
    void a_server_core_installation_gets_the_catalogs_server_core_product() {
        ComputerIdentity computer = identity("server2022-core.reg", "dc-01", "corp.example");
        assertThat(computer.name()).isEqualTo("Microsoft Windows Server 2022 Datacenter");
        assertThat(computer.product()).isEqualTo("Windows Server 2022 (Server Core installation)");
        assertThat(computer.build()).isEqualTo("10.0.20348.2582");
    }

    @Test
    void a_full_server_installation_keeps_the_plain_product() {
        ComputerIdentity computer = identity("server2019-full.reg", "app-07", "");
        assertThat(computer.product()).isEqualTo("Windows Server 2019");
        assertThat(computer.name()).isEqualTo("Microsoft Windows Server 2019 Standard");
        assertThat(computer.domain()).as("no DNS domain: a workgroup computer").isEqualTo("WORKGROUP");
    }

    @Test
    void real_and_simulated_endpoints_send_the_same_protocol_identity_from_one_builder() {
        OsIdentity os = Scanner.osIdentityOf(identity("windows11-23h2-pro.reg", "ws-0042", "corp.example"));
        assertThat(os).isEqualTo(new OsIdentity("Microsoft Windows 11 Pro", "10.0.22631", "22631.3593", null, "x64",
            "Windows 11 Version 23H2 for x64-based Systems"));
    }

    @Test
    void names_follow_the_build_and_edition_of_every_client_and_leave_servers_and_older_releases_alone() {
        assertThat(WindowsOsNames.caption("Windows 10 Enterprise", "Enterprise", "10.0", 19045, "Client"))
            .isEqualTo("Microsoft Windows 10 Enterprise");
        assertThat(WindowsOsNames.caption("Windows 10 Home", "Core", "10.0", 26100, "Client")).isEqualTo("Microsoft Windows 11 Home");
        assertThat(WindowsOsNames.caption("Windows 10 Enterprise LTSC 2021", "EnterpriseS", "10.0", 19044, "Client"))
            .isEqualTo("Microsoft Windows 10 Enterprise LTSC");
        assertThat(WindowsOsNames.caption("Windows 10 Pro", "SomethingNew", "10.0", 22631, "Client"))
            .as("an unknown edition keeps ProductName's wording").isEqualTo("Microsoft Windows 11 Pro");
        assertThat(WindowsOsNames.caption("Windows 7 Professional", "Professional", "6.1", 7601, ""))
            .isEqualTo("Microsoft Windows 7 Professional");
        assertThat(WindowsOsNames.caption("Windows Server 2025 Datacenter", "ServerDatacenter", "10.0", 26100, "Server Core"))
            .isEqualTo("Microsoft Windows Server 2025 Datacenter");
    }

    @Test
    void catalog_products_follow_the_catalog_spelling_including_server_core_and_service_packs() {
        assertThat(WindowsProductNames.catalogProduct("Microsoft Windows 10 Enterprise", "10.0", 17763, "", "AMD64", "Client"))
            .isEqualTo("Windows 10 Version 1809 for x64-based Systems");
        assertThat(WindowsProductNames.catalogProduct("Microsoft Windows 10 Pro", "10.0", 19045, "", "x86", "Client"))
            .isEqualTo("Windows 10 Version 22H2 for 32-bit Systems");
        assertThat(WindowsProductNames.catalogProduct("Microsoft Windows 11 Pro", "10.0", 22631, "", "ARM64", "Client"))
            .isEqualTo("Windows 11 Version 23H2 for ARM64-based Systems");
        assertThat(WindowsProductNames.catalogProduct("Microsoft Windows Server 2008 R2 Standard", "6.1", 7601,
            "Service Pack 1", "AMD64", "Server Core"))
            .isEqualTo("Windows Server 2008 R2 for x64-based Systems Service Pack 1 (Server Core installation)");
        assertThat(WindowsProductNames.catalogProduct("Microsoft Windows Server Datacenter", "10.0", 19042, "", "AMD64",
            "Server Core")).as("semi-annual releases are Server Core already")
            .isEqualTo("Windows Server, version 20H2 (Server Core installation)");
        assertThat(WindowsProductNames.catalogProduct("Microsoft Windows 7 Professional", "6.1", 7601, "Service Pack 1", "AMD64", ""))
            .isEqualTo("Windows 7 for x64-based Systems Service Pack 1");
        assertThat(WindowsProductNames.catalogProduct("Windows 10 Insider", "10.0", 99999, "", "AMD64", "Client"))
            .as("an unknown build falls back to the caption").isEqualTo("Windows 10 Insider");
    }

    @Test
    void a_build_number_that_is_not_a_number_is_an_unavailable_fact() {
        MapRegistry registry = new MapRegistry().string("HKLM\\SOFTWARE\\Microsoft\\Windows NT\\CurrentVersion",
            "CurrentBuildNumber", "22631a");
        assertThatThrownBy(() -> new WindowsIdentity(new RegistryReader(registry), new FixedNames("h", "")).read())
            .isInstanceOf(FactUnavailableException.class).hasMessageContaining("CurrentBuildNumber is not a number: '22631a'");
    }

    private record FixedNames(String hostname, String dnsDomain) implements ComputerNames {
    }
}
