package org.patchlake.web.compliance;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.patchlake.reports.query.SqlFile;
import org.patchlake.web.database.DuplicateException;
import org.patchlake.web.database.OpsDatabase;
import org.patchlake.web.database.StoreException;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static java.util.Objects.requireNonNull;

/** Exceptions, custom severities and SLA policies: the operational data that changes compliance. */
public final class ComplianceStore {
    private static final SqlFile SQL = SqlFile.load(ComplianceStore.class, "compliance.sql");
    private static final TypeReference<List<SlaPolicy.Phase>> PHASES = new TypeReference<>() { };

    private final OpsDatabase database;
    private final ObjectMapper json;
    private final java.util.concurrent.atomic.AtomicLong settingsVersion = new java.util.concurrent.atomic.AtomicLong();

    public ComplianceStore(OpsDatabase database, ObjectMapper json) {
        this.database = requireNonNull(database, "database is null");
        this.json = requireNonNull(json, "json is null");
    }

    /**
     * Grows whenever a setting that live reports read changes (custom severity, SLA policies), so cached report
     * results computed before the change are not served after it.
     */
    public long settingsVersion() {
        return settingsVersion.get();
    }

    // ---- exceptions

    public ComplianceException grant(ComplianceException exception) {
        try (Connection c = database.connection();
             PreparedStatement s = c.prepareStatement(SQL.statement("insert_exception").sql(), Statement.RETURN_GENERATED_KEYS)) {
            s.setString(1, exception.computerId());
            s.setString(2, exception.bulletinId());
            s.setString(3, exception.owner());
            s.setString(4, exception.reason());
            s.setTimestamp(5, Timestamp.from(exception.expiresAt()));
            s.setString(6, exception.grantedBy());
            s.setTimestamp(7, Timestamp.from(exception.grantedAt()));
            s.executeUpdate();
            try (ResultSet keys = s.getGeneratedKeys()) {
                keys.next();
                return exception(keys.getLong(1)).orElseThrow();
            }
        } catch (SQLException e) {
            throw new StoreException("cannot grant exception for " + exception.computerId() + " x " + exception.bulletinId(), e);
        }
    }

