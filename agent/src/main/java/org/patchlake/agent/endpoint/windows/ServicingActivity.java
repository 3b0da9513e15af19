package org.patchlake.agent.endpoint.windows;

import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.patchlake.core.protocol.InstallerKind;

/**
 * The signals that servicing is busy, and which of them matter for a kind of package. Windows Installer holds the
 * {@code Global\_MSIExecute} mutex while it runs an installation (the documented test). Component Based Servicing
 * sets {@code HKLM\...\Component Based Servicing\SessionsPending} {@code Exclusive} while it applies a package and
 * clears it afterwards; a running {@code wusa.exe} or {@code dism.exe} is another client still in a servicing call.
 * An .exe installer usually wraps an MSI, so it waits for Windows Installer.
 *
 * @param msiExecuting       the _MSIExecute mutex exists
 * @param cbsExclusive       the SessionsPending Exclusive value (0 when absent)
 * @param runningImages      file names of running processes, lower case ({@code wusa.exe})
 */
public record ServicingActivity(boolean msiExecuting, int cbsExclusive, Set<String> runningImages) {

    public ServicingActivity {
        runningImages = Set.copyOf(runningImages.stream().map(name -> name.toLowerCase(Locale.ROOT)).toList());
    }

    public Optional<String> busyFor(InstallerKind kind) {
        boolean windowsInstaller = kind == InstallerKind.MSI || kind == InstallerKind.MSP || kind == InstallerKind.EXE;
        if (windowsInstaller && msiExecuting) {
            return Optional.of("Windows Installer is running another installation (_MSIExecute)");
        }
        if (kind == InstallerKind.MSU || kind == InstallerKind.CAB) {
            if (cbsExclusive != 0) {
                return Optional.of("Component Based Servicing holds an exclusive session (SessionsPending Exclusive="
                    + cbsExclusive + ")");
            }
            for (String client : new String[] {"wusa.exe", "dism.exe"}) {
                if (runningImages.contains(client)) {
                    return Optional.of(client + " is still installing a package");
                }
            }
        }
        return Optional.empty();
    }
}
