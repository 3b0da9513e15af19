package org.patchlake.agent.endpoint.windows;

import com.sun.jna.platform.win32.Advapi32Util;
import com.sun.jna.platform.win32.Win32Exception;
import com.sun.jna.platform.win32.WinReg;
import java.util.Optional;
import org.patchlake.core.rules.FactUnavailableException;

/** The registry through jna-platform's Advapi32Util (64-bit view, as the agent runs in a 64-bit JVM). Windows only. */
final class Advapi32RegistryReader implements RegistryReader {

    @Override
    public boolean keyExists(RegistryPath key) {
        try {
            return Advapi32Util.registryKeyExists(root(key), key.subKey());
        } catch (Win32Exception e) {
            throw new FactUnavailableException("registry key " + key + ": " + e.getMessage(), e);
        }
    }

    @Override
    public Optional<Object> value(RegistryPath key, String name) {
        try {
            WinReg.HKEY root = root(key);
            if (!Advapi32Util.registryKeyExists(root, key.subKey())
                || !Advapi32Util.registryValueExists(root, key.subKey(), name)) {
                return Optional.empty();
            }
            return Optional.ofNullable(Advapi32Util.registryGetValue(root, key.subKey(), name));
        } catch (Win32Exception e) {
            throw new FactUnavailableException("registry value " + key + " " + name + ": " + e.getMessage(), e);
        }
    }

    private static WinReg.HKEY root(RegistryPath key) {
        return switch (key.hive()) {
            case HKEY_LOCAL_MACHINE -> WinReg.HKEY_LOCAL_MACHINE;
            case HKEY_CURRENT_USER -> WinReg.HKEY_CURRENT_USER;
            case HKEY_CLASSES_ROOT -> WinReg.HKEY_CLASSES_ROOT;
            case HKEY_USERS -> WinReg.HKEY_USERS;
            case HKEY_CURRENT_CONFIG -> WinReg.HKEY_CURRENT_CONFIG;
        };
    }
}
