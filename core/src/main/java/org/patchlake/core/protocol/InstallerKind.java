package org.patchlake.core.protocol;

/** How the agent runs a downloaded update. */
public enum InstallerKind {
    /** wusa.exe FILE.msu /quiet /norestart */
    MSU,
    /** msiexec /i FILE.msi /qn /norestart */
    MSI,
    /** msiexec /p FILE.msp /qn /norestart */
    MSP,
    /** FILE.exe with the policy's switches (or the silent switches of a recognised installer family) */
    EXE,
    /** dism.exe /online /add-package /packagepath:FILE.cab /quiet /norestart */
    CAB
}
