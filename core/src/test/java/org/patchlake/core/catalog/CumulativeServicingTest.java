package org.patchlake.core.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.patchlake.core.catalog.Updates.DOTNET_W1803;
import static org.patchlake.core.catalog.Updates.DOTNET_W7;
import static org.patchlake.core.catalog.Updates.EDGE_W1803;
import static org.patchlake.core.catalog.Updates.FLASH_W1803;
import static org.patchlake.core.catalog.Updates.IE_W1803;
import static org.patchlake.core.catalog.Updates.IE_W7;
import static org.patchlake.core.catalog.Updates.MSXML_W7;
import static org.patchlake.core.catalog.Updates.OFFICE;
import static org.patchlake.core.catalog.Updates.W1803;
import static org.patchlake.core.catalog.Updates.W7;
import static org.patchlake.core.catalog.Updates.kb;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CumulativeServicingTest {

    @Test
    void the_update_carrying_a_patch_tuesdays_os_vulnerabilities_is_that_months_cumulative_update() {
        Catalog catalog = Catalog.fromUpdates(List.of(
                kb("KB4480966", W1803).on("2019-01-08").cves(1, 26).build(),
                kb("KB4480978", W1803).on("2019-01-08").cves(1, 1).component("Servicing Stack").build(),
                kb("KB4487017", W1803).on("2019-02-12").cves(100, 29).build()), Map.of());

        assertThat(catalog.servicing().role("KB4480966", W1803)).get().extracting(CumulativeRole::kind)
                .isEqualTo(CumulativeRole.Kind.CUMULATIVE);
        assertThat(catalog.servicing().role("KB4480978", W1803)).as("a servicing stack update is covered, never covers").isEmpty();
        assertThat(catalog.coveredBy("KB4480966", W1803)).containsExactly("KB4487017");
        assertThat(catalog.coveredBy("KB4480978", W1803)).as("same day and later cumulative updates")
                .containsExactly("KB4480966", "KB4487017");
        assertThat(catalog.coveredBy("KB4487017", W1803)).isEmpty();
    }

    @Test
    void an_out_of_band_release_nothing_supersedes_is_covered_by_the_next_cumulative_update() {
        // July 2018: KB4345421 (out of band, listed only for IE and .NET on 1803) supersedes June's KB4284835;
        // nothing supersedes it, yet August's KB4343909 contains it.
        Catalog catalog = Catalog.fromUpdates(List.of(
                kb("KB4284835", W1803).on("2018-06-12").cves(1, 26).build(),
                kb("KB4284835", IE_W1803).on("2018-06-12").cves(1, 3).build(),
                kb("KB4345421", IE_W1803).on("2018-07-19").cves(30, 6).supersedes("KB4284835").build(),
                kb("KB4345421", DOTNET_W1803).on("2018-07-19").cves(40, 2).supersedes("KB4284835").build(),
                kb("KB4343909", W1803).on("2018-08-14").cves(50, 21).supersedes("KB4338819").build(),
                kb("KB4343909", IE_W1803).on("2018-08-14").cves(50, 3).build()), Map.of());

        assertThat(catalog.supersedersOf("KB4345421", IE_W1803)).as("Microsoft's published supersedence").isEmpty();
        assertThat(catalog.coveredBy("KB4345421", IE_W1803)).containsExactly("KB4343909");
        assertThat(catalog.coveredBy("KB4345421", DOTNET_W1803)).as(".NET on 1803 is its own stream: the August"
                + " cumulative update is not listed for it").isEmpty();
    }

    @Test
    void hotpatch_twins_of_a_patch_tuesday_cover_each_other_and_all_earlier_updates() {
        String server = "Windows Server 2022";
        Catalog catalog = Catalog.fromUpdates(List.of(
                kb("KB5048654", server).on("2024-12-10").cves(1, 40).build(),
                kb("KB5048661", server).on("2024-12-10").cves(1, 44).build(),
                kb("KB5046616", server).on("2024-11-12").cves(100, 30).build()), Map.of());

        assertThat(catalog.coveredBy("KB5048654", server)).containsExactly("KB5048661");
        assertThat(catalog.coveredBy("KB5048661", server)).containsExactly("KB5048654");
        assertThat(catalog.coveredBy("KB5046616", server)).containsExactly("KB5048654", "KB5048661");
    }

    @Test
    void an_optional_preview_between_patch_tuesdays_is_never_required_but_covers_once_installed() {
        Catalog catalog = Catalog.fromUpdates(List.of(
                kb("KB4487017", W1803).on("2019-02-12").cves(1, 29).build(),
                kb("KB4487029", W1803).on("2019-02-20").ids("ADV190005").unrated().build(),
                kb("KB4489868", W1803).on("2019-03-12").cves(100, 33).build()), Map.of());

        Update preview = catalog.update("KB4487029", W1803).orElseThrow();
        assertThat(catalog.servicing().isOptional(preview)).isTrue();
        assertThat(catalog.coveredBy("KB4487017", W1803)).containsExactly("KB4487029", "KB4489868");
        assertThat(catalog.coveredBy("KB4487029", W1803)).containsExactly("KB4489868");
    }

    @Test
    void a_monthly_rollup_covers_earlier_rollups_security_only_updates_and_the_bulletin_era_but_not_dot_net() {
        Catalog catalog = Catalog.fromUpdates(List.of(
                kb("KB3109560", W7).on("2016-01-12").cves(1, 6).build(),
                kb("KB2931368", W7).on("2014-05-13").cves(10, 1).component("Microsoft .NET Framework 4.5").build(),
                kb("KB4480970", W7).on("2019-01-08").cves(20, 17).build(),
                kb("KB4480970", IE_W7).on("2019-01-08").cves(40, 1).build(),
                kb("KB4480960", W7).on("2019-01-08").cves(20, 17).build(),
                kb("KB4486563", W7).on("2019-02-12").cves(50, 24).supersedes("KB4480970").build(),
                kb("KB4486563", IE_W7).on("2019-02-12").cves(80, 3).build(),
                kb("KB4486564", W7).on("2019-02-12").cves(50, 24).build(),
                kb("KB4483187", IE_W7).on("2018-12-25").cves(90, 1).build(),
                kb("KB4012215", MSXML_W7).on("2017-03-14").cves(95, 1).build(),
                kb("KB4481481", DOTNET_W7).on("2019-01-08").cves(97, 1).build(),
                kb("KB4487078", DOTNET_W7).on("2019-02-12").cves(98, 2).supersedes("KB4481481").build(),
                kb("KB4487121", DOTNET_W7).on("2019-02-12").cves(98, 2).build()), Map.of());

        assertThat(catalog.servicing().role("KB4480970", W7)).as("twin listed for more products, shipping IE").isPresent();
        assertThat(catalog.servicing().role("KB4480960", W7)).as("its security-only twin").isEmpty();
        assertThat(catalog.servicing().role("KB4486564", W7)).isEmpty();
        assertThat(catalog.coveredBy("KB4486564", W7)).as("a rollup covers its month's security-only update").contains("KB4486563");
        assertThat(catalog.coveredBy("KB4480960", W7)).contains("KB4480970", "KB4486563");
        assertThat(catalog.coveredBy("KB3109560", W7)).as("bulletin-era updates listed under the OS").contains("KB4480970", "KB4486563");
        assertThat(catalog.coveredBy("KB2931368", W7)).as("a .NET component row before the rollup era").contains("KB4486563");
        assertThat(catalog.coveredBy("KB4483187", IE_W7)).as("Internet Explorer on the OS is in its stream").contains("KB4486563");
        assertThat(catalog.coveredBy("KB4012215", MSXML_W7)).as("so is MSXML").contains("KB4480970", "KB4486563");
        assertThat(catalog.coveredBy("KB4487121", DOTNET_W7)).as("the .NET rollup covers its twin").containsExactly("KB4487078");
        assertThat(catalog.coveredBy("KB4481481", DOTNET_W7)).containsExactly("KB4487078");
        assertThat(catalog.coveredBy("KB4487078", DOTNET_W7)).as("OS rollups do not carry .NET").isEmpty();
    }

    @Test
    void flash_edge_and_internet_explorer_on_windows_10_are_cumulative_products_of_their_own() {
        Catalog catalog = Catalog.fromUpdates(List.of(
                kb("KB4477029", FLASH_W1803).on("2018-11-29").ids("ADV180030").build(),
                kb("KB4487038", FLASH_W1803).on("2019-02-13").ids("ADV190003").build(),
                kb("KB4471324", EDGE_W1803).on("2018-12-11").cves(1, 3).build(),
                kb("KB4487017", EDGE_W1803).on("2019-02-12").cves(10, 5).build(),
                kb("KB4487017", W1803).on("2019-02-12").cves(20, 29).build()), Map.of());

        assertThat(catalog.coveredBy("KB4477029", FLASH_W1803)).containsExactly("KB4487038");
        assertThat(catalog.coveredBy("KB4471324", EDGE_W1803)).containsExactly("KB4487017");
        assertThat(catalog.coveredBy("KB4487017", EDGE_W1803)).isEmpty();
    }

    @Test
    void products_outside_windows_servicing_keep_only_published_supersedence() {
        Catalog catalog = Catalog.fromUpdates(List.of(
                kb("KB4011574", OFFICE).on("2018-01-09").cves(1, 3).build(),
                kb("KB4011643", OFFICE).on("2018-02-13").cves(10, 3).build()), Map.of());

        assertThat(catalog.servicing().roles()).isEmpty();
        assertThat(catalog.coveredBy("KB4011574", OFFICE)).isEmpty();
    }

    @Test
    void the_catalog_as_of_a_day_keeps_only_what_was_released_by_then_and_the_coverage_among_it() {
        Catalog catalog = Catalog.fromUpdates(List.of(
                kb("KB4480966", W1803).on("2019-01-08").cves(1, 26).build(),
                kb("KB4487017", W1803).on("2019-02-12").cves(100, 29).supersedes("KB4480966").build(),
                kb("KB4489868", W1803).on("2019-03-12").cves(200, 33).supersedes("KB4487017").build()), Map.of());

        Catalog march5 = catalog.asOf(java.time.LocalDate.of(2019, 3, 5));

        assertThat(march5.kbs()).containsExactlyInAnyOrder("KB4480966", "KB4487017");
        assertThat(march5.coveredBy("KB4480966", W1803)).containsExactly("KB4487017");
        assertThat(march5.coveredBy("KB4487017", W1803)).isEmpty();
        assertThat(march5.bulletin("KB4487017").orElseThrow().superseded()).isFalse();
        assertThat(catalog.bulletin("KB4487017").orElseThrow().superseded()).isTrue();
    }

    @Test
    void product_names_are_read_into_os_and_component() {
        assertThat(ServicedProduct.of(IE_W7).os()).isEqualTo(W7);
        assertThat(ServicedProduct.of(IE_W7).component()).isEqualTo(ServicedProduct.Component.INTERNET_EXPLORER);
        assertThat(ServicedProduct.of("Windows Server 2012 R2 (Server Core installation)").osKind())
                .isEqualTo(ServicedProduct.OsServicing.MONTHLY_ROLLUPS);
        assertThat(ServicedProduct.of("Windows Server 2016  ").osKind()).isEqualTo(ServicedProduct.OsServicing.CUMULATIVE_UPDATES);
        assertThat(ServicedProduct.of("Windows Server 2008 for x64-based Systems Service Pack 2").osKind())
                .isEqualTo(ServicedProduct.OsServicing.NONE);
        assertThat(ServicedProduct.of("Microsoft .NET Framework 3.5 AND 4.7.2 on Windows Server 2019").component())
                .isEqualTo(ServicedProduct.Component.DOT_NET);
        assertThat(ServicedProduct.of("Microsoft Defender for Endpoint for Windows on Windows Server 2022").component())
                .isEqualTo(ServicedProduct.Component.OTHER);
        assertThat(ServicedProduct.of(OFFICE).os()).isNull();
    }

    @Test
    void dot_net_versions_are_read_from_product_and_component_names() {
        assertThat(DotNetVersions.maskOf("Microsoft .NET Framework 4.5/4.5.1/4.5.2"))
                .isEqualTo(DotNetVersions.maskOf("Microsoft .NET Framework 4.5") | DotNetVersions.maskOf("Microsoft .NET Framework 4.5.1")
                        | DotNetVersions.maskOf("Microsoft .NET Framework 4.5.2"));
        assertThat(DotNetVersions.maskOf("Microsoft .NET Framework 2.0 Service Pack 2"))
                .isEqualTo(DotNetVersions.maskOf("Microsoft .NET Framework 2.0"));
        assertThat(DotNetVersions.maskOf("Microsoft .NET Framework 4.0") & DotNetVersions.maskOf("Microsoft .NET Framework 4")).isNotZero();
        assertThat(DotNetVersions.maskOf("Microsoft .NET Framework 3.5.1 on Windows 7 for x64-based Systems Service Pack 1")
                & DotNetVersions.maskOf("Microsoft .NET Framework 4.6.2")).isZero();
        assertThat(DotNetVersions.maskOf("Windows Kernel")).isZero();
    }

    @Test
    void dot_net_carried_by_windows_10_cumulative_updates_is_covered_by_later_ones_and_by_dot_net_packages() {
        // up to 1803 the OS's cumulative updates carried the in-box .NET: KB4471324 is listed for .NET on 1803,
        // May 2021's KB5003174 is not, yet contains it
        Catalog catalog = Catalog.fromUpdates(List.of(
                kb("KB4471324", W1803).on("2018-12-11").cves(1, 12).build(),
                kb("KB4471324", DOTNET_W1803).on("2018-12-11").cves(20, 2).build(),
                kb("KB4486553", DOTNET_W1803).on("2019-02-19").cves(30, 1).build(),
                kb("KB5003174", W1803).on("2021-05-11").cves(40, 15).build()), Map.of());

        assertThat(catalog.coveredBy("KB4471324", DOTNET_W1803)).containsExactly("KB4486553", "KB5003174");
        assertThat(catalog.coveredBy("KB4486553", DOTNET_W1803)).as("a .NET package of its own is not in the OS's updates")
                .isEmpty();
    }

    @Test
    void flash_listed_under_the_os_is_one_stream_with_the_flash_product_and_defender_parts_of_the_os_are_the_os() {
        String server = "Windows Server 2016";
        String flash = "Adobe Flash Player on Windows Server 2016";
        Catalog catalog = Catalog.fromUpdates(List.of(
                kb("KB4014329", server).on("2017-03-14").component("Adobe Flash Player").ids("MS17-005").build(),
                kb("KB4580325", flash).on("2020-10-13").ids("ADV200012").build(),
                kb("KB5016622", server).on("2022-08-09").cves(1, 30).component("Windows Defender Credential Guard").build(),
                kb("KB5015808", server).on("2022-07-12").cves(100, 2).build()), Map.of());

        assertThat(catalog.coveredBy("KB4014329", server)).containsExactly("KB4580325");
        assertThat(catalog.coveredBy("KB5015808", server)).containsExactly("KB5016622");
    }
}
