package org.patchlake.agent.endpoint.windows;

import com.sun.jna.platform.win32.Kernel32;
import com.sun.jna.platform.win32.Kernel32Util;
import com.sun.jna.ptr.IntByReference;

/**
 * The DNS host name and domain through {@code GetComputerNameEx}: a LocalSystem service has no USERDNSDOMAIN, so
 * the environment cannot say which domain the computer belongs to. Windows only.
 */
final class Kernel32ComputerNames implements ComputerNames {

    private static final int COMPUTER_NAME_DNS_HOSTNAME = 1;
    private static final int COMPUTER_NAME_DNS_DOMAIN = 2;

    @Override
    public String hostname() {
        String name = name(COMPUTER_NAME_DNS_HOSTNAME);
        return name.isEmpty() ? Kernel32Util.getComputerName() : name;
    }

    @Override
    public String dnsDomain() {
        return name(COMPUTER_NAME_DNS_DOMAIN);
    }

    private static String name(int type) {
        char[] buffer = new char[256];
        IntByReference size = new IntByReference(buffer.length);
        if (!Kernel32.INSTANCE.GetComputerNameEx(type, buffer, size)) {
            return "";
        }
        return new String(buffer, 0, size.getValue());
    }
}
