package org.patchlake.agent.endpoint.windows;

import java.util.Optional;

/**
 * The registry at the Windows API edge: {@code RegOpenKeyEx} with the access mask given (which carries the view,
 * {@code KEY_WOW64_64KEY}) and {@code RegQueryValueEx}'s type and bytes, undecoded. Implemented through Advapi32 on
 * Windows and by maps (or {@code reg export} files) in tests.
 */
public interface RawRegistry {

    boolean keyExists(RegistryPath key, int access);

    /** The value's type and bytes; empty when the key or the value does not exist. */
    Optional<RegistryData> read(RegistryPath key, String name, int access);
}
