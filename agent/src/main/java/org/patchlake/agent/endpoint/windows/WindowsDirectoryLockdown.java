package org.patchlake.agent.endpoint.windows;

import com.sun.jna.Native;
import com.sun.jna.Pointer;
import com.sun.jna.platform.win32.Advapi32Util;
import com.sun.jna.platform.win32.Kernel32;
import com.sun.jna.platform.win32.Kernel32Util;
import com.sun.jna.platform.win32.Win32Exception;
import com.sun.jna.ptr.IntByReference;
import com.sun.jna.ptr.PointerByReference;
import com.sun.jna.win32.StdCallLibrary;
import com.sun.jna.win32.W32APIOptions;
import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.List;
import org.patchlake.agent.state.DirectoryLockdown;
import org.patchlake.agent.state.StateDirectoryException;

/**
 * Locks the state directory down on Windows: owner Administrators and the protected DACL
 * {@link SecurityDescriptors#STATE_DIRECTORY} on the directory; owner Administrators and inherited entries only on
 * everything below it (so a file a user planted before loses the user's ownership and access); then reads every
 * descriptor back as SDDL and refuses the directory if one still lets anyone but SYSTEM and Administrators in.
 * Taking ownership of a user's file needs SeTakeOwnershipPrivilege, which LocalSystem holds. Windows only.
 */
public final class WindowsDirectoryLockdown implements DirectoryLockdown {

    private static final int SE_FILE_OBJECT = 1;
    private static final int OWNER_SECURITY_INFORMATION = 0x1;
    private static final int DACL_SECURITY_INFORMATION = 0x4;
    private static final int PROTECTED_DACL_SECURITY_INFORMATION = 0x80000000;
    private static final int UNPROTECTED_DACL_SECURITY_INFORMATION = 0x20000000;
    private static final int SDDL_REVISION_1 = 1;

    /** The advapi32 calls jna-platform does not declare (SDDL conversion, named security info with plain pointers). */
    interface Security extends StdCallLibrary {
        boolean ConvertStringSecurityDescriptorToSecurityDescriptor(String sddl, int revision, PointerByReference descriptor,
                                                                    IntByReference size);

        boolean ConvertSecurityDescriptorToStringSecurityDescriptor(Pointer descriptor, int revision, int information,
                                                                    PointerByReference sddl, IntByReference length);

        boolean GetSecurityDescriptorOwner(Pointer descriptor, PointerByReference owner, IntByReference defaulted);

        boolean GetSecurityDescriptorDacl(Pointer descriptor, IntByReference present, PointerByReference dacl,
                                          IntByReference defaulted);

        int SetNamedSecurityInfo(String name, int type, int information, Pointer owner, Pointer group, Pointer dacl,
                                 Pointer sacl);

        int GetNamedSecurityInfo(String name, int type, int information, PointerByReference owner, PointerByReference group,
                                 PointerByReference dacl, PointerByReference sacl, PointerByReference descriptor);
    }

    private final Security security = Native.load("advapi32", Security.class, W32APIOptions.DEFAULT_OPTIONS);

    @Override
    public void secure(Path directory) {
        try (Advapi32Util.Privilege privileges = new Advapi32Util.Privilege("SeTakeOwnershipPrivilege",
            "SeRestorePrivilege").enable()) {
            Files.createDirectories(directory);
            apply(directory, SecurityDescriptors.STATE_DIRECTORY, PROTECTED_DACL_SECURITY_INFORMATION);
            Files.walkFileTree(directory, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attributes) {
                    if (!dir.equals(directory)) {
                        apply(dir, SecurityDescriptors.INHERIT_ONLY, UNPROTECTED_DACL_SECURITY_INFORMATION);
                        verify(dir, false);
                    }
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) {
                    apply(file, SecurityDescriptors.INHERIT_ONLY, UNPROTECTED_DACL_SECURITY_INFORMATION);
                    verify(file, false);
                    return FileVisitResult.CONTINUE;
                }
            });
            verify(directory, true);
        } catch (IOException | Win32Exception e) {
            throw new StateDirectoryException("state directory " + directory + " cannot be secured: " + e.getMessage(), e);
        }
    }

    private void apply(Path path, String sddl, int daclProtection) {
        PointerByReference descriptor = new PointerByReference();
        if (!security.ConvertStringSecurityDescriptorToSecurityDescriptor(sddl, SDDL_REVISION_1, descriptor, null)) {
            throw failure("cannot build the security descriptor " + sddl, Native.getLastError());
        }
        try {
            PointerByReference owner = new PointerByReference();
            PointerByReference dacl = new PointerByReference();
            IntByReference flag = new IntByReference();
            security.GetSecurityDescriptorOwner(descriptor.getValue(), owner, flag);
            security.GetSecurityDescriptorDacl(descriptor.getValue(), new IntByReference(), dacl, flag);
            // the owner first: a file a user owns and closed to others only opens its DACL to its new owner
            int result = security.SetNamedSecurityInfo(path.toString(), SE_FILE_OBJECT, OWNER_SECURITY_INFORMATION,
                owner.getValue(), null, null, null);
            check(result, "set the owner of " + path);
            result = security.SetNamedSecurityInfo(path.toString(), SE_FILE_OBJECT, DACL_SECURITY_INFORMATION | daclProtection,
                null, null, dacl.getValue(), null);
            check(result, "set the permissions of " + path);
        } finally {
            Kernel32.INSTANCE.LocalFree(descriptor.getValue());
        }
    }

    private void verify(Path path, boolean root) {
        String sddl = read(path);
        List<String> problems = SecurityDescriptors.problems(sddl, root);
        if (!problems.isEmpty()) {
            throw new StateDirectoryException("state directory: " + path + " is not locked down (" + String.join("; ", problems)
                + "; descriptor " + sddl + ")");
        }
    }

    private String read(Path path) {
        PointerByReference descriptor = new PointerByReference();
        int result = security.GetNamedSecurityInfo(path.toString(), SE_FILE_OBJECT,
            OWNER_SECURITY_INFORMATION | DACL_SECURITY_INFORMATION, null, null, null, null, descriptor);
        check(result, "read the permissions of " + path);
        try {
            PointerByReference text = new PointerByReference();
            if (!security.ConvertSecurityDescriptorToStringSecurityDescriptor(descriptor.getValue(), SDDL_REVISION_1,
                OWNER_SECURITY_INFORMATION | DACL_SECURITY_INFORMATION, text, null)) {
                throw failure("cannot read the permissions of " + path + " as SDDL", Native.getLastError());
            }
            try {
                return text.getValue().getWideString(0);
            } finally {
                Kernel32.INSTANCE.LocalFree(text.getValue());
            }
        } finally {
            Kernel32.INSTANCE.LocalFree(descriptor.getValue());
        }
    }

    private static void check(int result, String what) {
        if (result != 0) {
            throw failure(what, result);
        }
    }

    private static StateDirectoryException failure(String what, int error) {
        return new StateDirectoryException(what + ": Windows error " + error + " ("
            + Kernel32Util.formatMessageFromLastErrorCode(error).strip() + ")");
    }
}
