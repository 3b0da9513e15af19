package org.patchlake.agent.state;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.UserPrincipal;
import java.util.Set;

/**
 * The lockdown on Linux and macOS (the simulator, tests, development): the directory is mode 700 and owned by the
 * user the agent creates files as; files below it lose every group and other permission. A directory owned by
 * someone else that cannot be taken over is refused.
 */
public final class PosixDirectoryLockdown implements DirectoryLockdown {

    private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rwx------");

    @Override
    public void secure(Path directory) {
        try {
            Files.createDirectories(directory);
            if (Files.isSymbolicLink(directory)) {
                throw new StateDirectoryException("state directory " + directory + " is a symbolic link; refusing to use it");
            }
            UserPrincipal agent = creatorOf(directory);
            if (!Files.getOwner(directory, LinkOption.NOFOLLOW_LINKS).equals(agent)) {
                Files.setOwner(directory, agent);
            }
            Files.setPosixFilePermissions(directory, OWNER_ONLY);
            Files.walkFileTree(directory, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attributes) throws IOException {
                    if (!dir.equals(directory)) {
                        restrict(dir, agent);
                    }
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) throws IOException {
                    restrict(file, agent);
                    return FileVisitResult.CONTINUE;
                }
            });
            Set<PosixFilePermission> now = Files.getPosixFilePermissions(directory, LinkOption.NOFOLLOW_LINKS);
            if (!now.equals(OWNER_ONLY)) {
                throw new StateDirectoryException("state directory " + directory + " is still "
                    + PosixFilePermissions.toString(now) + " after setting rwx------");
            }
        } catch (UnsupportedOperationException e) {
            throw new StateDirectoryException("state directory " + directory + " is on a file system without POSIX "
                + "permissions; the agent cannot keep its secret and packages private there", e);
        } catch (IOException e) {
            throw new StateDirectoryException("state directory " + directory + " cannot be secured: " + e, e);
        }
    }

    private static void restrict(Path path, UserPrincipal agent) throws IOException {
        if (Files.isSymbolicLink(path)) {
            return;
        }
        if (!Files.getOwner(path, LinkOption.NOFOLLOW_LINKS).equals(agent)) {
            Files.setOwner(path, agent);
        }
        Set<PosixFilePermission> permissions = Files.getPosixFilePermissions(path, LinkOption.NOFOLLOW_LINKS);
        permissions.retainAll(Set.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE,
            PosixFilePermission.OWNER_EXECUTE));
        Files.setPosixFilePermissions(path, permissions);
    }

    /** The user new files are created as: the owner of a probe file made in the directory's parent or itself. */
    private static UserPrincipal creatorOf(Path directory) throws IOException {
        Path probe = Files.createTempFile(directory, ".owner", ".probe");
        try {
            return Files.getOwner(probe, LinkOption.NOFOLLOW_LINKS);
        } finally {
            Files.deleteIfExists(probe);
        }
    }
}
