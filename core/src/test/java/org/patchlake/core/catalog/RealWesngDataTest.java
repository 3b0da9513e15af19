package org.patchlake.core.catalog;

import org.patchlake.core.testing.SharedData;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Facts of the real wesng data, from ../shared/data/wesng/SOURCE.md and from reading the CSV by hand (grep),
 * checked against one full read of definitions.zip (a few seconds).
 */
class RealWesngDataTest {
    private static final String CVE_FILE = "CVEs_20260628.csv";
    private static CatalogImport imported;

    @BeforeAll
    static void readTheRealDefinitions() throws IOException {
        imported = RealCatalog.imported();
    }

    @Test
    void all_608740_rows_of_the_cve_file_and_the_160_of_the_custom_file_are_read() {
        assertThat(imported.sourceFiles()).containsExactly(CVE_FILE, "Custom_20190321.csv");
        assertThat(imported.rowsRead()).isEqualTo(608_740 + 160);
        assertThat(imported.errors()).filteredOn(error -> error.kind() == CatalogErrorKind.MALFORMED_ROW).isEmpty();
    }

    @Test
    void bad_rows_are_counted_by_kind_as_source_md_describes_them() {
        assertThat(imported.errorCounts())
                .containsEntry(CatalogErrorKind.OBJECT_ARRAY_SEVERITY, 2_248L)
                .containsEntry(CatalogErrorKind.OBJECT_ARRAY_IMPACT, 2_248L)
                .containsEntry(CatalogErrorKind.EMPTY_SEVERITY, 27_173L)
                .containsEntry(CatalogErrorKind.NONE_SEVERITY, 397L)
                .containsEntry(CatalogErrorKind.EMPTY_KB, 128_851L)
                .containsEntry(CatalogErrorKind.BAD_DATE, 0L);
        assertThat(imported.rowsSkipped()).isEqualTo(128_851L);
    }

    @Test
    void the_cve_file_names_7950_kbs_6792_products_and_22133_vulnerability_ids() throws IOException {
        // SOURCE.md says 7,951 KBs and 22,134 CVEs: it counts the empty value as one of them.
        Set<String> kbs = new HashSet<>();
        Set<String> products = new HashSet<>();
        Set<String> cves = new HashSet<>();
        new WesngCsvReader(row -> {
            if (row.sourceFile().equals(CVE_FILE)) {
                kbs.add(row.bulletinKb());
                products.add(row.affectedProduct());
                cves.add(row.cve());
            }
        }, error -> { }).read(SharedData.wesngDefinitions());

        assertThat(kbs).hasSize(7_951).contains("");
        assertThat(products).hasSize(6_792);
        assertThat(cves).hasSize(22_134).contains("");
        assertThat(imported.catalog().kbs()).containsAll(kbs.stream().filter(kb -> !kb.isEmpty())
                .map(KbIds::normalize).toList());
    }

    @Test
    void a_row_spanning_two_lines_keeps_the_line_it_starts_on() {
        // CVEs_20260628.csv lines 120562-120563: KB4481480's Supersedes is "4471987;3142037" + a line break.
        Update update = imported.catalog().update("KB4481480",
                "Microsoft .NET Framework 4.6/4.6.1/4.6.2/4.7/4.7.1/4.7.2 on Windows 7 for 32-bit Systems Service Pack 1")
                .orElseThrow();
        assertThat(update.supersedes()).contains("KB4471987", "KB3142037");
        assertThat(imported.errors()).filteredOn(error -> error.sourceFile().equals(CVE_FILE))
                .extracting(CatalogError::line).allSatisfy(line -> assertThat(line).isBetween(2L, 609_645L));
    }

    @Test
    void the_flash_player_chain_on_windows_server_2016_is_closed_transitively() {
        // grep '"Windows Server 2016","Adobe Flash Player"': 3202790 supersedes 3201860, 3209498 -> 3202790,
        // 3214628 -> 3209498, 4010250 -> 3214628, 4014329 -> 4010250.
        Catalog catalog = imported.catalog();

        assertThat(catalog.supersedersOf("KB3201860", "Windows Server 2016"))
                .containsExactly("KB3202790", "KB3209498", "KB3214628", "KB4010250", "KB4014329");
        assertThat(catalog.supersedersOf("KB4010250", "Windows Server 2016")).containsExactly("KB4014329");
        assertThat(catalog.installedThrough("KB3201860", "Windows Server 2016", Set.of("KB4014329"))).contains("KB4014329");
        assertThat(catalog.update("KB4014329", "Windows Server 2016").orElseThrow().severity()).isEqualTo(Severity.CRITICAL);
    }

    @Test
    void kbs_that_list_themselves_as_superseded_are_reported_as_cycles() {
        // e.g. KB3062577 lists 3062577 in its own Supersedes for Windows Server 2012 (and 3 more products).
        assertThat(imported.catalog().supersedenceCycles()).hasSize(15)
                .contains(new SupersedenceCycle("Windows Server 2012", java.util.List.of("KB3062577")));
        assertThat(imported.catalog().supersedersOf("KB3062577", "Windows Server 2012")).doesNotContain("KB3062577");
    }
}
