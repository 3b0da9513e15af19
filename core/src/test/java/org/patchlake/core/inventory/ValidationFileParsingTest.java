package org.patchlake.core.inventory;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every file of the real validation set, with the values written down by reading the files (iconv, grep,
 * hexdump), not by running the parser. KB counts are distinct KB ids: Q-numbers count as the KB of the same
 * number, "File 1" and GUID entries carry no KB, digits alone ("943729") are a KB.
 */
class ValidationFileParsingTest {

    /** Expected identity of a systeminfo file. */
    record Systeminfo(String file, String osName, String version, int servicePack, Architecture architecture,
                      int kbCount, int declared, String host, List<String> someKbs) {
    }

    static Stream<Systeminfo> systeminfoFiles() {
        Architecture x64 = Architecture.X64;
        Architecture x86 = Architecture.X86;
        return Stream.of(
                new Systeminfo("10_1803_x64_education_en-us_systeminfo.txt", "Microsoft Windows 10 Education", "10.0.17134", 0, x64, 5, 5, "LAPTOP", List.of("KB4100347", "KB4343909")),
                new Systeminfo("10_1803_x64_enterprise_es-ar_20190307_systeminfo.txt", "Microsoft Windows 10 Enterprise", "10.0.17134", 0, x64, 6, 6, "", List.of("KB4456655", "KB4487029")),
                new Systeminfo("10_1803_x64_pro_it_systeminfo.txt", "Microsoft Windows 10 Pro", "10.0.17134", 0, x64, 10, 10, "PC044", List.of("KB4100347", "KB4487017")),
                new Systeminfo("10_1803_x64_proforworkstations_en-us_A_20190305_systeminfo.txt", "Microsoft Windows 10 Pro for Workstations", "10.0.17134", 0, x64, 4, 4, "DESKTOP-OOF6NB5", List.of("KB4462930", "KB4487017")),
                new Systeminfo("10_1803_x64_proforworkstations_en-us_B_20190306_systeminfo.txt", "Microsoft Windows 10 Pro for Workstations", "10.0.17134", 0, x64, 0, -1, "DESKTOP-OOF6NB5", List.of()),
                new Systeminfo("10_1803_x64_proforworkstations_en-us_systeminfo.txt", "Microsoft Windows 10 Pro for Workstations", "10.0.17134", 0, x64, 0, -1, "DESKTOP-OOF6NB5", List.of()),
                new Systeminfo("10_1803_x86_enterprise_nl_systeminfo.txt", "Microsoft Windows 10 Enterprise", "10.0.17134", 0, x86, 4, 4, "DESKTOP-LFQSJM4", List.of("KB4230204", "KB4457128")),
                new Systeminfo("10_1809_x64_education_en-us_20190306_systeminfo.txt", "Microsoft Windows 10 Education", "10.0.17763", 0, x64, 9, 9, "LAPTOP", List.of("KB2693643", "KB4487044")),
                new Systeminfo("10_1809_x64_education_en-us_systeminfo.txt", "Microsoft Windows 10 Education", "10.0.17763", 0, x64, 6, 6, "LAPTOP", List.of("KB4465477", "KB4483235")),
                new Systeminfo("10_1809_x64_education_es_systeminfo.txt", "Microsoft Windows 10 Education", "10.0.17763", 0, x64, 9, 9, "...", List.of("KB4486553", "KB4482887")),
                new Systeminfo("10_1809_x64_pro_en-us_20190307_systeminfo.txt", "Microsoft Windows 10 Pro", "10.0.17763", 0, x64, 5, 5, "DESKTOP-LOQ9L09", List.of("KB4486553", "KB4482887")),
                new Systeminfo("10_21H1_x64_enterprise_systeminfo.txt", "Microsoft Windows 10 Enterprise", "10.0.19043", 0, x64, 4, 4, "DESKTOP-92B51CV", List.of("KB4601554", "KB5003742")),
                new Systeminfo("10_22H2_x64_enterprise_en-us_systeminfo.txt", "Microsoft Windows 10 Enterprise", "10.0.19045", 0, x64, 1, 1, "DESKTOP-92B51CV", List.of("KB5022502")),
                new Systeminfo("10_rtm_x64_pro_en-us_systeminfo.txt", "Microsoft Windows 10 Pro", "10.0.10240", 0, x64, 2, 2, "DESKTOP-J4ED1CA", List.of("KB3074665", "KB4021701")),
                new Systeminfo("11_21H2_x64_enterprise_systeminfo.txt", "Microsoft Windows 11 Enterprise", "10.0.22000", 0, x64, 4, 4, "WINXI21H2", List.of("KB5004342", "KB5005703")),
                new Systeminfo("11_22H2_x64_home-single-language_systeminfo.txt", "Microsoft Windows 11 Home Single Language", "10.0.22621", 0, x64, 1, 1, "test", List.of("KB5008215")),
                new Systeminfo("11_23H2_x64_enterprise_systeminfo.txt", "Microsoft Windows 11 Enterprise", "10.0.22631", 0, x64, 4, 4, "DESKTOP-JNEKK9U", List.of("KB5029921", "KB5031592")),
                // systeminfo cuts long hotfix lists: 273 announced, entries stop after [245] with "[246]"
                new Systeminfo("7_sp1_x64_enterprise_en-us_20190305_systeminfo.txt", "Microsoft Windows 7 Enterprise", "6.1.7601", 1, x64, 245, 273, "WIN7SP1X64", List.of("KB2849697", "KB3127220")),
                new Systeminfo("7_sp1_x64_enterprise_en-us_A_systeminfo.txt", "Microsoft Windows 7 Enterprise", "6.1.7601", 1, x64, 219, 219, "WIN7SP1X64", List.of("KB2849697", "KB982018")),
                new Systeminfo("7_sp1_x64_enterprise_en-us_B_systeminfo.txt", "Microsoft Windows 7 Enterprise", "6.1.7601", 1, x64, 245, 271, "WIN7SP1X64", List.of("KB2849697", "KB3127220")),
                // IBM850, LF line ends, a no-break space inside the OS name, "[01] : " entries
                new Systeminfo("7_sp1_x64_enterprise_fr_systeminfo_cmd.txt", "Microsoft Windows 7 Entreprise N", "6.1.7601", 1, x64, 73, 73, "WIN-IDKKFN87EL8", List.of("KB2491683", "KB4493472")),
                // every KB listed twice; 263 announced, cut at "[24"
                new Systeminfo("7_sp1_x64_ultimaten_de_systeminfo.txt", "Microsoft Windows 7 Ultimate N", "6.1.7601", 1, x64, 242, 263, "OLI7-PC", List.of("KB2849697", "KB3162835")),
                new Systeminfo("7_sp1_x86_enterprise_en-us_systeminfo.txt", "Microsoft Windows 7 Enterprise", "6.1.7601", 1, x86, 2, 2, "WIN7SP1X86", List.of("KB2534111", "KB976902")),
                new Systeminfo("srv_2003_rtm_x86_standard_en-us_systeminfo.txt", "Microsoft(R) Windows(R) Server 2003, Standard Edition", "5.2.3790", 0, x86, 2, 3, "WINSRV2K3SP0X86", List.of("KB147222", "KB893803")),
                new Systeminfo("srv_2003_sp1_x64_standard_en-us_systeminfo.txt", "Microsoft(R) Windows(R) Server 2003 Standard x64 Edition", "5.2.3790", 1, x64, 1, 1, "WINSRV2K3SP1X64", List.of("KB147222")),
                new Systeminfo("srv_2003r2_sp2_rtm_x64_standard_en-us_systeminfo.txt", "Microsoft(R) Windows(R) Server 2003 Standard x64 Edition", "5.2.3790", 2, x64, 1, 1, "SRV2K3R2SP2X64", List.of("KB147222")),
                new Systeminfo("srv_2008_rtm_x64_standard_en-us_systeminfo.txt", "Microsoftr Windows Serverr 2008 Standard", "6.0.6001", 1, x64, 1, 1, "SRV2K8SP0X64", List.of("KB956250")),
                new Systeminfo("srv_2008_rtm_x86_standard_en-us_systeminfo.txt", "Microsoftr Windows Serverr 2008 Standard", "6.0.6001", 1, x86, 1, 1, "SRV2K8SP0X86", List.of("KB956250")),
                new Systeminfo("srv_2012r2_u1_systeminfo.txt", "Microsoft Windows Server 2012 R2 Standard", "6.3.9600", 0, x64, 154, 154, "SRV12R2U1X64", List.of("KB2894852", "KB4489881")),
                new Systeminfo("srv_2012r2_u1_systeminfo2.txt", "Microsoft Windows Server 2012 R2 Standard", "6.3.9600", 0, x64, 156, 156, "SRV12R2U1X64", List.of("KB2894852", "KB4489881")),
                new Systeminfo("srv_2016_1607_datacenter_en-us_systeminfo.txt", "Microsoft Windows Server 2016 Datacenter", "10.0.14393", 0, x64, 5, 5, "MYSERVER", List.of("KB4049065", "KB4483229")),
                new Systeminfo("srv_2022_systeminfo.txt", "Microsoft Windows Server 2022 Standard", "10.0.20348", 0, x64, 3, 3, "WIN-RIBN7SM07BK", List.of("KB5004330", "KB5005552")),
                // 105 entries: one GUID, "[02]: 943729" (digits only)
                new Systeminfo("vista_x64_sp0_systeminfo.txt", "Microsoftr Windows VistaT Enterprise", "6.0.6000", 0, x64, 104, 105, "WINVISTASP0X64", List.of("KB943729", "KB981349")),
                new Systeminfo("vista_x64_sp1_systeminfo.txt", "Microsoftr Windows VistaT Enterprise", "6.0.6001", 1, x64, 173, 174, "WINVISTASP0X64", List.of("KB937286", "KB940157")),
                new Systeminfo("xp_rtm_x86_professional_en-us_systeminfo.txt", "Microsoft Windows XP Professional", "5.1.2600", 0, x86, 2, 3, "WINXPSP0", List.of("KB147222", "KB893803")),
                new Systeminfo("xp_sp1_x86_systeminfo.txt", "Microsoft Windows XP Professional", "5.1.2600", 1, x86, 2, 3, "WINXPSP1", List.of("KB147222", "KB893803")),
                // 300 announced, 143 "File 1" entries, cut at "[2"
                new Systeminfo("xp_sp2_x64_systeminfo.txt", "Microsoft(R) Windows(R) XP Professional x64 Edition", "5.2.3790", 2, x64, 83, 300, "USER-8CEF73C787", List.of("KB147222", "KB2876331")),
                new Systeminfo("xp_sp2_x86_systeminfo.txt", "Microsoft Windows XP Professional", "5.1.2600", 2, x86, 1, 1, "WINXPSP2", List.of("KB147222")),
                new Systeminfo("xp_sp3_x86_professional_en-us_systeminfo.txt", "Microsoft Windows XP Professional", "5.1.2600", 3, x86, 93, 262, "WINXPSP3", List.of("KB147222", "KB946648")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("systeminfoFiles")
    void systeminfo_file_parses_to_the_identity_and_hotfixes_read_from_it(Systeminfo expected) {
        Inventory inventory = InventoryParser.parse(ValidationFiles.file(expected.file()));

        assertThat(inventory.format()).isEqualTo(InventoryFormat.SYSTEMINFO);
        InventoryOs os = inventory.os();
        assertThat(os.name()).isEqualTo(expected.osName());
        assertThat(os.version()).isEqualTo(expected.version());
        assertThat(os.build()).isEqualTo(Integer.parseInt(expected.version().substring(expected.version().lastIndexOf('.') + 1)));
        assertThat(os.servicePack()).isEqualTo(expected.servicePack());
        assertThat(os.architecture()).isEqualTo(expected.architecture());
        assertThat(inventory.hostName()).isEqualTo(expected.host());
        assertThat(inventory.installedKbs()).hasSize(expected.kbCount()).containsAll(expected.someKbs());
        assertThat(inventory.declaredHotfixes()).isEqualTo(expected.declared());
        assertThat(inventory.installed()).allSatisfy(kb -> assertThat(kb.installedOn()).isNull());
    }

    /** Expected content of a wmic qfe file. */
    record Qfe(String file, int kbCount, String host, List<String> someKbs) {
    }

    static Stream<Qfe> qfeFiles() {
        return Stream.of(
                new Qfe("10_1803_x64_proforworkstations_en-us_A_20190305_qfe.txt", 4, "", List.of("KB4462930", "KB4485449", "KB4487038", "KB4487017")),
                // UTF-16 BOM and one empty line: wmic found no instances
                new Qfe("10_1803_x64_proforworkstations_en-us_B_20190306_qfe.txt", 0, "", List.of()),
                new Qfe("10_1809_x64_education_en-us_20190306_qfe.txt", 9, "", List.of("KB2693643", "KB4487044")),
                new Qfe("10_1809_x64_pro_en-us_20190307_qfe.txt", 5, "", List.of("KB4486553", "KB4482887")),
                new Qfe("7_sp1_x64_enterprise_en-us_20190305_qfe.txt", 276, "", List.of("KB2849697", "KB971033", "KB4467107")),
                new Qfe("7_sp1_x64_enterprise_en-us_B_qfe.txt", 271, "WIN7SP1X64", List.of("KB2849697", "KB4467107")),
                new Qfe("srv_2012r2_u1_qfe.txt", 154, "SRV12R2U1X64", List.of("KB2894852", "KB4489881")),
                // UTF-8 with Cyrillic user names, a stray "cat q" line before the header, no final newline
                new Qfe("srv_2012r2_x64_standard_ru_qfe.txt", 7, "DC", List.of("KB2919355", "KB2999226")),
                // a GUID row without KB, "943729" as HotFixID, FILETIME hex install dates
                new Qfe("vista_x64_sp1_qfe.txt", 173, "WINVISTASP0X64", List.of("KB937286", "KB943729", "KB940157")),
                new Qfe("vista_x64_sp2_qfe.txt", 174, "WINVISTASP0X64", List.of("KB937286", "KB943729", "KB940157")),
                // "Please wait while WMIC is being installed." glued to the header, CR CR LF line ends, KB in ServicePackInEffect
                new Qfe("xp_rtm_x86_professional_en-us_qfe.txt", 2, "WINXPSP0", List.of("KB893803", "KB147222")),
                new Qfe("xp_sp1_x86_qfe.txt", 2, "WINXPSP1", List.of("KB893803", "KB147222")),
                // ASCII prefix then UTF-16 LE without BOM; "KB982632-IE8", "KB941569_WM11", "MSCompPackV1" (no KB)
                new Qfe("xp_sp2_x64_qfe.txt", 150, "USER-8CEF73C787", List.of("KB2115168", "KB982632", "KB941569", "KB2834904", "KB982665")),
                new Qfe("xp_sp2_x86_qfe.txt", 1, "WINXPSP2", List.of("KB147222")),
                new Qfe("xp_sp3_x86_professional_en-us_qfe.txt", 135, "WINXPSP3", List.of("KB2115168", "KB982665")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("qfeFiles")
    void qfe_file_parses_to_the_hotfixes_read_from_it(Qfe expected) {
        Inventory inventory = InventoryParser.parse(ValidationFiles.file(expected.file()));

        assertThat(inventory.format()).isEqualTo(InventoryFormat.QFE);
        assertThat(inventory.os()).isNull();
        assertThat(inventory.hostName()).isEqualTo(expected.host());
        assertThat(inventory.installedKbs()).hasSize(expected.kbCount()).containsAll(expected.someKbs());
    }

    @Test
    void qfe_install_dates_are_read_in_every_form_windows_wrote_them() {
        Inventory windows10 = InventoryParser.parse(ValidationFiles.file("10_1809_x64_education_en-us_20190306_qfe.txt"));
        assertThat(dateOf(windows10, "KB4483452")).isEqualTo("2019-02-18");
        assertThat(dateOf(windows10, "KB4465477")).isEqualTo("2018-10-22");

        // InstalledOn "01d4dfd0fb4eb361": FILETIME 2019-03-21 10:29 UTC (worked out with a calculator)
        Inventory vista = InventoryParser.parse(ValidationFiles.file("vista_x64_sp1_qfe.txt"));
        assertThat(dateOf(vista, "KB937286")).isEqualTo("2019-03-21");

        Inventory russian = InventoryParser.parse(ValidationFiles.file("srv_2012r2_x64_standard_ru_qfe.txt"));
        assertThat(dateOf(russian, "KB2999226")).isEqualTo("2020-04-17");
        assertThat(dateOf(russian, "KB2919355")).isEqualTo("2014-03-18");

        Inventory xp = InventoryParser.parse(ValidationFiles.file("xp_sp2_x64_qfe.txt"));
        assertThat(dateOf(xp, "KB2115168")).isEqualTo("2019-03-21");
    }

    private static String dateOf(Inventory inventory, String kb) {
        return inventory.installed().stream().filter(entry -> entry.kb().equals(kb)).findFirst().orElseThrow()
                .installedOn().toString();
    }

    /** Expected content of an update list. */
    record UpdateList(String file, int lines, Set<String> someKbs) {
    }

    static Stream<UpdateList> updateListFiles() {
        return Stream.of(
                new UpdateList("10_1803_x64_proforworkstations_en-us_A_20190305_updates.txt", 2, Set.of("KB4100347", "KB2267602")),
                new UpdateList("10_1803_x64_proforworkstations_en-us_B_20190306_updates.txt", 5, Set.of("KB4462930", "KB890830", "KB4487017")),
                new UpdateList("10_1809_x64_education_en-us_20190306_updates.txt", 1, Set.of("KB4486553")),
                new UpdateList("7_sp1_x64_enterprise_en-us_20190305_updates.txt", 70, Set.of("KB2483139", "KB4032231", "KB2310138")),
                new UpdateList("srv_2012r2_u1_updates_optional.txt", 1, Set.of("KB4489893")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("updateListFiles")
    void update_list_lists_offered_updates_and_installs_nothing(UpdateList expected) {
        Inventory inventory = InventoryParser.parse(ValidationFiles.file(expected.file()));

        assertThat(inventory.format()).isEqualTo(InventoryFormat.UPDATE_LIST);
        assertThat(inventory.installed()).isEmpty();
        assertThat(inventory.listedNotInstalled()).hasSize(expected.lines());
        Set<String> kbs = inventory.listedNotInstalled().stream().flatMap(update -> update.kbs().stream()).collect(Collectors.toSet());
        assertThat(kbs).containsAll(expected.someKbs());
    }

    @Test
    void every_validation_file_is_covered_by_a_table_above() throws IOException {
        Set<String> covered = Stream.of(
                systeminfoFiles().map(Systeminfo::file),
                qfeFiles().map(Qfe::file),
                updateListFiles().map(UpdateList::file)).flatMap(s -> s).collect(Collectors.toSet());
        try (Stream<Path> files = Files.list(ValidationFiles.directory())) {
            assertThat(files.map(path -> path.getFileName().toString())).containsExactlyInAnyOrderElementsOf(covered);
        }
    }

    @Test
    void truncated_systeminfo_lists_say_so_in_a_warning() {
        Inventory inventory = InventoryParser.parse(ValidationFiles.file("xp_sp3_x86_professional_en-us_systeminfo.txt"));

        assertThat(inventory.warnings()).anySatisfy(warning -> assertThat(warning).contains("announces 262 entries but shows 220"));
    }

    @Test
    void encodings_are_detected() {
        assertThat(InventoryParser.parse(ValidationFiles.file("10_1803_x64_pro_it_systeminfo.txt")).encoding()).isEqualTo("IBM850");
        assertThat(InventoryParser.parse(ValidationFiles.file("10_1803_x64_proforworkstations_en-us_A_20190305_systeminfo.txt")).encoding()).isEqualTo("UTF-16LE (BOM)");
        assertThat(InventoryParser.parse(ValidationFiles.file("7_sp1_x64_ultimaten_de_systeminfo.txt")).encoding()).isEqualTo("UTF-8");
        assertThat(InventoryParser.parse(ValidationFiles.file("xp_sp2_x86_qfe.txt")).encoding()).isEqualTo("ASCII + UTF-16LE");
        assertThat(InventoryParser.parse(ValidationFiles.file("10_1809_x64_pro_en-us_20190307_systeminfo.txt")).encoding()).isEqualTo("windows-1252");
    }
}
