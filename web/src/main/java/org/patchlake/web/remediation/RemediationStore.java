package org.patchlake.web.remediation;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.patchlake.web.audit.AuditLog;
import org.patchlake.web.database.OpsDatabase;
import org.patchlake.reports.query.SqlFile;
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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import static java.util.Objects.requireNonNull;

/** Remediation policies, their frozen targets and one-off actions in the operational store. */
public final class RemediationStore {
    private static final SqlFile SQL = SqlFile.load(RemediationStore.class, "remediation.sql");
    private static final String DUPLICATE_KEY = "23505";

    /** A policy as one computer receives it: its ring and its updates. */
    public record Assignment(RemediationPolicy policy, int ring, List<RemediationTarget.Update> updates) {
    }

    private final OpsDatabase database;
    private final ObjectMapper json;

    public RemediationStore(OpsDatabase database, ObjectMapper json) {
        this.database = requireNonNull(database, "database is null");
        this.json = requireNonNull(json, "json is null");
    }

    /**
     * Stores a policy with its targets in one transaction. When the idempotency key exists already (a double
     * click, a retried request), nothing is written and the existing policy is returned.
     */
    public Created create(String idempotencyKey, RemediationDefinition definition, Long parentId, List<RemediationTarget> targets,
                          String actor, Instant now) {
        try (Connection c = database.connection()) {
            c.setAutoCommit(false);
            try {
                long id;
                try (PreparedStatement s = c.prepareStatement(SQL.statement("insert_policy").sql(), Statement.RETURN_GENERATED_KEYS)) {
                    s.setString(1, idempotencyKey);
                    s.setString(2, definition.name());
                    s.setString(3, write(definition));
                    s.setString(4, RemediationPolicy.Status.ACTIVE.key());
                    s.setString(5, actor);
                    s.setTimestamp(6, Timestamp.from(now));
                    s.setTimestamp(7, Timestamp.from(now));
                    if (parentId == null) {
                        s.setNull(8, Types.BIGINT);
                    } else {
                        s.setLong(8, parentId);
                    }
                    s.executeUpdate();
                    try (ResultSet keys = s.getGeneratedKeys()) {
                        keys.next();
                        id = keys.getLong(1);
                    }
                }
                try (PreparedStatement target = c.prepareStatement(SQL.statement("insert_target").sql());
                     PreparedStatement update = c.prepareStatement(SQL.statement("insert_target_update").sql())) {
                    for (RemediationTarget t : targets) {
                        target.setLong(1, id);
                        target.setString(2, t.computerId());
                        target.setString(3, t.hostname());
                        target.setString(4, t.region());
                        target.setString(5, t.site());
                        target.setInt(6, t.ring());
                        target.addBatch();
                        for (RemediationTarget.Update u : t.updates()) {
                            update.setLong(1, id);
                            update.setString(2, t.computerId());
                            update.setString(3, u.kb());
                            update.setString(4, u.product());
                            update.setString(5, u.requiredKb());
                            update.setString(6, u.bulletinId());
                            update.addBatch();
                        }
                    }
                    target.executeBatch();
                    update.executeBatch();
                }
                c.commit();
                return new Created(policy(id).orElseThrow(), true);
            } catch (SQLException e) {
                c.rollback();
                if (DUPLICATE_KEY.equals(e.getSQLState())) {
                    return new Created(byIdempotencyKey(idempotencyKey).orElseThrow(() -> new StoreException(
                            "remediation policy with key " + idempotencyKey + " collided but is not there", e)), false);
                }
                throw e;
            } finally {
                c.setAutoCommit(true);
            }
        } catch (SQLException e) {
            throw new StoreException("cannot store remediation policy '" + definition.name() + "'", e);
        }
    }

    /** A policy and whether this call created it (false: the idempotency key was used before). */
    public record Created(RemediationPolicy policy, boolean created) {
    }

    public Optional<RemediationPolicy> byIdempotencyKey(String key) {
        return one("select_policy_by_key", s -> s.setString(1, key));
    }

    public Optional<RemediationPolicy> policy(long id) {
        return one("select_policy", s -> s.setLong(1, id));
    }

