package org.patchlake.agent.endpoint.windows;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import org.junit.jupiter.api.Test;
import org.patchlake.core.protocol.InstallerKind;

class ServicingActivityTest {

    @Test
    void windows_installer_packages_wait_for_the_msiexecute_mutex() {
        ServicingActivity msiBusy = new ServicingActivity(true, 0, Set.of());
        assertThat(msiBusy.busyFor(InstallerKind.MSI)).contains("Windows Installer is running another installation (_MSIExecute)");
        assertThat(msiBusy.busyFor(InstallerKind.MSP)).isPresent();
        assertThat(msiBusy.busyFor(InstallerKind.EXE)).as("exe installers usually wrap an MSI").isPresent();
        assertThat(msiBusy.busyFor(InstallerKind.MSU)).isEmpty();
    }

    @Test
    void servicing_packages_wait_for_an_exclusive_cbs_session_or_another_servicing_client() {
        assertThat(new ServicingActivity(false, 1, Set.of()).busyFor(InstallerKind.MSU))
            .contains("Component Based Servicing holds an exclusive session (SessionsPending Exclusive=1)");
        assertThat(new ServicingActivity(false, 0, Set.of("WUSA.EXE", "explorer.exe")).busyFor(InstallerKind.CAB))
            .contains("wusa.exe is still installing a package");
        assertThat(new ServicingActivity(false, 0, Set.of("TiWorker.exe", "msiexec.exe")).busyFor(InstallerKind.MSU))
            .as("the idle services alone are not busy").isEmpty();
        assertThat(new ServicingActivity(false, 1, Set.of()).busyFor(InstallerKind.MSI)).isEmpty();
    }
}
