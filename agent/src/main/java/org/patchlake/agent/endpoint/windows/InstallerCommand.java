package org.patchlake.agent.endpoint.windows;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The command line that installs a package silently without restarting: .msu through wusa, .msi and .msp
 * through msiexec, .cab through DISM, .exe with the policy's switches (default {@code /quiet /norestart}).
 * The restart is the agent's decision (per policy), never the installer's.
 */
public final class InstallerCommand {

    private InstallerCommand() {
    }

    public static List<String> forPackage(Path packageFile, List<String> arguments, String systemRoot) {
        String file = packageFile.toString();
        String extension = extension(file);
        String system32 = systemRoot + "\\System32\\";
        List<String> command = new ArrayList<>();
        switch (extension) {
            case "msu" -> command.addAll(List.of(system32 + "wusa.exe", file, "/quiet", "/norestart"));
            case "msi" -> command.addAll(List.of(system32 + "msiexec.exe", "/i", file, "/qn", "/norestart"));
            case "msp" -> command.addAll(List.of(system32 + "msiexec.exe", "/p", file, "/qn", "/norestart"));
            case "cab" -> command.addAll(List.of(system32 + "dism.exe", "/online", "/add-package",
                "/packagepath:" + file, "/quiet", "/norestart"));
            case "exe" -> {
                command.add(file);
                command.addAll(arguments.isEmpty() ? List.of("/quiet", "/norestart") : arguments);
                return command;
            }
            default -> throw new IllegalArgumentException("package " + file
                + ": unsupported installer type '." + extension + "' (expected .msu, .msi, .msp, .cab or .exe)");
        }
        command.addAll(arguments);
        return command;
    }

    private static String extension(String file) {
        int dot = file.lastIndexOf('.');
        int slash = Math.max(file.lastIndexOf('\\'), file.lastIndexOf('/'));
        return dot <= slash ? "" : file.substring(dot + 1).toLowerCase(Locale.ROOT);
    }
}
