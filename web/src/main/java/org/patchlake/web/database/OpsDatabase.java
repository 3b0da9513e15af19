package org.patchlake.web.database;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.output.MigrateResult;
import org.h2.jdbcx.JdbcConnectionPool;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.OptionalInt;

import static java.util.Objects.requireNonNull;

/**
 * The web process's operational store: an embedded H2 file database under {@code DATA/ops}, migrated at open by
 * Flyway from the {@code migrations/V<n>__<name>.sql} resources beside this class (checksummed; an edited released
 * migration stops the server with Flyway's validation error instead of silently diverging).
 * <p>
 * A store made before Flyway recorded its migrations in a {@code schema_version} table; {@link LegacySchemaVersion}
 * reads the highest version there and Flyway baselines at it, so only the migrations after it run.
 */
public final class OpsDatabase implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(OpsDatabase.class);
    static final String MIGRATIONS_LOCATION = "classpath:org/patchlake/web/database/migrations";

    private final JdbcConnectionPool pool;
    private final Flyway flyway;

    private OpsDatabase(JdbcConnectionPool pool, Flyway flyway) {
        this.pool = pool;
        this.flyway = flyway;
    }

    /** Opens (creating if needed) the store in {@code directory} and applies pending migrations. */
    public static OpsDatabase open(Path directory) {
        requireNonNull(directory, "directory is null");
        try {
            Files.createDirectories(directory);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create operational store directory " + directory, e);
        }
        String url = "jdbc:h2:file:" + directory.toAbsolutePath().resolve("patchlake") + ";DB_CLOSE_ON_EXIT=FALSE";
        return openUrl(url);
    }

    /** An in-memory store, for tools and tests that need no file. */
    public static OpsDatabase inMemory(String name) {
        return openUrl("jdbc:h2:mem:" + name + ";DB_CLOSE_DELAY=-1");
    }

    private static OpsDatabase openUrl(String url) {
        JdbcConnectionPool pool = JdbcConnectionPool.create(url, "patchlake", "");
        pool.setMaxConnections(32);
        try {
            OptionalInt legacyVersion = LegacySchemaVersion.read(pool);
            Flyway flyway = Flyway.configure()
                    .dataSource(pool)
                    .locations(MIGRATIONS_LOCATION)
                    .baselineOnMigrate(legacyVersion.isPresent())
                    .baselineVersion(String.valueOf(legacyVersion.orElse(1)))
                    .baselineDescription("migrated before Flyway (schema_version " + legacyVersion.orElse(0) + ")")
                    .load();
            MigrateResult result = flyway.migrate();
            result.migrations.forEach(m -> LOG.info("event=ops_migration version={} name={} ms={}", m.version,
                    m.filepath.substring(m.filepath.lastIndexOf('/') + 1), m.executionTime));
            return new OpsDatabase(pool, flyway);
        } catch (FlywayException | SQLException e) {
            pool.dispose();
            throw new StoreException("cannot migrate the operational store: " + e.getMessage(), e);
        }
    }

    public Connection connection() throws SQLException {
        return pool.getConnection();
    }

    /** The version of the newest applied migration (the baseline for a store made before Flyway); 0 for none. */
    public int schemaVersion() {
        MigrationInfo current = flyway.info().current();
        return current == null ? 0 : Integer.parseInt(current.getVersion().getVersion());
    }

    /** The version of the newest migration this build ships. */
    public int latestMigration() {
        MigrationInfo[] all = flyway.info().all();
        return all.length == 0 ? 0 : Integer.parseInt(all[all.length - 1].getVersion().getVersion());
    }

    @Override
    public void close() {
        pool.dispose();
    }
}
