package org.patchlake.agent.endpoint.windows;

import com.sun.jna.Memory;
import com.sun.jna.platform.win32.VerRsrc;
import com.sun.jna.platform.win32.Version;
import com.sun.jna.ptr.IntByReference;
import com.sun.jna.ptr.PointerByReference;
import java.util.Optional;

/** A file's fixed version resource through GetFileVersionInfo / VerQueryValue. Windows only. */
final class NativeFileVersions {

    private NativeFileVersions() {
    }

    static Optional<org.patchlake.core.rules.Version> read(String path) {
        IntByReference ignored = new IntByReference();
        int size = Version.INSTANCE.GetFileVersionInfoSize(path, ignored);
        if (size <= 0) {
            return Optional.empty();
        }
        Memory buffer = new Memory(size);
        if (!Version.INSTANCE.GetFileVersionInfo(path, 0, size, buffer)) {
            return Optional.empty();
        }
        PointerByReference info = new PointerByReference();
        IntByReference length = new IntByReference();
        if (!Version.INSTANCE.VerQueryValue(buffer, "\\", info, length) || length.getValue() == 0) {
            return Optional.empty();
        }
        VerRsrc.VS_FIXEDFILEINFO fixed = new VerRsrc.VS_FIXEDFILEINFO(info.getValue());
        fixed.read();
        return Optional.of(FileVersionWords.toVersion(fixed.dwFileVersionMS.intValue(), fixed.dwFileVersionLS.intValue()));
    }
}
