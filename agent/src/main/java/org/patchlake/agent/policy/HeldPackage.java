package org.patchlake.agent.policy;

import static java.util.Objects.requireNonNull;

import com.sun.nio.file.ExtendedOpenOption;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.OpenOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.patchlake.core.rules.InstallReturnCodes;

/**
 * A package verified on the handle the installer runs from: the file is opened once, hashed through that handle,
 * and kept open until the installer has finished. On Windows the handle denies write and delete sharing, so no one
 * can change, replace or rename the file between the hash check and the end of the install (installers only read
 * it). A file whose bytes no longer match the policy's SHA-256 is refused and deleted.
 */
public final class HeldPackage implements AutoCloseable {

    private final Path path;
    private final FileChannel channel;

    private HeldPackage(Path path, FileChannel channel) {
        this.path = path;
        this.channel = channel;
    }

    /**
     * @param denyWriteSharing true on Windows: open without FILE_SHARE_WRITE and FILE_SHARE_DELETE
     * @throws PackageException {@code PACKAGE_HASH_MISMATCH} when the bytes are not the expected ones,
     *                          {@code PACKAGE_DOWNLOAD_FAILED} when the file cannot be opened
     */
    public static HeldPackage open(String kb, Path path, String expectedSha256, boolean denyWriteSharing) throws PackageException {
        requireNonNull(path, "path is null");
        requireNonNull(expectedSha256, "expectedSha256 is null");
        List<OpenOption> options = new ArrayList<>(List.of(StandardOpenOption.READ));
        if (denyWriteSharing) {
            options.add(ExtendedOpenOption.NOSHARE_WRITE);
            options.add(ExtendedOpenOption.NOSHARE_DELETE);
        }
        FileChannel channel;
        try {
            channel = FileChannel.open(path, options.toArray(OpenOption[]::new));
        } catch (IOException | UnsupportedOperationException e) {
            throw new PackageException(InstallReturnCodes.PACKAGE_DOWNLOAD_FAILED, kb + ": package " + path
                + " cannot be opened for verification: " + e);
        }
        try {
            String actual = sha256(channel);
            if (!actual.equals(expectedSha256)) {
                channel.close();
                Files.deleteIfExists(path);
                throw new PackageException(InstallReturnCodes.PACKAGE_HASH_MISMATCH, kb + ": package " + path
                    + " has SHA-256 " + actual + " on the handle it would run from, but the policy expects "
                    + expectedSha256 + " (it changed after the download was verified); refused to run it");
            }
            return new HeldPackage(path, channel);
        } catch (IOException e) {
            closeQuietly(channel);
            throw new PackageException(InstallReturnCodes.PACKAGE_DOWNLOAD_FAILED, kb + ": package " + path
                + " cannot be read for verification: " + e);
        }
    }

    public Path path() {
        return path;
    }

    public boolean isOpen() {
        return channel.isOpen();
    }

    @Override
    public void close() {
        closeQuietly(channel);
    }

    private static String sha256(FileChannel channel) throws IOException {
        MessageDigest digest;
        try {
            digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 unavailable", e);
        }
        ByteBuffer buffer = ByteBuffer.allocate(64 * 1024);
        long position = 0;
        int read;
        while ((read = channel.read(buffer, position)) >= 0) {
            buffer.flip();
            digest.update(buffer);
            buffer.clear();
            position += read;
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    private static void closeQuietly(FileChannel channel) {
        try {
            channel.close();
        } catch (IOException e) {
            // nothing was written through it
        }
    }
}
