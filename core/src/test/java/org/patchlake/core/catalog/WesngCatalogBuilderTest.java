package org.patchlake.core.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WesngCatalogBuilderTest {
    static final String HEADER =
            "\"DatePosted\",\"CVE\",\"BulletinKB\",\"Title\",\"AffectedProduct\",\"AffectedComponent\",\"Severity\",\"Impact\",\"Supersedes\",\"Exploits\"\r\n";
    static final String W10 = "Windows 10 Version 22H2 for x64-based Systems";

    @TempDir
    Path directory;

    private Path csv(String name, String... rows) throws IOException {
        Path file = directory.resolve(name);
        Files.writeString(file, HEADER + String.join("\r\n", rows) + "\r\n", StandardCharsets.UTF_8);
        return file;
    }

    private static String row(String date, String cve, String kb, String product, String severity, String impact,
            String supersedes, String exploits) {
        return String.join(",", List.of(date, cve, kb, "Title of " + cve, product, "Windows Kernel", severity, impact,
                supersedes, exploits).stream().map(field -> "\"" + field.replace("\"", "\"\"") + "\"").toList());
    }

    @Test
    void bad_rows_are_counted_by_kind_with_their_line_numbers_and_kept() throws IOException {
        Path file = csv("CVEs_test.csv",
                row("20240109", "CVE-2024-0001", "5034441", W10, "Critical", "Remote Code Execution", "", ""),  // line 2
                row("20240109", "CVE-2024-0002", "", W10, "Important", "Spoofing", "", ""),                    // 3
                row("20240109", "CVE-2024-0003", "5034441", W10, "System.Object[]", "System.Object[]", "", ""), // 4
                row("20240109", "CVE-2024-0004", "5034441", W10, "", "Spoofing", "", ""),                      // 5
                row("20240109", "CVE-2024-0005", "5034441", W10, "None", "Spoofing", "", ""),                  // 6
                row("2024-01-09", "CVE-2024-0006", "5034442", W10, "Low", "Spoofing", "", ""),                 // 7
                row("20240231", "CVE-2024-0007", "5034443", W10, "Low", "Spoofing", "", ""),                   // 8
                "\"20240109\",\"too\",\"few\"");                                                                 // 9

        CatalogImport imported = WesngCatalogBuilder.read(file, rows -> { });

        assertThat(imported.rowsRead()).isEqualTo(8);
        assertThat(imported.rowsSkipped()).isEqualTo(4);
        assertThat(imported.errors()).extracting(CatalogError::line, CatalogError::kind).containsExactly(
                org.assertj.core.groups.Tuple.tuple(3L, CatalogErrorKind.EMPTY_KB),
                org.assertj.core.groups.Tuple.tuple(4L, CatalogErrorKind.OBJECT_ARRAY_SEVERITY),
                org.assertj.core.groups.Tuple.tuple(4L, CatalogErrorKind.OBJECT_ARRAY_IMPACT),
                org.assertj.core.groups.Tuple.tuple(5L, CatalogErrorKind.EMPTY_SEVERITY),
                org.assertj.core.groups.Tuple.tuple(6L, CatalogErrorKind.NONE_SEVERITY),
                org.assertj.core.groups.Tuple.tuple(7L, CatalogErrorKind.BAD_DATE),
                org.assertj.core.groups.Tuple.tuple(8L, CatalogErrorKind.BAD_DATE),
                org.assertj.core.groups.Tuple.tuple(9L, CatalogErrorKind.MALFORMED_ROW));
        assertThat(imported.errorCounts()).containsEntry(CatalogErrorKind.BAD_DATE, 2L)
                .containsEntry(CatalogErrorKind.EMPTY_KB, 1L).containsEntry(CatalogErrorKind.EMPTY_PRODUCT, 0L);
        CatalogError emptyKb = imported.errors().get(0);
        assertThat(emptyKb.sourceFile()).isEqualTo("CVEs_test.csv");
        assertThat(emptyKb.raw()).contains("CVE-2024-0002");
        assertThat(emptyKb.message()).contains("line 3", "BulletinKB is empty", "CVE-2024-0002");
        assertThat(imported.errors().get(6).message()).contains("'20240231'");
        assertThat(imported.catalog().kbs()).containsExactly("KB5034441");
    }

    @Test
    void rows_with_unusable_severity_still_contribute_cves_supersedence_and_exploits_as_unrated() throws IOException {
        Path file = csv("CVEs_test.csv",
                row("20240109", "CVE-2024-0001", "5034441", W10, "", "Spoofing", "5033372", "https://example.org/x"),
                row("20240109", "CVE-2024-0002", "5034441", W10, "System.Object[]", "System.Object[]", "", ""),
                row("20240109", "CVE-2024-0003", "5034442", W10, "None", "", "", ""));

        Catalog catalog = WesngCatalogBuilder.read(file, rows -> { }).catalog();

        Update update = catalog.update("KB5034441", W10).orElseThrow();
        assertThat(update.severity()).isEqualTo(Severity.UNRATED);
        assertThat(update.cves()).containsExactly("CVE-2024-0001", "CVE-2024-0002");
        assertThat(update.supersedes()).containsExactly("KB5033372");
        assertThat(update.exploited()).isTrue();
        assertThat(catalog.update("KB5034442", W10).orElseThrow().severity()).isEqualTo(Severity.UNRATED);
        assertThat(catalog.supersedersOf("KB5033372", W10)).containsExactly("KB5034441");
    }

    @Test
    void update_severity_is_the_highest_over_its_rows_and_exploited_is_any_row() throws IOException {
        Path file = csv("CVEs_test.csv",
                row("20240109", "CVE-2024-0001", "5034441", W10, "Low", "Spoofing", "", ""),
                row("20240109", "CVE-2024-0002", "5034441", W10, "Critical", "Remote Code Execution", "", "https://x"),
                row("20240109", "CVE-2024-0003", "5034441", W10, "Important", "Elevation of Privilege", "", ""),
                row("20240109", "CVE-2024-0004", "5034441", "Windows Server 2019", "Moderate", "Spoofing", "", ""));

        Catalog catalog = WesngCatalogBuilder.read(file, rows -> { }).catalog();

        Update w10 = catalog.update("KB5034441", W10).orElseThrow();
        assertThat(w10.severity()).isEqualTo(Severity.CRITICAL);
        assertThat(w10.impact()).isEqualTo("Remote Code Execution");
        assertThat(w10.exploited()).isTrue();
        assertThat(w10.updateId()).isEqualTo("KB5034441|" + W10);
        Update server = catalog.update("KB5034441", "Windows Server 2019").orElseThrow();
        assertThat(server.severity()).isEqualTo(Severity.MODERATE);
        assertThat(server.exploited()).isFalse();
        Bulletin bulletin = catalog.bulletin("KB5034441").orElseThrow();
        assertThat(bulletin.vendorSeverity()).isEqualTo(Severity.CRITICAL);
        assertThat(bulletin.updateCount()).isEqualTo(2);
        assertThat(bulletin.cveCount()).isEqualTo(4);
        assertThat(bulletin.exploited()).isTrue();
    }

    @Test
    void release_date_is_the_most_frequent_date_of_the_kb_and_the_latest_is_the_revision() throws IOException {
        Path file = csv("CVEs_test.csv",
                row("20230418", "CVE-2021-45985", "5044285", W10, "Important", "Denial of Service", "", ""),
                row("20241008", "CVE-2024-0001", "5044285", W10, "Important", "Spoofing", "", ""),
                row("20241008", "CVE-2024-0002", "5044285", W10, "Important", "Spoofing", "", ""),
                row("20260609", "CVE-2020-17103", "5044285", W10, "Important", "Spoofing", "", ""));

        Catalog catalog = WesngCatalogBuilder.read(file, rows -> { }).catalog();

        assertThat(catalog.update("KB5044285", W10).orElseThrow().released()).isEqualTo(LocalDate.of(2024, 10, 8));
        assertThat(catalog.bulletin("KB5044285").orElseThrow().revised()).isEqualTo(LocalDate.of(2026, 6, 9));
    }

    @Test
    void supersedes_lists_with_odd_separators_are_split_and_non_kb_entries_reported() throws IOException {
        Path file = csv("CVEs_test.csv",
                row("20240109", "CVE-2024-0001", "5034441", W10, "Low", "Spoofing", "4471987;3142037\n", ""),
                row("20240109", "CVE-2024-0002", "5034441", W10, "Low", "Spoofing", "3118389<br><br>4022173", ""),
                row("20240109", "CVE-2024-0003", "5034441", W10, "Low", "Spoofing", "None", ""),
                row("20240109", "CVE-2024-0004", "5034441", W10, "Low", "Spoofing", "20.0.1", ""));

        CatalogImport imported = WesngCatalogBuilder.read(file, rows -> { });

        assertThat(imported.catalog().update("KB5034441", W10).orElseThrow().supersedes())
                .containsExactly("KB3118389", "KB3142037", "KB4022173", "KB4471987");
        assertThat(imported.errors()).singleElement().satisfies(error -> {
            assertThat(error.kind()).isEqualTo(CatalogErrorKind.BAD_SUPERSEDES);
            assertThat(error.line()).isEqualTo(6);
            assertThat(error.message()).contains("'20.0.1'");
        });
    }

    @Test
    void a_zip_is_read_with_its_custom_file_whose_comment_lines_are_skipped() throws IOException {
        Path zip = directory.resolve("definitions.zip");
        try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(zip))) {
            write(out, "CVEs_20260628.csv", HEADER + row("20240109", "CVE-2024-0001", "5034441", W10, "Low", "Spoofing", "", "") + "\r\n");
            write(out, "Custom_20190321.csv", HEADER + "# Service Packs\r\n\r\n"
                    + row("20110315", "SP7X64SP1", "976932", "Windows 7 for x64-based Systems", "Critical", "No more updates", "", "")
                    + "\r\n");
            write(out, "Version_0.94.txt", "not a csv");
        }

        CatalogImport imported = WesngCatalogBuilder.read(zip, rows -> { });

        assertThat(imported.sourceFiles()).containsExactly("CVEs_20260628.csv", "Custom_20190321.csv");
        assertThat(imported.rowsRead()).isEqualTo(2);
        assertThat(imported.errors()).singleElement().satisfies(error -> {
            assertThat(error.kind()).isEqualTo(CatalogErrorKind.BAD_CVE);
            assertThat(error.sourceFile()).isEqualTo("Custom_20190321.csv");
            assertThat(error.line()).as("header, comment, blank line, then the row").isEqualTo(4);
        });
        Update servicePack = imported.catalog().update("KB976932", "Windows 7 for x64-based Systems").orElseThrow();
        assertThat(servicePack.cves()).as("SP7X64SP1 is not a CVE id").isEmpty();
    }

    @Test
    void advisories_and_misspelt_cve_ids_are_kept_as_vulnerability_ids() throws IOException {
        Path file = csv("CVEs_test.csv",
                row("20240109", "ADV200011", "5034441", W10, "Low", "Spoofing", "", ""),
                row("20240109", "cve-2012-0159", "5034441", W10, "Low", "Spoofing", "", ""),
                row("20240109", "CVE20163247", "5034441", W10, "Low", "Spoofing", "", ""),
                row("20240109", "CVE", "5034441", W10, "Low", "Spoofing", "", ""));

        CatalogImport imported = WesngCatalogBuilder.read(file, rows -> { });

        assertThat(imported.catalog().update("KB5034441", W10).orElseThrow().cves())
                .containsExactly("ADV200011", "CVE-2012-0159", "CVE-2016-3247");
        assertThat(imported.errors()).extracting(CatalogError::kind, CatalogError::line)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(CatalogErrorKind.BAD_CVE, 5L));
    }

    @Test
    void a_file_without_the_wesng_header_is_refused_naming_the_file() throws IOException {
        Path file = directory.resolve("other.csv");
        Files.writeString(file, "a,b,c\n1,2,3\n");

        assertThatThrownBy(() -> WesngCatalogBuilder.read(file, rows -> { }))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("other.csv line 1: expected the header");
    }

    private static void write(ZipOutputStream out, String name, String text) throws IOException {
        out.putNextEntry(new ZipEntry(name));
        OutputStream stream = out;
        stream.write(text.getBytes(StandardCharsets.UTF_8));
        out.closeEntry();
    }

    @Test
    void a_kb_dated_only_by_a_re_publication_of_its_vulnerabilities_takes_the_release_of_the_kbs_fixing_them_first()
            throws IOException {
        // KB4487078's rows carry only 2019-12-19, the day Microsoft revised CVE-2019-0613 and -0657 on every row;
        // KB4487017 fixed them too and was released with its own CVEs on 2019-02-12.
        String windows7 = "Microsoft .NET Framework 3.5.1 on Windows 7 for x64-based Systems Service Pack 1";
        Path file = csv("CVEs_test.csv",
                row("20190212", "CVE-2019-0595", "4487017", W10, "Important", "Spoofing", "", ""),
                row("20190212", "CVE-2019-0596", "4487017", W10, "Important", "Spoofing", "", ""),
                row("20191219", "CVE-2019-0613", "4487017", W10, "Important", "Spoofing", "", ""),
                row("20191219", "CVE-2019-0613", "4487078", windows7, "Important", "Spoofing", "", ""),
                row("20191219", "CVE-2019-0657", "4487078", windows7, "Important", "Spoofing", "", ""),
                row("20191219", "CVE-2019-0657", "4487017", W10, "Important", "Spoofing", "", ""),
                row("20191210", "CVE-2019-1458", "4530734", W10, "Important", "Spoofing", "", ""),
                row("20191210", "CVE-2019-1458", "4530692", W10, "Important", "Spoofing", "", ""));

        CatalogImport imported = WesngCatalogBuilder.read(file, rows -> { });

        assertThat(imported.catalog().update("KB4487078", windows7).orElseThrow().released()).isEqualTo(LocalDate.of(2019, 2, 12));
        assertThat(imported.catalog().update("KB4487017", W10).orElseThrow().released()).isEqualTo(LocalDate.of(2019, 2, 12));
        assertThat(imported.catalog().update("KB4530734", W10).orElseThrow().released())
                .as("two KBs sharing one date of their own: no earlier release to find").isEqualTo(LocalDate.of(2019, 12, 10));
        assertThat(imported.releaseRepairs()).containsExactly("KB4487078 posted 2019-12-19 (a re-publication of all its"
                + " vulnerabilities), released 2019-02-12");
    }

    @Test
    void a_kb_dated_only_by_a_re_publication_is_never_released_after_the_kb_that_supersedes_it() throws IOException {
        // July 2021's out-of-band update KB5004947 (CVE-2021-34527) is dated only 2023-06-13 (a revision); a KB fixing
        // the same vulnerability with its own dates came later, and the cumulative update KB5004244 of 2021-07-13
        // supersedes it
        Path file = csv("CVEs_test.csv",
                row("20230613", "CVE-2021-34527", "5004947", W10, "Critical", "Remote Code Execution", "", ""),
                row("20230613", "CVE-2021-34527", "5019966", W10, "Critical", "Remote Code Execution", "5004947", ""),
                row("20221108", "CVE-2022-41039", "5019966", W10, "Critical", "Remote Code Execution", "5004947", ""),
                row("20221108", "CVE-2022-41047", "5019966", W10, "Critical", "Remote Code Execution", "5004947", ""),
                row("20210713", "CVE-2021-31183", "5004244", W10, "Important", "Denial of Service", "5004947", ""),
                row("20210713", "CVE-2021-31961", "5004244", W10, "Important", "Elevation of Privilege", "5004947", ""),
                row("20201119", "CVE-2020-17049", "5004244", W10, "Important", "Security Feature Bypass", "5004947", ""));

        CatalogImport imported = WesngCatalogBuilder.read(file, rows -> { });

        assertThat(imported.catalog().update("KB5004947", W10).orElseThrow().released())
                .as("bounded by its superseder KB5004244, not the later fixer KB5019966").isEqualTo(LocalDate.of(2021, 7, 13));
        assertThat(imported.releaseRepairs()).containsExactly("KB5004947 posted 2023-06-13 (a re-publication of all its"
                + " vulnerabilities), released 2021-07-13");
    }
}
