package org.patchlake.etl.evaluate;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * evaluate end to end on the generated catalog. A Windows 10 22H2 x64 machine with cumulative update
 * KB5910110 (release 11 of 12 of its chain, 2025-09-09) installed: the ten earlier cumulative updates and the
 * kernel update KB5950004 (2025-06-10) count as installed through it, and two updates are required (worked out
 * from GeneratedCatalog's definition): KB5910120 (Critical, 2025-11-11, 6 CVEs) and KB5950001 (Important,
 * 2024-07-09, a .NET Framework update listed under the OS, which the OS's cumulative updates do not carry).
 */
class EvaluateCommandTest {
    static final String SYSTEMINFO = String.join("\r\n",
            "",
            "Host Name:                 PC-42",
            "OS Name:                   Microsoft Windows 10 Enterprise",
            "OS Version:                10.0.19045 N/A Build 19045",
            "OS Manufacturer:           Microsoft Corporation",
            "OS Configuration:          Standalone Workstation",
            "System Type:               x64-based PC",
            "Hotfix(s):                 1 Hotfix(s) Installed.",
            "                           [01]: KB5910110",
            "Network Card(s):           1 NIC(s) Installed.",
            "                           [01]: Intel(R) Ethernet Connection",
            "");

    @TempDir
    Path directory;

    @Test
    void csv_output_has_the_exact_header_and_one_row_per_required_update() throws Exception {
        Path file = directory.resolve("pc42_systeminfo.txt");
        Files.write(file, utf16WithBom(SYSTEMINFO));

        Run run = run("--catalog", "generated", file.toString(), "--format", "csv");

        assertThat(run.exitCode).isZero();
        String product = "Windows 10 Version 22H2 for x64-based Systems";
        assertThat(run.out).isEqualTo(String.join("\r\n",
                "file,product,kb,severity,cves,exploited,released",
                file + "," + product + ",KB5910120,Critical,CVE-2025-22100;CVE-2025-22107;CVE-2025-22114;CVE-2025-22121;CVE-2025-22128;CVE-2025-22135,false,2025-11-11",
                file + "," + product + ",KB5950001,Important,CVE-2024-38081;CVE-2024-38095,false,2024-07-09",
                ""));
    }

    @Test
    void text_output_shows_the_counts_behind_the_percentages() throws Exception {
        Path file = directory.resolve("pc42_systeminfo.txt");
        Files.writeString(file, SYSTEMINFO, StandardCharsets.US_ASCII);

        Run run = run("--catalog", "generated", file.toString());

        // 12 cumulative + KB5950001 + KB5950004 apply; 12 installed (11 through KB5910110), 2 required
        assertThat(run.exitCode).isZero();
        assertThat(run.out)
                .contains("Product: Windows 10 Version 22H2 for x64-based Systems")
                .contains("Updates:   applicable 14 (installed 12, pending reboot 0, required 2, failed 0, exempt 0, unknown 0);"
                        + " compliance 12/14 = 85.7%, strict 12/14 = 85.7%")
                .contains("Installed through a superseding or covering (cumulative) update: 11 updates")
                .contains("What to install: install KB5910120 and KB5950001 to fix these 2")
                .contains("Required updates: 2");
        assertThat(run.out.indexOf("Critical  2025-11-11  KB5910120")).isLessThan(run.out.indexOf("Important 2024-07-09  KB5950001"));
    }

    @Test
    void required_updates_superseded_by_a_later_one_are_marked_and_counted() throws Exception {
        Path file = directory.resolve("bare_systeminfo.txt");
        Files.writeString(file, SYSTEMINFO.replace("1 Hotfix(s) Installed.", "N/A").replace("[01]: KB5910110", ""), StandardCharsets.US_ASCII);

        Run run = run("--catalog", "generated", file.toString());

        // nothing installed: 12 cumulative + KB5950001 + KB5950004, of which the last cumulative update covers 12
        assertThat(run.out).contains("What to install: install KB5910120 and KB5950001 to fix these 14");
        assertThat(run.out).contains("Required updates: 14 (most severe first, then oldest first; 2 not superseded,"
                + " installing the plan covers the 12 marked ~ through the KB after the arrow)");
        assertThat(run.out).containsPattern("~ Critical +2024-01-09  KB5910010 .*  -> KB5910120\\n");
        assertThat(run.out).containsPattern("~ Unrated +2025-06-10  KB5950004 .*  -> KB5910120\\n");
        assertThat(run.out).containsPattern("\\n {5}Critical +2025-11-11  KB5910120 [^\\n]*x64-based Systems\\n");
    }

    @Test
    void json_output_carries_counts_and_required_updates() throws Exception {
        Path file = directory.resolve("pc42_systeminfo.txt");
        Files.writeString(file, SYSTEMINFO, StandardCharsets.US_ASCII);

        Run run = run("--catalog", "generated", "--format", "json", file.toString());

        com.fasterxml.jackson.databind.JsonNode json = new com.fasterxml.jackson.databind.ObjectMapper().readTree(run.out);
        com.fasterxml.jackson.databind.JsonNode machine = json.get("machines").get(0);
        assertThat(machine.get("product").asText()).isEqualTo("Windows 10 Version 22H2 for x64-based Systems");
        assertThat(machine.get("updateCounts").get("applicable").asInt()).isEqualTo(14);
        assertThat(machine.get("updateCounts").get("installed").asInt()).isEqualTo(12);
        assertThat(machine.get("required")).hasSize(2);
        assertThat(machine.get("required").get(0).get("kb").asText()).isEqualTo("KB5910120");
        assertThat(machine.get("installPlan").get("summary").asText()).isEqualTo("install KB5910120 and KB5950001 to fix these 2");
        assertThat(machine.get("installPlan").get("installs").get(0).get("kb").asText()).isEqualTo("KB5910120");
        assertThat(machine.get("installPlan").get("installs").get(0).get("fixes").asInt()).isEqualTo(1);
    }

    @Test
    void an_unparseable_file_is_named_on_stderr_and_the_others_are_still_evaluated() throws Exception {
        Path good = directory.resolve("pc42_systeminfo.txt");
        Files.writeString(good, SYSTEMINFO, StandardCharsets.US_ASCII);
        Path empty = directory.resolve("empty_systeminfo.txt");
        Files.write(empty, new byte[0]);

        Run run = run("--catalog", "generated", "--format", "csv", good.toString(), empty.toString());

        assertThat(run.exitCode).isEqualTo(1);
        assertThat(run.err).contains("inventory file " + empty + ": empty file (0 bytes)");
        assertThat(run.out.lines()).hasSize(3);
    }

    @Test
    void a_qfe_file_without_its_systeminfo_cannot_be_identified_and_says_why() throws Exception {
        Path qfe = directory.resolve("lonely_qfe.txt");
        Files.writeString(qfe, "HotFixID   InstalledOn\r\nKB5910110  3/2/2025\r\n", StandardCharsets.US_ASCII);

        Run run = run("--catalog", "generated", qfe.toString());

        assertThat(run.exitCode).isEqualTo(1);
        assertThat(run.err).contains("machine lonely").contains("no systeminfo");
    }

    @Test
    void bad_usage_exits_with_2_and_the_usage() {
        Run run = run("--catalog", "generated", "--format", "xml", "x.txt");

        assertThat(run.exitCode).isEqualTo(2);
        assertThat(run.err).contains("--format must be text, csv, json or plan-csv, was 'xml'").contains("--help");
    }

    @Test
    void a_bad_as_of_date_is_a_usage_error_naming_the_value() {
        Run run = run("--catalog", "generated", "--as-of", "2019-02-30", "x.txt");

        assertThat(run.exitCode).isEqualTo(2);
        assertThat(run.err).contains("--as-of must be a date YYYY-MM-DD, was '2019-02-30'");
    }

    @Test
    void as_of_a_day_the_catalog_is_cut_to_it_and_later_installs_of_the_inventory_are_not_counted() throws Exception {
        Path systeminfo = directory.resolve("pc7_systeminfo.txt");
        Files.writeString(systeminfo, SYSTEMINFO.replace("1 Hotfix(s) Installed.", "N/A").replace("[01]: KB5910110", ""),
                StandardCharsets.US_ASCII);
        Path qfe = directory.resolve("pc7_qfe.txt");
        Files.writeString(qfe, String.join("\r\n",
                "Description      HotFixID   InstalledOn",
                "Security Update  KB5910100  7/15/2025",
                "Security Update  KB5910110  9/20/2025", ""), StandardCharsets.US_ASCII);

        Run now = run("--catalog", "generated", "--format", "plan-csv", systeminfo.toString(), qfe.toString());
        Run august = run("--catalog", "generated", "--format", "plan-csv", "--as-of", "2025-08-01", systeminfo.toString(), qfe.toString());
        Run augustText = run("--catalog", "generated", "--as-of", "2025-08-01", systeminfo.toString(), qfe.toString());

        assertThat(now.out).isEqualTo(String.join("\r\n",
                "file,install_kb,released,fixes,fixed_kbs,products",
                systeminfo + ",KB5910120,2025-11-11,1,KB5910120,Windows 10 Version 22H2 for x64-based Systems",
                systeminfo + ",KB5950001,2024-07-09,1,KB5950001,Windows 10 Version 22H2 for x64-based Systems", ""));
        // as of August 1 the September and November updates did not exist yet and the one of September 20 was
        // not installed: July's KB5910100 covers the earlier ones and the kernel update of June 10
        assertThat(august.out).isEqualTo(String.join("\r\n",
                "file,install_kb,released,fixes,fixed_kbs,products",
                systeminfo + ",KB5950001,2024-07-09,1,KB5950001,Windows 10 Version 22H2 for x64-based Systems", ""));
        assertThat(augustText.out).contains("as of 2025-08-01")
                .contains("Note: 1 KB installed after 2025-08-01 not counted: KB5910110");
    }

    record Run(int exitCode, String out, String err) {
    }

    private static Run run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = EvaluateCommand.run(args, new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    private static byte[] utf16WithBom(String text) {
        byte[] body = text.getBytes(StandardCharsets.UTF_16LE);
        byte[] bytes = new byte[body.length + 2];
        bytes[0] = (byte) 0xFF;
        bytes[1] = (byte) 0xFE;
        System.arraycopy(body, 0, bytes, 2, body.length);
        return bytes;
    }
}
