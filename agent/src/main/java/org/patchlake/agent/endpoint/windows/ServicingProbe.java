package org.patchlake.agent.endpoint.windows;

import java.util.Optional;
import org.patchlake.core.protocol.InstallerKind;

/**
 * Whether Windows is installing something that a package of this kind would collide with, and what: an installer
 * started now would fail with 1618 (Windows Installer busy) or 0x80240016 (servicing busy).
 */
public interface ServicingProbe {

    /** What is busy ("Windows Installer is running an installation (_MSIExecute)"), or empty when idle. */
    Optional<String> busy(InstallerKind kind);
}
