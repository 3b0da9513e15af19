package org.patchlake.reports.query;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * The loaded database of an earlier snapshot that a snapshot can be built from incrementally (snapshot contract 2),
 * and the {@code _changed_computers} directories of every snapshot after it up to the new one.
 *
 * <p>Found by following {@code previous_snapshot} from the new snapshot's {@code _SNAPSHOT.json} until a snapshot
 * whose database file exists; every snapshot on the way must name its previous snapshot, list its changed
 * computers ({@code changed_computers} not null and a {@code _changed_computers/} directory) and have the same
 * catalog version. A run that evaluated every computer (first run, new catalog or policy) lists none, so anything
 * else (no database of an earlier snapshot, a gap in the chain, a chain longer than {@link #MAXIMUM_CHAIN}) means
 * a full load.
 */
record IncrementalBase(String snapshot, Path database, List<Path> changedComputers) {
    static final int MAXIMUM_CHAIN = 12;
    private static final Pattern SNAPSHOT_NAME = Pattern.compile("s-[0-9A-Za-z_.-]+");
    private static final ObjectMapper JSON = new ObjectMapper();

    IncrementalBase {
        Objects.requireNonNull(snapshot, "snapshot is null");
        Objects.requireNonNull(database, "database is null");
        changedComputers = List.copyOf(changedComputers);
    }

    /**
     * @param databaseOf the database file of a snapshot (by directory name), whether or not it exists
     * @return empty when the snapshot must be loaded in full; the reason is in {@code why}
     */
    static Optional<IncrementalBase> find(SnapshotInfo info, Function<String, Path> databaseOf, StringBuilder why) {
        Path snapshots = info.directory().getParent();
        Path directory = info.directory();
        String catalog = info.catalogVersion();
        List<Path> changed = new ArrayList<>();
        for (int step = 0; step < MAXIMUM_CHAIN; step++) {
            if (step > 0 && why.isEmpty()) {
                why.append("no database of ").append(directory.getFileName()).append(" in the cache; ");
            }
            JsonNode manifest;
            try {
                manifest = JSON.readTree(directory.resolve("_SNAPSHOT.json").toFile());
            } catch (IOException e) {
                why.append("cannot read ").append(directory.resolve("_SNAPSHOT.json")).append(": ").append(e.getMessage());
                return Optional.empty();
            }
            String previous = manifest.hasNonNull("previous_snapshot") ? manifest.get("previous_snapshot").asText() : null;
            Path changedDirectory = directory.resolve("_changed_computers");
            if (previous == null || !SNAPSHOT_NAME.matcher(previous).matches()) {
                why.append(directory.getFileName()).append(" names no previous snapshot");
                return Optional.empty();
            }
            boolean noneChanged = manifest.hasNonNull("changed_computers") && manifest.get("changed_computers").asLong(-1) == 0;
            if (!manifest.hasNonNull("changed_computers")
                    || (!noneChanged && SnapshotTableSource.parquetFiles(changedDirectory).isEmpty())) {
                why.append(directory.getFileName()).append(" lists no changed computers (every computer was evaluated)");
                return Optional.empty();
            }
            String directoryCatalog = manifest.hasNonNull("catalog_version") ? manifest.get("catalog_version").asText() : null;
            if (!Objects.equals(catalog, directoryCatalog)) {
                why.append(directory.getFileName()).append(" has another catalog version");
                return Optional.empty();
            }
            changed.add(changedDirectory);
            Path database = databaseOf.apply(previous);
            if (Files.isRegularFile(database)) {
                return Optional.of(new IncrementalBase(previous, database, changed));
            }
            directory = snapshots.resolve(previous);
            if (!Files.isDirectory(directory)) {
                why.append("no database of ").append(previous).append(" and its directory is gone");
                return Optional.empty();
            }
        }
        why.append("no database within ").append(MAXIMUM_CHAIN).append(" previous snapshots");
        return Optional.empty();
    }
}
