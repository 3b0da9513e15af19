package org.patchlake.etl.catalog;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.patchlake.core.catalog.Bulletin;
import org.patchlake.core.catalog.Catalog;
import org.patchlake.core.catalog.CumulativeRole;
import org.patchlake.core.catalog.RestartBehaviour;
import org.patchlake.core.catalog.Severity;
import org.patchlake.core.catalog.Update;

/**
 * Loads a catalog version of the warehouse back into a core {@link Catalog}, with an in-process DuckDB reading
 * the Parquet tables (no Spark: {@code evaluate} and the agent-side tools start in well under a second).
 * The supersedence closure is recomputed from the direct {@code supersedes} lists (cheaper than reading the
 * update_supersedence table, and the same code that wrote it); the cumulative packages are read from
 * update_cumulative, where the import wrote what it derived.
 */
public final class CatalogStore {
    private final CatalogVersions versions;

    public CatalogStore(Path warehouse) {
        this.versions = new CatalogVersions(requireNonNull(warehouse, "warehouse is null"));
    }

    /** The catalog that {@code WH/catalog/CURRENT} names. */
    public Catalog loadCurrent() throws IOException {
        return load(versions.currentDirectory());
    }

    /** The manifest of the current catalog version. */
    public CatalogManifest currentManifest() throws IOException {
        return CatalogManifest.read(versions.currentDirectory().resolve(CatalogManifest.FILE_NAME));
    }

    /** Loads one version directory ({@code WH/catalog/v-...}). */
    public static Catalog load(Path versionDirectory) throws IOException {
        for (String table : List.of(CatalogTables.UPDATES, CatalogTables.UPDATE_CVES, CatalogTables.BULLETINS)) {
            if (!Files.isDirectory(versionDirectory.resolve(table))) {
                throw new IOException("catalog version " + versionDirectory + " has no " + table + " table");
            }
        }
        try (Connection connection = DriverManager.getConnection("jdbc:duckdb:")) {
            List<Update> updates = loadUpdates(connection, versionDirectory);
            List<Bulletin> bulletins = loadBulletins(connection, versionDirectory);
            return Catalog.of(updates, bulletins, loadCumulative(connection, versionDirectory));
        } catch (SQLException failure) {
            throw new IOException("cannot read catalog version " + versionDirectory + ": " + failure.getMessage(), failure);
        }
    }

    private static List<Update> loadUpdates(Connection connection, Path directory) throws SQLException {
        List<Update> updates = new ArrayList<>();
        try (PreparedStatement statement = connection.prepareStatement(sql("load-updates.sql"))) {
            statement.setString(1, glob(directory, CatalogTables.UPDATES));
            statement.setString(2, glob(directory, CatalogTables.UPDATE_CVES));
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    updates.add(new Update(rows.getString("kb"), rows.getString("bulletin_id"),
                            rows.getString("product"), rows.getString("component"),
                            Severity.fromLabel(rows.getString("severity")), rows.getString("impact"),
                            rows.getObject("released", LocalDate.class), rows.getBoolean("exploited"),
                            RestartBehaviour.fromCode(rows.getString("restart_behaviour")),
                            split(rows.getString("supersedes")), split(rows.getString("cves"))));
                }
            }
        }
        return updates;
    }

    /**
     * The cumulative packages derived at import; none for a catalog version imported before they were (only
     * Microsoft's published supersedence applies then, until the catalog is imported again).
     */
    private static List<CumulativeRole> loadCumulative(Connection connection, Path directory) throws SQLException {
        List<CumulativeRole> roles = new ArrayList<>();
        if (!Files.isDirectory(directory.resolve(CatalogTables.UPDATE_CUMULATIVE))) {
            return roles;
        }
        try (PreparedStatement statement = connection.prepareStatement(sql("load-cumulative.sql"))) {
            statement.setString(1, glob(directory, CatalogTables.UPDATE_CUMULATIVE));
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    roles.add(new CumulativeRole(rows.getString("kb"), rows.getString("product"),
                            CumulativeRole.Kind.fromCode(rows.getString("kind")),
                            CumulativeRole.Scope.fromCode(rows.getString("scope")), rows.getString("reason")));
                }
            }
        }
        return roles;
    }

    private static List<Bulletin> loadBulletins(Connection connection, Path directory) throws SQLException {
        List<Bulletin> bulletins = new ArrayList<>();
        try (PreparedStatement statement = connection.prepareStatement(sql("load-bulletins.sql"))) {
            statement.setString(1, glob(directory, CatalogTables.BULLETINS));
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    bulletins.add(new Bulletin(rows.getString("bulletin_id"), rows.getString("title"),
                            Severity.fromLabel(rows.getString("vendor_severity")), rows.getString("impact"),
                            rows.getObject("released", LocalDate.class), rows.getObject("revised", LocalDate.class),
                            rows.getInt("cve_count"), rows.getBoolean("exploited"), rows.getBoolean("superseded"),
                            rows.getInt("update_count")));
                }
            }
        }
        return bulletins;
    }

    private static List<String> split(String joined) {
        return joined == null || joined.isEmpty() ? List.of() : Arrays.asList(joined.split(","));
    }

    private static String glob(Path directory, String table) {
        return directory.resolve(table).resolve("*.parquet").toString();
    }

    static String sql(String resource) {
        try (InputStream in = CatalogStore.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("SQL resource " + resource + " missing from the classpath");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException failure) {
            throw new UncheckedIOException(failure);
        }
    }
}