    public Optional<Long> activeException(String computerId, String bulletinId, Instant now) {
        try (Connection c = database.connection(); PreparedStatement s = c.prepareStatement(SQL.statement("select_active_exception").sql())) {
            s.setString(1, computerId);
            s.setString(2, bulletinId);
            s.setTimestamp(3, Timestamp.from(now));
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() ? Optional.of(rs.getLong(1)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new StoreException("cannot look up exception " + computerId + " x " + bulletinId, e);
        }
    }

    /** Revokes an active exception; false when it does not exist or was already revoked. */
    public boolean revoke(long id, String by, Instant at) {
        try (Connection c = database.connection(); PreparedStatement s = c.prepareStatement(SQL.statement("revoke_exception").sql())) {
            s.setString(1, by);
            s.setTimestamp(2, Timestamp.from(at));
            s.setLong(3, id);
            return s.executeUpdate() == 1;
        } catch (SQLException e) {
            throw new StoreException("cannot revoke exception " + id, e);
        }
    }

    public Optional<ComplianceException> exception(long id) {
        List<ComplianceException> found = exceptions("select_exception", id);
        return found.stream().findFirst();
    }

    public List<ComplianceException> exceptions(int limit) {
        return exceptions("select_exceptions", limit);
    }

    private List<ComplianceException> exceptions(String statement, long parameter) {
        try (Connection c = database.connection(); PreparedStatement s = c.prepareStatement(SQL.statement(statement).sql())) {
            s.setLong(1, parameter);
            List<ComplianceException> result = new ArrayList<>();
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    result.add(new ComplianceException(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                            rs.getString(5), instant(rs, 6), rs.getString(7), instant(rs, 8), rs.getString(9), instant(rs, 10)));
                }
            }
            return result;
        } catch (SQLException e) {
            throw new StoreException("cannot read exceptions", e);
        }
    }

    // ---- custom severities

    public void setSeverity(CustomSeverity severity) {
        try (Connection c = database.connection(); PreparedStatement s = c.prepareStatement(SQL.statement("merge_severity").sql())) {
            s.setString(1, severity.bulletinId());
            s.setString(2, severity.severity());
            s.setString(3, severity.reason());
            s.setString(4, severity.setBy());
            s.setTimestamp(5, Timestamp.from(severity.setAt()));
            s.executeUpdate();
            settingsVersion.incrementAndGet();
        } catch (SQLException e) {
            throw new StoreException("cannot set custom severity of " + severity.bulletinId(), e);
        }
    }

    public void clearSeverity(String bulletinId) {
        try (Connection c = database.connection(); PreparedStatement s = c.prepareStatement(SQL.statement("delete_severity").sql())) {
            s.setString(1, bulletinId);
            s.executeUpdate();
            settingsVersion.incrementAndGet();
        } catch (SQLException e) {
            throw new StoreException("cannot clear custom severity of " + bulletinId, e);
        }
    }

    public Optional<CustomSeverity> severity(String bulletinId) {
        return severities("select_severity", bulletinId).stream().findFirst();
    }

    public List<CustomSeverity> severities() {
        return severities("select_severities", null);
    }

    private List<CustomSeverity> severities(String statement, String bulletinId) {
        try (Connection c = database.connection(); PreparedStatement s = c.prepareStatement(SQL.statement(statement).sql())) {
            if (bulletinId != null) {
                s.setString(1, bulletinId);
            }
            List<CustomSeverity> result = new ArrayList<>();
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    result.add(new CustomSeverity(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), instant(rs, 5)));
                }
            }
            return result;
        } catch (SQLException e) {
            throw new StoreException("cannot read custom severities", e);
        }
    }

    // ---- SLA policies

    /** Inserts (id 0) or updates a policy and returns it as stored. */
    public SlaPolicy save(SlaPolicy policy) {
        boolean insert = policy.id() == 0;
        try (Connection c = database.connection();
             PreparedStatement s = c.prepareStatement(SQL.statement(insert ? "insert_sla_policy" : "update_sla_policy").sql(),
                     Statement.RETURN_GENERATED_KEYS)) {
            s.setString(1, policy.name());
            s.setString(2, policy.severity());
            s.setString(3, policy.computerClass());
            if (policy.managedLevel() == null) {
                s.setNull(4, Types.INTEGER);
            } else {
                s.setInt(4, policy.managedLevel());
            }
            s.setString(5, policy.clockStart());
            s.setString(6, json.writeValueAsString(policy.phases()));
            s.setBoolean(7, policy.measured());
            s.setBoolean(8, policy.active());
            s.setString(9, policy.updatedBy());
            s.setTimestamp(10, Timestamp.from(policy.updatedAt()));
            if (!insert) {
                s.setLong(11, policy.id());
            }
            s.executeUpdate();
            settingsVersion.incrementAndGet();
            long id = policy.id();
            if (insert) {
                try (ResultSet keys = s.getGeneratedKeys()) {
                    keys.next();
                    id = keys.getLong(1);
                }
            }
            return slaPolicy(id).orElseThrow();
        } catch (SQLException e) {
            if (e.getErrorCode() == 23505) {
                throw new DuplicateException("an SLA policy named '" + policy.name() + "' already exists");
            }
            throw new StoreException("cannot save SLA policy " + policy.name(), e);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("cannot serialise phases of " + policy.name(), e);
        }
    }

    public Optional<SlaPolicy> slaPolicy(long id) {
        return slaPolicies("select_sla_policy", id).stream().findFirst();
    }

    public List<SlaPolicy> slaPolicies() {
        return slaPolicies("select_sla_policies", null);
    }

    private List<SlaPolicy> slaPolicies(String statement, Long id) {
        try (Connection c = database.connection(); PreparedStatement s = c.prepareStatement(SQL.statement(statement).sql())) {
            if (id != null) {
                s.setLong(1, id);
            }
            List<SlaPolicy> result = new ArrayList<>();
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    int level = rs.getInt(5);
                    Integer managedLevel = rs.wasNull() ? null : level;
                    result.add(new SlaPolicy(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), managedLevel,
                            rs.getString(6), json.readValue(rs.getString(7), PHASES), rs.getBoolean(8), rs.getBoolean(9),
                            rs.getString(10), instant(rs, 11)));
                }
            }
            return result;
        } catch (SQLException e) {
            throw new StoreException("cannot read SLA policies", e);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored SLA policy phases are not valid JSON", e);
        }
    }

    private static Instant instant(ResultSet rs, int column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }
}
