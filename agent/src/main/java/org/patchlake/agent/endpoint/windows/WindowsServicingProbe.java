package org.patchlake.agent.endpoint.windows;

import com.sun.jna.platform.win32.Kernel32;
import com.sun.jna.platform.win32.WinNT;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.patchlake.core.protocol.InstallerKind;

/** Reads the servicing signals of {@link ServicingActivity} from the running system. Windows only. */
final class WindowsServicingProbe implements ServicingProbe {

    private static final int SYNCHRONIZE = 0x00100000;
    private static final RegistryPath SESSIONS_PENDING = RegistryPath.parse(
        "HKLM\\SOFTWARE\\Microsoft\\Windows\\CurrentVersion\\Component Based Servicing\\SessionsPending");

    private final RegistryReader registry;

    WindowsServicingProbe(RegistryReader registry) {
        this.registry = registry;
    }

    @Override
    public Optional<String> busy(InstallerKind kind) {
        return new ServicingActivity(msiExecuting(), cbsExclusive(), runningImages()).busyFor(kind);
    }

    private static boolean msiExecuting() {
        WinNT.HANDLE mutex = Kernel32.INSTANCE.OpenMutex(SYNCHRONIZE, false, "Global\\_MSIExecute");
        if (mutex == null) {
            return false;
        }
        Kernel32.INSTANCE.CloseHandle(mutex);
        return true;
    }

    private int cbsExclusive() {
        try {
            return registry.value(SESSIONS_PENDING, "Exclusive").filter(Integer.class::isInstance).map(Integer.class::cast).orElse(0);
        } catch (RuntimeException e) {
            return 0;
        }
    }

    private static Set<String> runningImages() {
        return ProcessHandle.allProcesses().map(process -> process.info().command().orElse(""))
            .map(command -> command.substring(Math.max(command.lastIndexOf('\\'), command.lastIndexOf('/')) + 1))
            .filter(name -> !name.isEmpty()).collect(Collectors.toSet());
    }
}
