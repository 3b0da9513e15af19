package org.patchlake.core.inventory;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** OS product per validation file, worked out from the OS name/version/system type lines and wesng's product names. */
class ProductIdentifierTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "10_1803_x64_education_en-us_systeminfo.txt | Windows 10 Version 1803 for x64-based Systems",
        "10_1803_x64_enterprise_es-ar_20190307_systeminfo.txt | Windows 10 Version 1803 for x64-based Systems",
        "10_1803_x64_pro_it_systeminfo.txt | Windows 10 Version 1803 for x64-based Systems",
        "10_1803_x64_proforworkstations_en-us_A_20190305_systeminfo.txt | Windows 10 Version 1803 for x64-based Systems",
        "10_1803_x64_proforworkstations_en-us_B_20190306_systeminfo.txt | Windows 10 Version 1803 for x64-based Systems",
        "10_1803_x64_proforworkstations_en-us_systeminfo.txt | Windows 10 Version 1803 for x64-based Systems",
        "10_1803_x86_enterprise_nl_systeminfo.txt | Windows 10 Version 1803 for 32-bit Systems",
        "10_1809_x64_education_en-us_20190306_systeminfo.txt | Windows 10 Version 1809 for x64-based Systems",
        "10_1809_x64_education_en-us_systeminfo.txt | Windows 10 Version 1809 for x64-based Systems",
        "10_1809_x64_education_es_systeminfo.txt | Windows 10 Version 1809 for x64-based Systems",
        "10_1809_x64_pro_en-us_20190307_systeminfo.txt | Windows 10 Version 1809 for x64-based Systems",
        "10_21H1_x64_enterprise_systeminfo.txt | Windows 10 Version 21H1 for x64-based Systems",
        "10_22H2_x64_enterprise_en-us_systeminfo.txt | Windows 10 Version 22H2 for x64-based Systems",
        "10_rtm_x64_pro_en-us_systeminfo.txt | Windows 10 for x64-based Systems",
        "11_21H2_x64_enterprise_systeminfo.txt | Windows 11 Version 21H2 for x64-based Systems",
        "11_22H2_x64_home-single-language_systeminfo.txt | Windows 11 Version 22H2 for x64-based Systems",
        "11_23H2_x64_enterprise_systeminfo.txt | Windows 11 Version 23H2 for x64-based Systems",
        "7_sp1_x64_enterprise_en-us_20190305_systeminfo.txt | Windows 7 for x64-based Systems Service Pack 1",
        "7_sp1_x64_enterprise_en-us_A_systeminfo.txt | Windows 7 for x64-based Systems Service Pack 1",
        "7_sp1_x64_enterprise_en-us_B_systeminfo.txt | Windows 7 for x64-based Systems Service Pack 1",
        "7_sp1_x64_enterprise_fr_systeminfo_cmd.txt | Windows 7 for x64-based Systems Service Pack 1",
        "7_sp1_x64_ultimaten_de_systeminfo.txt | Windows 7 for x64-based Systems Service Pack 1",
        "7_sp1_x86_enterprise_en-us_systeminfo.txt | Windows 7 for 32-bit Systems Service Pack 1",
        "srv_2003_rtm_x86_standard_en-us_systeminfo.txt | Microsoft Windows Server 2003",
        "srv_2003_sp1_x64_standard_en-us_systeminfo.txt | Microsoft Windows Server 2003 x64 Edition Service Pack 1",
        // R2 is not visible in systeminfo: the OS name is the one of Server 2003
        "srv_2003r2_sp2_rtm_x64_standard_en-us_systeminfo.txt | Microsoft Windows Server 2003 x64 Edition Service Pack 2",
        // 6.0.6001 is Server 2008's first release; its catalog names carry no service pack until SP2
        "srv_2008_rtm_x64_standard_en-us_systeminfo.txt | Windows Server 2008 for x64-based Systems",
        "srv_2008_rtm_x86_standard_en-us_systeminfo.txt | Windows Server 2008 for 32-bit Systems",
        "srv_2012r2_u1_systeminfo.txt | Windows Server 2012 R2",
        "srv_2012r2_u1_systeminfo2.txt | Windows Server 2012 R2",
        "srv_2016_1607_datacenter_en-us_systeminfo.txt | Windows Server 2016",
        "srv_2022_systeminfo.txt | Windows Server 2022",
        "vista_x64_sp0_systeminfo.txt | Windows Vista x64 Edition",
        "vista_x64_sp1_systeminfo.txt | Windows Vista x64 Edition Service Pack 1",
        "xp_rtm_x86_professional_en-us_systeminfo.txt | Microsoft Windows XP",
        "xp_sp1_x86_systeminfo.txt | Microsoft Windows XP Service Pack 1",
        "xp_sp2_x64_systeminfo.txt | Microsoft Windows XP Professional x64 Edition Service Pack 2",
        "xp_sp2_x86_systeminfo.txt | Microsoft Windows XP Service Pack 2",
        "xp_sp3_x86_professional_en-us_systeminfo.txt | Microsoft Windows XP Service Pack 3",
    })
    void each_systeminfo_maps_to_the_catalog_name_of_its_os(String file, String expectedProduct) {
        InventoryOs os = InventoryParser.parse(ValidationFiles.file(file)).os();

        assertThat(ProductIdentifier.osProductName(os)).contains(expectedProduct);
    }

    /** Real AffectedProduct names from CVEs_20260628.csv, with the data's own case and space variants. */
    private static final List<String> CATALOG_PRODUCTS = List.of(
            "Windows 10 Version 1809 for x64-based Systems",
            "Windows 10 Version 1809 for 32-bit Systems",
            "Internet Explorer 11 on Windows 10 Version 1809 for x64-based Systems",
            "Adobe Flash Player on Windows 10 Version 1809 for x64-based Systems",
            "Microsoft Edge (EdgeHTML-based) on Windows 10 Version 1809 for x64-based Systems",
            "Microsoft Edge (Chromium-based) in IE Mode on Windows 10 Version 1809 for x64-based Systems",
            "Microsoft .NET Framework 3.5 AND 4.7.2 on Windows 10 Version 1809 for x64-based Systems",
            "Microsoft .NET Framework 3.5 AND 4.8 on Windows 10 Version 1809 for x64-based Systems",
            "Microsoft .NET Framework 4.8 on Windows 10 Version 1809 for x64-based Systems",
            "Microsoft .NET Framework 4.7.2 on Windows 10 Version 1809 for x64-based Systems",
            "Microsoft Defender for Endpoint for Windows on Windows 10 Version 1809 for x64-based Systems",
            "Raw Image Extension on Windows 10 Version 1809 for x64-based Systems",
            "Windows 7 for x64-based Systems Service Pack 1",
            "Internet Explorer 11 on Windows 7 for x64-based Systems Service Pack 1",
            "Microsoft .NET Framework 3.5.1 on Windows 7 for x64-based Systems Service Pack 1",
            "Microsoft .NET Framework 4.8 on Windows 7 for x64-based Systems Service Pack 1",
            "Microsoft XML Core Services 3.0 on Windows 7 for x64-based Systems Service Pack 1",
            "Windows 8.1 for x64-based Systems",
            "Windows 8.1 for x64-based systems",
            "Windows 10 Version 1607 for x64-based Systems",
            "Windows 10 Version 1607 for x64-based Systems  ",
            "Windows Server 2012 R2",
            "Windows Server 2012 R2 (Server Core installation)",
            "Microsoft .NET Framework 3.5 on Windows Server 2012 R2 (Server Core installation)",
            "Microsoft .NET Framework 3.5 on Windows Server 2012 R2");

    private final ProductIdentifier identifier = new ProductIdentifier(CATALOG_PRODUCTS);

    @Test
    void windows_10_1809_gets_its_in_box_components_and_nothing_else() {
        IdentifiedProducts products = identifier.identify(os("Microsoft Windows 10 Education", "10.0.17763", 0, Architecture.X64));

        assertThat(products.osSpellings()).containsExactly("Windows 10 Version 1809 for x64-based Systems");
        assertThat(products.components()).containsExactlyInAnyOrder(
                "Internet Explorer 11 on Windows 10 Version 1809 for x64-based Systems",
                "Adobe Flash Player on Windows 10 Version 1809 for x64-based Systems",
                "Microsoft Edge (EdgeHTML-based) on Windows 10 Version 1809 for x64-based Systems",
                "Microsoft .NET Framework 3.5 AND 4.7.2 on Windows 10 Version 1809 for x64-based Systems",
                "Microsoft .NET Framework 4.7.2 on Windows 10 Version 1809 for x64-based Systems");
    }

    @Test
    void windows_7_sp1_gets_ie11_net_351_and_msxml3() {
        IdentifiedProducts products = identifier.identify(os("Microsoft Windows 7 Enterprise", "6.1.7601", 1, Architecture.X64));

        assertThat(products.osProduct()).isEqualTo("Windows 7 for x64-based Systems Service Pack 1");
        assertThat(products.components()).containsExactlyInAnyOrder(
                "Internet Explorer 11 on Windows 7 for x64-based Systems Service Pack 1",
                "Microsoft .NET Framework 3.5.1 on Windows 7 for x64-based Systems Service Pack 1",
                "Microsoft XML Core Services 3.0 on Windows 7 for x64-based Systems Service Pack 1");
    }

    @Test
    void every_spelling_of_the_os_product_in_the_catalog_is_used() {
        assertThat(identifier.identify(os("Microsoft Windows 8.1 Pro", "6.3.9600", 0, Architecture.X64)).osSpellings())
                .containsExactlyInAnyOrder("Windows 8.1 for x64-based Systems", "Windows 8.1 for x64-based systems");
        assertThat(identifier.identify(os("Microsoft Windows 10 Pro", "10.0.14393", 0, Architecture.X64)).osSpellings())
                .containsExactlyInAnyOrder("Windows 10 Version 1607 for x64-based Systems", "Windows 10 Version 1607 for x64-based Systems  ");
    }

    @Test
    void a_server_is_taken_as_a_full_installation_not_server_core() {
        IdentifiedProducts products = identifier.identify(os("Microsoft Windows Server 2012 R2 Standard", "6.3.9600", 0, Architecture.X64));

        assertThat(products.catalogProducts()).containsExactly("Windows Server 2012 R2", "Microsoft .NET Framework 3.5 on Windows Server 2012 R2");
        assertThat(products.notes()).contains("assumed a full installation (not Server Core)");
    }

    @Test
    void an_os_the_catalog_does_not_list_says_so() {
        IdentifiedProducts products = identifier.identify(os("Microsoft Windows XP Professional", "5.1.2600", 1, Architecture.X86));

        assertThat(products.inCatalog()).isFalse();
        assertThat(products.notes()).contains("the catalog has no updates for 'Microsoft Windows XP Service Pack 1'");
    }

    @Test
    void an_unknown_windows_10_build_is_named_in_the_note() {
        IdentifiedProducts products = identifier.identify(os("Microsoft Windows 10 Pro", "10.0.18990", 0, Architecture.X64));

        assertThat(products.osProduct()).isNull();
        assertThat(products.notes()).containsExactly("Windows 10 build 18990 is not a known release");
    }

    @Test
    void arm64_and_32_bit_systems_are_named_as_the_catalog_names_them() {
        assertThat(ProductIdentifier.osProductName(os("Microsoft Windows 11 Pro", "10.0.26100", 0, Architecture.ARM64)))
                .contains("Windows 11 Version 24H2 for ARM64-based Systems");
        assertThat(ProductIdentifier.osProductName(os("Microsoft Windows Server 2008 R2 Enterprise", "6.1.7601", 1, Architecture.X64)))
                .contains("Windows Server 2008 R2 for x64-based Systems Service Pack 1");
        assertThat(ProductIdentifier.osProductName(os("Microsoft Windows Server 2019 Standard", "10.0.17763", 0, Architecture.X64)))
                .contains("Windows Server 2019");
    }

    @Test
    void dot_net_products_apply_when_every_and_part_names_an_in_box_version() {
        Set<String> inBox = Set.of("3.5", "4.7.2");
        assertThat(ProductIdentifier.dotNetApplies("3.5 AND 4.7.2", inBox)).isTrue();
        assertThat(ProductIdentifier.dotNetApplies("4.6/4.6.1/4.6.2/4.7/4.7.1/4.7.2", inBox)).isTrue();
        assertThat(ProductIdentifier.dotNetApplies("3.5 AND 4.8", inBox)).isFalse();
        assertThat(ProductIdentifier.dotNetApplies("3.5 and 4.6.2", inBox)).isFalse();
        assertThat(Stream.of("3.5", "4.8").filter(v -> ProductIdentifier.dotNetApplies(v, inBox))).containsExactly("3.5");
    }

    private static InventoryOs os(String name, String version, int servicePack, Architecture architecture) {
        return new InventoryOs(name, version, Integer.parseInt(version.substring(version.lastIndexOf('.') + 1)), servicePack, architecture);
    }
}
