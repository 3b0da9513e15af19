package org.patchlake.agent.policy;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Locale;
import org.patchlake.core.protocol.PolicyUpdate;
import org.patchlake.core.rules.InstallReturnCodes;

/**
 * Downloads installers over http(s) into a cache directory named by their SHA-256, hashing while it writes.
 * A file whose hash does not match is deleted and refused; a cached file is hashed again before each use, and the
 * policy runner hashes it once more on the handle the installer runs from ({@link HeldPackage}).
 */
public final class HttpPackageSource implements PackageSource {

    private final HttpClient http;
    private final Path directory;
    private final Duration timeout;

    public HttpPackageSource(HttpClient http, Path directory, Duration timeout) {
        this.http = requireNonNull(http, "http is null");
        this.directory = requireNonNull(directory, "directory is null");
        this.timeout = requireNonNull(timeout, "timeout is null");
    }

    @Override
    public Path fetch(PolicyUpdate update) throws PackageException {
        String extension = update.installerKind().name().toLowerCase(Locale.ROOT);
        Path target = directory.resolve(update.kb() + "-" + update.sha256() + "." + extension);
        try {
            Files.createDirectories(directory);
            if (Files.exists(target)) {
                if (sha256(target).equals(update.sha256())) {
                    return target;
                }
                Files.delete(target);
            }
            Path partial = directory.resolve(target.getFileName() + ".part");
            HttpResponse<InputStream> response = http.send(HttpRequest.newBuilder(URI.create(update.downloadUrl()))
                .timeout(timeout).GET().build(), HttpResponse.BodyHandlers.ofInputStream());
            if (response.statusCode() != 200) {
                response.body().close();
                throw new PackageException(InstallReturnCodes.PACKAGE_DOWNLOAD_FAILED, update.kb() + ": download "
                    + update.downloadUrl() + " answered HTTP " + response.statusCode());
            }
            String actual;
            // a fresh file, created by the agent in its locked-down directory: never one left (or planted) before
            Files.deleteIfExists(partial);
            try (InputStream in = response.body(); OutputStream out = Files.newOutputStream(partial,
                StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
                actual = copyHashing(in, out);
            }
            if (!actual.equals(update.sha256())) {
                Files.deleteIfExists(partial);
                throw new PackageException(InstallReturnCodes.PACKAGE_HASH_MISMATCH, update.kb() + ": package "
                    + update.downloadUrl() + " has SHA-256 " + actual + " but the policy expects " + update.sha256()
                    + "; refused to run it");
            }
            Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            return target;
        } catch (IOException | IllegalArgumentException e) {
            throw new PackageException(InstallReturnCodes.PACKAGE_DOWNLOAD_FAILED, update.kb() + ": download "
                + update.downloadUrl() + " failed: " + e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new PackageException(InstallReturnCodes.PACKAGE_DOWNLOAD_FAILED, update.kb() + ": download interrupted");
        }
    }

    static String sha256(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return copyHashing(in, OutputStream.nullOutputStream());
        }
    }

    private static String copyHashing(InputStream in, OutputStream out) throws IOException {
        MessageDigest digest;
        try {
            digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 unavailable", e);
        }
        byte[] buffer = new byte[64 * 1024];
        int read;
        while ((read = in.read(buffer)) >= 0) {
            digest.update(buffer, 0, read);
            out.write(buffer, 0, read);
        }
        return HexFormat.of().formatHex(digest.digest());
    }
}
