package org.patchlake.agent.endpoint.windows;

import java.util.Optional;

/** The registry as the Windows logic needs it: implemented with Advapi32Util on Windows, with maps in tests. */
public interface RegistryReader {

    boolean keyExists(RegistryPath key);

    /** The raw value (Integer, Long, String, String[] or byte[]); empty when the key or the value is absent. */
    Optional<Object> value(RegistryPath key, String name);
}
