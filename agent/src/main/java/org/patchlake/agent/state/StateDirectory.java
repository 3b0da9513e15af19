package org.patchlake.agent.state;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The agent's state directory, secured before anything is read from or written to it: {@code agent-state.json}
 * (the HMAC secret, the policies and their hashes), {@code spool/}, {@code packages/} and {@code logs/}.
 * {@link #open} locks the directory down ({@link DirectoryLockdown}) and then removes from {@code packages/}
 * everything the agent did not put there (interrupted downloads, and any DLL or file planted beside an installer
 * before the directory was secured): only {@code KB<digits>-<sha256>.<kind>} files stay.
 */
public final class StateDirectory {

    private static final Logger LOG = LoggerFactory.getLogger(StateDirectory.class);
    private static final Pattern PACKAGE = Pattern.compile("KB\\d{1,8}-[0-9a-f]{64}\\.(msu|msi|msp|cab|exe)");

    private final Path root;

    private StateDirectory(Path root) {
        this.root = root;
    }

    public static StateDirectory open(Path root, DirectoryLockdown lockdown) {
        requireNonNull(root, "root is null");
        requireNonNull(lockdown, "lockdown is null");
        lockdown.secure(root);
        StateDirectory directory = new StateDirectory(root);
        directory.removeStrangersFromPackages();
        return directory;
    }

    public Path root() {
        return root;
    }

    public Path packages() {
        return root.resolve("packages");
    }

    public Path logs() {
        return root.resolve("logs");
    }

    public Path spool() {
        return root.resolve("spool");
    }

    private void removeStrangersFromPackages() {
        Path packages = packages();
        if (!Files.isDirectory(packages)) {
            return;
        }
        List<Path> strangers = new ArrayList<>();
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(packages)) {
            for (Path entry : entries) {
                if (!Files.isRegularFile(entry) || Files.isSymbolicLink(entry)
                    || !PACKAGE.matcher(entry.getFileName().toString()).matches()) {
                    strangers.add(entry);
                }
            }
            for (Path stranger : strangers) {
                deleteTree(stranger);
                LOG.warn("removed {} from the package cache: the agent did not put it there", stranger);
            }
        } catch (IOException e) {
            throw new StateDirectoryException("package cache " + packages + " cannot be cleaned: " + e, e);
        }
    }

    private static void deleteTree(Path path) throws IOException {
        if (Files.isSymbolicLink(path) || !Files.isDirectory(path)) {
            Files.deleteIfExists(path);
            return;
        }
        Files.walkFileTree(path, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) throws IOException {
                Files.delete(file);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path dir, IOException failure) throws IOException {
                Files.delete(dir);
                return FileVisitResult.CONTINUE;
            }
        });
    }
}
