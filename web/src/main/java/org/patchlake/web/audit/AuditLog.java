package org.patchlake.web.audit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.patchlake.reports.query.SqlFile;
import org.patchlake.web.database.OpsDatabase;
import org.patchlake.web.database.StoreException;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

import static java.util.Objects.requireNonNull;

/** Who did what, when, with the value before and after (as JSON). Append only. */
public final class AuditLog {
    private static final SqlFile SQL = SqlFile.load(AuditLog.class, "audit.sql");

    public record Entry(long id, Instant at, String actor, String action, String target, String before, String after,
                        String clientAddress) {
        public Entry {
            requireNonNull(at, "at is null");
            requireNonNull(actor, "actor is null");
            requireNonNull(action, "action is null");
            requireNonNull(target, "target is null");
        }
    }

    private final OpsDatabase database;
    private final Clock clock;
    private final ObjectMapper json;

    public AuditLog(OpsDatabase database, Clock clock, ObjectMapper json) {
        this.database = requireNonNull(database, "database is null");
        this.clock = requireNonNull(clock, "clock is null");
        this.json = requireNonNull(json, "json is null");
    }

    /** Records one change; {@code before}/{@code after} are serialised as JSON (null when absent). */
    public void record(String actor, String action, String target, Object before, Object after, String clientAddress) {
        try (Connection c = database.connection(); PreparedStatement s = c.prepareStatement(SQL.statement("insert_entry").sql())) {
            s.setTimestamp(1, Timestamp.from(clock.instant()));
            s.setString(2, actor);
            s.setString(3, action);
            s.setString(4, target);
            s.setString(5, toJson(before));
            s.setString(6, toJson(after));
            s.setString(7, clientAddress);
            s.executeUpdate();
        } catch (SQLException e) {
            throw new StoreException("cannot write audit entry " + action + " " + target, e);
        }
    }

    public List<Entry> recent(int limit) {
        try (Connection c = database.connection(); PreparedStatement s = c.prepareStatement(SQL.statement("select_recent").sql())) {
            s.setInt(1, limit);
            List<Entry> entries = new ArrayList<>();
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    entries.add(new Entry(rs.getLong(1), rs.getObject(2, OffsetDateTime.class).toInstant(), rs.getString(3),
                            rs.getString(4), rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8)));
                }
            }
            return entries;
        } catch (SQLException e) {
            throw new StoreException("cannot read audit log", e);
        }
    }

    private String toJson(Object value) {
        if (value == null) {
            return null;
        }
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("cannot serialise audit value " + value, e);
        }
    }
}
