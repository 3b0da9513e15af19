package org.patchlake.etl.catalog;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Optional;
import java.util.UUID;

/**
 * The catalog's place in the warehouse: {@code WH/catalog/v-<yyyyMMddHHmmssSSS>/} version directories and the
 * {@code WH/catalog/CURRENT} pointer, switched atomically (temp file + {@code ATOMIC_MOVE}) so readers see the
 * old version or the new one, never a half-written one.
 */
public final class CatalogVersions {
    public static final String CURRENT = "CURRENT";
    private static final DateTimeFormatter VERSION_TIME =
            DateTimeFormatter.ofPattern("yyyyMMddHHmmssSSS").withZone(ZoneOffset.UTC);

    private final Path catalogDirectory;

    public CatalogVersions(Path warehouse) {
        requireNonNull(warehouse, "warehouse is null");
        this.catalogDirectory = warehouse.resolve("catalog");
    }

    public Path catalogDirectory() {
        return catalogDirectory;
    }

    /** Name of the version directory for an import started at {@code time}: "v-20261121235959123". */
    public static String versionName(Instant time) {
        return "v-" + VERSION_TIME.format(time);
    }

    public Path versionDirectory(String version) {
        return catalogDirectory.resolve(version);
    }

    /** The current version's name, or empty when no catalog was imported yet. */
    public Optional<String> current() throws IOException {
        try {
            String version = Files.readString(catalogDirectory.resolve(CURRENT), StandardCharsets.UTF_8).trim();
            if (version.isEmpty()) {
                throw new IOException(catalogDirectory.resolve(CURRENT) + " is empty");
            }
            return Optional.of(version);
        } catch (NoSuchFileException missing) {
            return Optional.empty();
        }
    }

    /** The current version's directory; fails naming the warehouse when there is none. */
    public Path currentDirectory() throws IOException {
        String version = current().orElseThrow(() -> new IOException("no catalog in warehouse "
                + catalogDirectory.getParent() + " (" + catalogDirectory.resolve(CURRENT)
                + " missing): run ./patchlake catalog import SOURCE --warehouse " + catalogDirectory.getParent()));
        Path directory = versionDirectory(version);
        if (!Files.isDirectory(directory)) {
            throw new IOException(catalogDirectory.resolve(CURRENT) + " names " + version + " but " + directory
                    + " does not exist");
        }
        return directory;
    }

    /** Makes {@code version} current: writes a temp file beside CURRENT and renames it over CURRENT atomically. */
    public void switchTo(String version) throws IOException {
        if (!Files.isDirectory(versionDirectory(version))) {
            throw new IOException("cannot make " + version + " current: " + versionDirectory(version) + " does not exist");
        }
        Path temporary = catalogDirectory.resolve(".CURRENT-" + UUID.randomUUID() + ".tmp");
        try {
            Files.writeString(temporary, version + "\n", StandardCharsets.UTF_8);
            Files.move(temporary, catalogDirectory.resolve(CURRENT), StandardCopyOption.ATOMIC_MOVE,
                    StandardCopyOption.REPLACE_EXISTING);
        } finally {
            Files.deleteIfExists(temporary);
        }
    }
}