    public List<RemediationPolicy> policies(int limit) {
        try (Connection c = database.connection(); PreparedStatement s = c.prepareStatement(SQL.statement("select_policies").sql())) {
            s.setInt(1, limit);
            List<RemediationPolicy> policies = new ArrayList<>();
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    policies.add(policy(rs));
                }
            }
            return policies;
        } catch (SQLException e) {
            throw new StoreException("cannot list remediation policies", e);
        }
    }

    public List<RemediationTarget> targets(long policyId) {
        try (Connection c = database.connection(); PreparedStatement s = c.prepareStatement(SQL.statement("select_targets").sql())) {
            s.setLong(1, policyId);
            Map<String, RemediationTarget> targets = new LinkedHashMap<>();
            Map<String, List<RemediationTarget.Update>> updates = new LinkedHashMap<>();
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    String computer = rs.getString(1);
                    targets.computeIfAbsent(computer, k -> {
                        try {
                            return new RemediationTarget(computer, rs.getString(2), rs.getString(3), rs.getString(4), rs.getInt(5), List.of());
                        } catch (SQLException e) {
                            throw new StoreException("cannot read target " + computer, e);
                        }
                    });
                    updates.computeIfAbsent(computer, k -> new ArrayList<>()).add(new RemediationTarget.Update(rs.getString(6),
                            rs.getString(7), rs.getString(8), rs.getString(9)));
                }
            }
            List<RemediationTarget> result = new ArrayList<>(targets.size());
            targets.forEach((computer, t) -> result.add(new RemediationTarget(computer, t.hostname(), t.region(), t.site(), t.ring(),
                    updates.get(computer))));
            return result;
        } catch (SQLException e) {
            throw new StoreException("cannot read targets of remediation policy " + policyId, e);
        }
    }

    /** Moves a policy from {@code from} to {@code to} (revision + 1); false when it was not in {@code from}. */
    public boolean changeStatus(long id, RemediationPolicy.Status from, RemediationPolicy.Status to, Instant now) {
        try (Connection c = database.connection(); PreparedStatement s = c.prepareStatement(SQL.statement("update_status").sql())) {
            s.setString(1, to.key());
            s.setTimestamp(2, Timestamp.from(now));
            s.setLong(3, id);
            s.setString(4, from.key());
            return s.executeUpdate() == 1;
        } catch (SQLException e) {
            throw new StoreException("cannot change status of remediation policy " + id, e);
        }
    }

    /** The live (active or paused) policies targeting a computer, each with the computer's ring and updates. */
    public List<Assignment> assignments(String computerId) {
        try (Connection c = database.connection(); PreparedStatement s = c.prepareStatement(SQL.statement("select_assignments").sql())) {
            s.setString(1, computerId);
            Map<Long, RemediationPolicy> policies = new LinkedHashMap<>();
            Map<Long, Integer> rings = new LinkedHashMap<>();
            Map<Long, List<RemediationTarget.Update>> updates = new LinkedHashMap<>();
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    long id = rs.getLong(1);
                    if (!policies.containsKey(id)) {
                        policies.put(id, policy(rs));
                        rings.put(id, rs.getInt("ring"));
                    }
                    updates.computeIfAbsent(id, k -> new ArrayList<>()).add(new RemediationTarget.Update(rs.getString("kb"),
                            rs.getString("product"), rs.getString("required_kb"), rs.getString("bulletin_id")));
                }
            }
            List<Assignment> result = new ArrayList<>();
            policies.forEach((id, policy) -> result.add(new Assignment(policy, rings.get(id), updates.get(id))));
            return result;
        } catch (SQLException e) {
            throw new StoreException("cannot read remediation policies of computer " + computerId, e);
        }
    }

    // ---- actions

    public ActionCreated createAction(String idempotencyKey, RemediationAction.Kind kind, int noticeMinutes, String noticeMessage,
                                      String source, List<RemediationTarget> computers, String actor, Instant now, Instant expiresAt) {
        try (Connection c = database.connection()) {
            c.setAutoCommit(false);
            try {
                long id;
                try (PreparedStatement s = c.prepareStatement(SQL.statement("insert_action").sql(), Statement.RETURN_GENERATED_KEYS)) {
                    s.setString(1, idempotencyKey);
                    s.setString(2, kind.key());
                    s.setInt(3, noticeMinutes);
                    s.setString(4, noticeMessage);
                    s.setString(5, source);
                    s.setString(6, actor);
                    s.setTimestamp(7, Timestamp.from(now));
                    s.setTimestamp(8, Timestamp.from(expiresAt));
                    s.executeUpdate();
                    try (ResultSet keys = s.getGeneratedKeys()) {
                        keys.next();
                        id = keys.getLong(1);
                    }
                }
                try (PreparedStatement s = c.prepareStatement(SQL.statement("insert_action_target").sql())) {
                    for (RemediationTarget t : computers) {
                        s.setLong(1, id);
                        s.setString(2, t.computerId());
                        s.setString(3, t.region());
                        s.setString(4, t.site());
                        s.addBatch();
                    }
                    s.executeBatch();
                }
                c.commit();
                return new ActionCreated(actionByKey(idempotencyKey).orElseThrow(), true);
            } catch (SQLException e) {
                c.rollback();
                if (DUPLICATE_KEY.equals(e.getSQLState())) {
                    return new ActionCreated(actionByKey(idempotencyKey).orElseThrow(), false);
                }
                throw e;
            } finally {
                c.setAutoCommit(true);
            }
        } catch (SQLException e) {
            throw new StoreException("cannot store " + kind.key() + " action", e);
        }
    }

    public record ActionCreated(RemediationAction action, boolean created) {
    }

    public Optional<RemediationAction> actionByKey(String key) {
        List<RemediationAction> found = actions("select_action_by_key", s -> s.setString(1, key));
        return found.stream().findFirst();
    }

    public List<RemediationAction> actions(int limit) {
        return actions("select_actions", s -> s.setInt(1, limit));
    }

    /** Actions for the computer that have not expired. */
    public List<RemediationAction> pendingActions(String computerId, Instant now) {
        return actions("select_pending_actions", s -> {
            s.setString(1, computerId);
            s.setTimestamp(2, Timestamp.from(now));
        });
    }

    public List<AuditLog.Entry> audit(Instant from, Instant to, int limit) {
        try (Connection c = database.connection(); PreparedStatement s = c.prepareStatement(SQL.statement("select_audit").sql())) {
            s.setTimestamp(1, Timestamp.from(from));
            s.setTimestamp(2, Timestamp.from(to));
            s.setInt(3, limit);
            List<AuditLog.Entry> entries = new ArrayList<>();
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    entries.add(new AuditLog.Entry(rs.getLong(1), rs.getObject(2, OffsetDateTime.class).toInstant(), rs.getString(3),
                            rs.getString(4), rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8)));
                }
            }
            return entries;
        } catch (SQLException e) {
            throw new StoreException("cannot read the remediation audit log", e);
        }
    }

    private interface Binder {
        void bind(PreparedStatement statement) throws SQLException;
    }

    private List<RemediationAction> actions(String statement, Binder binder) {
        try (Connection c = database.connection(); PreparedStatement s = c.prepareStatement(SQL.statement(statement).sql())) {
            binder.bind(s);
            List<RemediationAction> actions = new ArrayList<>();
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    actions.add(new RemediationAction(rs.getLong(1), rs.getString(2),
                            RemediationAction.Kind.valueOf(rs.getString(3).toUpperCase(Locale.ROOT)), rs.getInt(4), rs.getString(5),
                            rs.getString(6), rs.getString(7), rs.getObject(8, OffsetDateTime.class).toInstant(),
                            rs.getObject(9, OffsetDateTime.class).toInstant(), rs.getInt(10)));
                }
            }
            return actions;
        } catch (SQLException e) {
            throw new StoreException("cannot read remediation actions (" + statement + ")", e);
        }
    }

    private Optional<RemediationPolicy> one(String statement, Binder binder) {
        try (Connection c = database.connection(); PreparedStatement s = c.prepareStatement(SQL.statement(statement).sql())) {
            binder.bind(s);
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() ? Optional.of(policy(rs)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new StoreException("cannot read remediation policy (" + statement + ")", e);
        }
    }

    private RemediationPolicy policy(ResultSet rs) throws SQLException {
        long parent = rs.getLong(6);
        Long parentId = rs.wasNull() ? null : parent;
        return new RemediationPolicy(rs.getLong(1), rs.getString(2), read(rs.getString(3)),
                RemediationPolicy.Status.valueOf(rs.getString(4).toUpperCase(Locale.ROOT)), rs.getLong(5), parentId, rs.getInt("target_count"),
                rs.getString(7), rs.getObject(8, OffsetDateTime.class).toInstant(), rs.getObject(9, OffsetDateTime.class).toInstant());
    }

    private String write(RemediationDefinition definition) {
        try {
            return json.writeValueAsString(definition);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("cannot write remediation definition " + definition.name(), e);
        }
    }

    private RemediationDefinition read(String text) {
        try {
            return json.readValue(text, RemediationDefinition.class);
        } catch (JsonProcessingException e) {
            throw new StoreException("stored remediation definition is unreadable: " + e.getOriginalMessage(), e);
        }
    }
}
