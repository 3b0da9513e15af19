package org.patchlake.agent.endpoint.windows;

import com.sun.jna.platform.win32.Advapi32;
import com.sun.jna.platform.win32.W32Errors;
import com.sun.jna.platform.win32.WinError;
import com.sun.jna.platform.win32.WinReg;
import com.sun.jna.ptr.IntByReference;
import java.util.Optional;
import org.patchlake.core.rules.FactUnavailableException;

/**
 * {@link RawRegistry} through {@code RegOpenKeyEx} / {@code RegQueryValueEx}: the value's type and bytes come back
 * undecoded (jna-platform's {@code registryGetValue} returns null for REG_MULTI_SZ). Windows only.
 */
final class Advapi32RawRegistry implements RawRegistry {

    private static final int MAX_ATTEMPTS = 5;

    @Override
    public boolean keyExists(RegistryPath key, int access) {
        WinReg.HKEYByReference handle = new WinReg.HKEYByReference();
        int result = Advapi32.INSTANCE.RegOpenKeyEx(root(key), key.subKey(), 0, access, handle);
        if (result == WinError.ERROR_FILE_NOT_FOUND) {
            return false;
        }
        check(result, "open registry key " + key);
        Advapi32.INSTANCE.RegCloseKey(handle.getValue());
        return true;
    }

    @Override
    public Optional<RegistryData> read(RegistryPath key, String name, int access) {
        WinReg.HKEYByReference handle = new WinReg.HKEYByReference();
        int opened = Advapi32.INSTANCE.RegOpenKeyEx(root(key), key.subKey(), 0, access, handle);
        if (opened == WinError.ERROR_FILE_NOT_FOUND) {
            return Optional.empty();
        }
        check(opened, "open registry key " + key);
        try {
            IntByReference type = new IntByReference();
            IntByReference size = new IntByReference();
            int result = Advapi32.INSTANCE.RegQueryValueEx(handle.getValue(), name, 0, type, (byte[]) null, size);
            // the value can grow between the size query and the read: ask again with the new size
            for (int attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
                if (result == WinError.ERROR_FILE_NOT_FOUND) {
                    return Optional.empty();
                }
                if (result != W32Errors.ERROR_SUCCESS && result != WinError.ERROR_MORE_DATA) {
                    break;
                }
                byte[] data = new byte[size.getValue()];
                result = Advapi32.INSTANCE.RegQueryValueEx(handle.getValue(), name, 0, type, data.length == 0 ? null : data, size);
                if (result == W32Errors.ERROR_SUCCESS) {
                    byte[] exact = size.getValue() == data.length ? data : java.util.Arrays.copyOf(data, size.getValue());
                    return Optional.of(new RegistryData(type.getValue(), exact));
                }
            }
            check(result, "read registry value " + key + " " + name);
            throw new FactUnavailableException("read registry value " + key + " " + name + ": it kept changing size");
        } finally {
            Advapi32.INSTANCE.RegCloseKey(handle.getValue());
        }
    }

    private static void check(int result, String what) {
        if (result != W32Errors.ERROR_SUCCESS) {
            throw new FactUnavailableException(what + ": Windows error " + result + " ("
                + com.sun.jna.platform.win32.Kernel32Util.formatMessageFromLastErrorCode(result).trim() + ")");
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
