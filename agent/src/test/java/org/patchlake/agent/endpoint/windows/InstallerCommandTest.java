package org.patchlake.agent.endpoint.windows;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.patchlake.core.protocol.InstallerKind;

/** The exact argv of every installer the agent runs. */
class InstallerCommandTest {

    static final String ROOT = "C:\\Windows";
    static final Path PACKAGES = Path.of("C:\\ProgramData\\Patchlake\\agent\\packages");
    static final Path LOG = Path.of("C:\\ProgramData\\Patchlake\\agent\\logs\\KB5000001-1.log");

    private static Path pkg(String name) {
        return PACKAGES.resolve(name);
    }

    @Test
    void windows_packages_install_silently_without_restarting_and_write_their_own_log() {
        assertThat(InstallerCommand.forPackage(pkg("KB4489899.msu"), List.of(), InstallerFamily.UNKNOWN, LOG, ROOT))
            .containsExactly("C:\\Windows\\System32\\wusa.exe", pkg("KB4489899.msu").toString(), "/quiet", "/norestart",
                "/log:" + LOG);
        assertThat(InstallerCommand.forPackage(pkg("office.MSI"), List.of(), InstallerFamily.UNKNOWN, LOG, ROOT))
            .containsExactly("C:\\Windows\\System32\\msiexec.exe", "/i", pkg("office.MSI").toString(), "/qn", "/norestart",
                "/l*v", LOG.toString());
        assertThat(InstallerCommand.forPackage(pkg("fix.msp"), List.of("REBOOT=ReallySuppress"), InstallerFamily.UNKNOWN, LOG, ROOT))
            .containsExactly("C:\\Windows\\System32\\msiexec.exe", "/p", pkg("fix.msp").toString(), "/qn", "/norestart",
                "/l*v", LOG.toString(), "REBOOT=ReallySuppress");
        assertThat(InstallerCommand.forPackage(pkg("KB5000002.cab"), List.of(), InstallerFamily.UNKNOWN, LOG, ROOT))
            .containsExactly("C:\\Windows\\System32\\dism.exe", "/online", "/add-package",
                "/packagepath:" + pkg("KB5000002.cab"), "/quiet", "/norestart", "/logpath:" + LOG);
    }

    @Test
    void quoted_policy_switches_reach_msiexec_and_exe_installers_as_single_arguments() {
        List<String> msiSwitches = WindowsCommandLine.split("INSTALLDIR=\"C:\\Program Files\\Contoso\" REBOOT=ReallySuppress");
        assertThat(InstallerCommand.forPackage(pkg("app.msi"), msiSwitches, InstallerFamily.UNKNOWN, LOG, ROOT))
            .endsWith("INSTALLDIR=C:\\Program Files\\Contoso", "REBOOT=ReallySuppress");
        List<String> innoSwitches = WindowsCommandLine.split("/VERYSILENT /NORESTART /DIR=\"C:\\Program Files\\Contoso App\"");
        assertThat(InstallerCommand.forPackage(pkg("setup.exe"), innoSwitches, InstallerFamily.INNO_SETUP, LOG, ROOT))
            .containsExactly(pkg("setup.exe").toString(), "/VERYSILENT", "/NORESTART", "/DIR=C:\\Program Files\\Contoso App");
    }

    @Test
    void an_exe_without_switches_gets_the_silent_switches_of_its_family_or_is_refused() {
        assertThat(InstallerCommand.forPackage(pkg("nsis.exe"), List.of(), InstallerFamily.NSIS, LOG, ROOT))
            .containsExactly(pkg("nsis.exe").toString(), "/S");
        assertThat(InstallerCommand.forPackage(pkg("inno.exe"), List.of(), InstallerFamily.INNO_SETUP, LOG, ROOT))
            .containsExactly(pkg("inno.exe").toString(), "/VERYSILENT", "/SUPPRESSMSGBOXES", "/NORESTART", "/SP-");
        assertThat(InstallerCommand.forPackage(pkg("bundle.exe"), List.of(), InstallerFamily.WIX_BURN, LOG, ROOT))
            .containsExactly(pkg("bundle.exe").toString(), "/quiet", "/norestart");
        assertThatThrownBy(() -> InstallerCommand.forPackage(pkg("mystery.exe"), List.of(), InstallerFamily.UNKNOWN, LOG, ROOT))
            .hasMessageContaining("mystery.exe is an unrecognised installer")
            .hasMessageContaining("installSwitches");
    }

    @Test
    void checkpoint_cumulative_updates_go_into_one_dism_call() {
        assertThat(InstallerCommand.dism(List.of(pkg("KB5043080-a.msu"), pkg("KB5044284-b.msu")), LOG, ROOT))
            .containsExactly("C:\\Windows\\System32\\dism.exe", "/online", "/add-package",
                "/packagepath:" + pkg("KB5043080-a.msu"), "/packagepath:" + pkg("KB5044284-b.msu"),
                "/quiet", "/norestart", "/logpath:" + LOG);
    }

    @Test
    void the_kind_comes_from_the_file_name_and_anything_else_is_refused() {
        assertThat(InstallerCommand.kindOf(pkg("KB1-abc.CAB"))).isEqualTo(InstallerKind.CAB);
        assertThat(InstallerCommand.kindOf(pkg("KB1-abc.exe"))).isEqualTo(InstallerKind.EXE);
        assertThatThrownBy(() -> InstallerCommand.kindOf(pkg("notes.txt"))).hasMessageContaining("unsupported installer type '.txt'");
        assertThatThrownBy(() -> InstallerCommand.kindOf(Path.of("C:\\dir.d\\noextension")))
            .hasMessageContaining("unsupported installer type '.'");
    }

    @Test
    void installer_families_are_recognised_by_their_markers_even_across_read_boundaries() throws Exception {
        assertThat(detect(withMarkerAt(70_000, "NullsoftInst"))).isEqualTo(InstallerFamily.NSIS);
        assertThat(detect(withMarkerAt(65_560, "Inno Setup Setup Data (6.2.0)"))).as("split over two reads")
            .isEqualTo(InstallerFamily.INNO_SETUP);
        assertThat(detect(withMarkerAt(300, ".wixburn"))).isEqualTo(InstallerFamily.WIX_BURN);
        assertThat(detect(withMarkerAt(100, "MZ just a program"))).isEqualTo(InstallerFamily.UNKNOWN);
        assertThat(detect(new byte[0])).isEqualTo(InstallerFamily.UNKNOWN);
    }

    static byte[] withMarkerAt(int offset, String marker) {
        byte[] bytes = new byte[offset + marker.length() + 5000];
        byte[] text = marker.getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(text, 0, bytes, offset, text.length);
        bytes[0] = 'M';
        bytes[1] = 'Z';
        return bytes;
    }

    private static InstallerFamily detect(byte[] bytes) throws Exception {
        return InstallerFamily.detect(new ByteArrayInputStream(bytes));
    }
}
