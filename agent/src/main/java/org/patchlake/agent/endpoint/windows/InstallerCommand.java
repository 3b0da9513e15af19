package org.patchlake.agent.endpoint.windows;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.patchlake.core.protocol.InstallerKind;

/**
 * The command line that installs a package silently without restarting, writing its own log into the agent's
 * {@code logs/}: .msu through wusa ({@code /log:} an event log file), .msi and .msp through msiexec ({@code /l*v}
 * a verbose log), .cab through DISM ({@code /logpath:}), several .msu together through DISM (checkpoint cumulative
 * updates), .exe with the policy's switches or, without any, the silent switches of its {@link InstallerFamily}.
 * The restart is the agent's decision (per policy), never the installer's.
 */
public final class InstallerCommand {

    private InstallerCommand() {
    }

    /** The package's kind from its file name; refused for anything the agent does not install. */
    public static InstallerKind kindOf(Path packageFile) {
        String file = packageFile.toString();
        int dot = file.lastIndexOf('.');
        int slash = Math.max(file.lastIndexOf('\\'), file.lastIndexOf('/'));
        String extension = dot <= slash ? "" : file.substring(dot + 1).toLowerCase(Locale.ROOT);
        return switch (extension) {
            case "msu" -> InstallerKind.MSU;
            case "msi" -> InstallerKind.MSI;
            case "msp" -> InstallerKind.MSP;
            case "cab" -> InstallerKind.CAB;
            case "exe" -> InstallerKind.EXE;
            default -> throw new IllegalArgumentException("package " + file + ": unsupported installer type '." + extension
                + "' (expected .msu, .msi, .msp, .cab or .exe)");
        };
    }

    /**
     * @param switches the policy's extra switches, already split into arguments
     * @param family   for .exe packages: the detected family (its silent switches are used when {@code switches} is empty)
     * @param log      the log file the installer writes
     */
    public static List<String> forPackage(Path packageFile, List<String> switches, InstallerFamily family, Path log,
                                          String systemRoot) {
        String file = packageFile.toString();
        String system32 = systemRoot + "\\System32\\";
        List<String> command = new ArrayList<>();
        switch (kindOf(packageFile)) {
            case MSU -> command.addAll(List.of(system32 + "wusa.exe", file, "/quiet", "/norestart", "/log:" + log));
            case MSI -> command.addAll(List.of(system32 + "msiexec.exe", "/i", file, "/qn", "/norestart", "/l*v", log.toString()));
            case MSP -> command.addAll(List.of(system32 + "msiexec.exe", "/p", file, "/qn", "/norestart", "/l*v", log.toString()));
            case CAB -> command.addAll(dism(List.of(packageFile), log, systemRoot));
            case EXE -> {
                command.add(file);
                if (switches.isEmpty() && family.silentSwitches().isEmpty()) {
                    throw new IllegalArgumentException("package " + file + " is an " + family.label() + " and the policy "
                        + "gives no installSwitches: set the switches that run it unattended without restarting");
                }
                command.addAll(switches.isEmpty() ? family.silentSwitches() : switches);
                return command;
            }
        }
        command.addAll(switches);
        return command;
    }

    /** One DISM call adding every package ({@code /packagepath:} each); DISM orders checkpoints before what needs them. */
    public static List<String> dism(List<Path> packages, Path log, String systemRoot) {
        List<String> command = new ArrayList<>(List.of(systemRoot + "\\System32\\dism.exe", "/online", "/add-package"));
        for (Path file : packages) {
            command.add("/packagepath:" + file);
        }
        command.addAll(List.of("/quiet", "/norestart", "/logpath:" + log));
        return command;
    }
}
