package org.patchlake.web.schedule;

import org.patchlake.web.report.ExportService;
import org.patchlake.web.report.Report;
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
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import static java.util.Objects.requireNonNull;

/** Schedules and their delivery log in the operational store (tables of V1 and V4). */
public final class ScheduleStore {
    private static final SqlFile SQL = SqlFile.load(ScheduleStore.class, "schedules.sql");

    private final OpsDatabase database;

    public ScheduleStore(OpsDatabase database) {
        this.database = requireNonNull(database, "database is null");
    }

    public long insert(long ownerUserId, ScheduleDefinition definition, String by, Instant at, Instant nextRunAt) {
        try (Connection c = database.connection();
             PreparedStatement s = c.prepareStatement(SQL.statement("insert_schedule").sql(), Statement.RETURN_GENERATED_KEYS)) {
            s.setLong(1, ownerUserId);
            int i = definition(s, 2, definition);
            s.setTimestamp(i++, Timestamp.from(at));
            s.setString(i++, by);
            s.setTimestamp(i++, Timestamp.from(at));
            timestamp(s, i, nextRunAt);
            s.executeUpdate();
            try (ResultSet keys = s.getGeneratedKeys()) {
                keys.next();
                return keys.getLong(1);
            }
        } catch (SQLException e) {
            throw new StoreException("cannot store schedule of " + definition.report().id() + " for user " + ownerUserId, e);
        }
    }

    /** Replaces the definition; a pending retry is dropped (the next run uses the new definition). */
    public void updateDefinition(long id, ScheduleDefinition definition, String by, Instant at, Instant nextRunAt) {
        try (Connection c = database.connection(); PreparedStatement s = c.prepareStatement(SQL.statement("update_definition").sql())) {
            int i = definition(s, 1, definition);
            s.setString(i++, by);
            s.setTimestamp(i++, Timestamp.from(at));
            timestamp(s, i++, nextRunAt);
            timestamp(s, i++, null);
            s.setInt(i++, 0);
            s.setLong(i, id);
            s.executeUpdate();
        } catch (SQLException e) {
            throw new StoreException("cannot update schedule " + id, e);
        }
    }

    /**
     * Logs an attempt and stores the schedule's new state in one transaction (a reader never sees one without the
     * other). {@code definitionUpdatedAt} is the schedule's change time when the run began: if someone edited it
     * meanwhile, the edit's next run and retry stand.
     */
    public void record(Delivery delivery, Schedule.State state, Instant definitionUpdatedAt) {
        try (Connection c = database.connection()) {
            c.setAutoCommit(false);
            try {
                updateState(c, delivery.scheduleId(), state, definitionUpdatedAt);
                log(c, delivery);
                c.commit();
            } catch (SQLException e) {
                c.rollback();
                throw e;
            } finally {
                c.setAutoCommit(true);
            }
        } catch (SQLException e) {
            throw new StoreException("cannot record the delivery of schedule " + delivery.scheduleId(), e);
        }
    }

    private static void updateState(Connection c, long id, Schedule.State state, Instant definitionUpdatedAt) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(SQL.statement("update_state").sql())) {
            timestamp(s, 1, definitionUpdatedAt);
            timestamp(s, 2, state.nextRunAt());
            timestamp(s, 3, definitionUpdatedAt);
            timestamp(s, 4, state.retryAt());
            s.setInt(5, state.retryAttempt());
            s.setBoolean(6, state.clearSendRequest());
            timestamp(s, 7, state.lastRunAt());
            s.setString(8, truncate(state.lastStatus(), 2000));
            s.setInt(9, state.consecutiveFailures());
            timestamp(s, 10, state.failingSince());
            s.setLong(11, id);
            s.executeUpdate();
        }
    }

    public void requestSend(long id, Instant at) {
        try (Connection c = database.connection(); PreparedStatement s = c.prepareStatement(SQL.statement("request_send").sql())) {
            s.setTimestamp(1, Timestamp.from(at));
            s.setLong(2, id);
            s.executeUpdate();
        } catch (SQLException e) {
            throw new StoreException("cannot request sending schedule " + id, e);
        }
    }

    public boolean delete(long id) {
        try (Connection c = database.connection(); PreparedStatement s = c.prepareStatement(SQL.statement("delete_schedule").sql())) {
            s.setLong(1, id);
            return s.executeUpdate() == 1;
        } catch (SQLException e) {
            throw new StoreException("cannot delete schedule " + id, e);
        }
    }

    public Optional<Schedule> find(long id) {
        try (Connection c = database.connection(); PreparedStatement s = c.prepareStatement(SQL.statement("select_schedule").sql())) {
            s.setLong(1, id);
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() ? Optional.of(schedule(rs)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new StoreException("cannot read schedule " + id, e);
        }
    }

    public List<Schedule> all() {
        try (Connection c = database.connection(); PreparedStatement s = c.prepareStatement(SQL.statement("select_schedules").sql());
             ResultSet rs = s.executeQuery()) {
            List<Schedule> schedules = new ArrayList<>();
            while (rs.next()) {
                schedules.add(schedule(rs));
            }
            return schedules;
        } catch (SQLException e) {
            throw new StoreException("cannot read schedules", e);
        }
    }

    /** Ids of schedules with a run, retry or "send now" due at {@code now}. */
    public List<Long> due(Instant now) {
        try (Connection c = database.connection(); PreparedStatement s = c.prepareStatement(SQL.statement("select_due").sql())) {
            for (int i = 1; i <= 3; i++) {
                s.setTimestamp(i, Timestamp.from(now));
            }
            List<Long> ids = new ArrayList<>();
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    ids.add(rs.getLong(1));
                }
            }
            return ids;
        } catch (SQLException e) {
            throw new StoreException("cannot read due schedules", e);
        }
    }

    /** The earliest pending time over all schedules; empty when nothing is pending. */
    public Optional<Instant> nextDue() {
        try (Connection c = database.connection(); PreparedStatement s = c.prepareStatement(SQL.statement("select_next_due").sql());
             ResultSet rs = s.executeQuery()) {
            return rs.next() ? Optional.ofNullable(instant(rs, 1)) : Optional.empty();
        } catch (SQLException e) {
            throw new StoreException("cannot read the next due schedule", e);
        }
    }

    private static void log(Connection c, Delivery delivery) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(SQL.statement("insert_delivery").sql())) {
            s.setLong(1, delivery.scheduleId());
            s.setString(2, delivery.trigger().name());
            s.setTimestamp(3, Timestamp.from(delivery.dueAt()));
            s.setInt(4, delivery.attempt());
            s.setTimestamp(5, Timestamp.from(delivery.startedAt()));
            s.setTimestamp(6, Timestamp.from(delivery.finishedAt()));
            s.setString(7, truncate(String.join(", ", delivery.recipients()), 4000));
            s.setString(8, delivery.format());
            if (delivery.sizeBytes() == null) {
                s.setNull(9, Types.BIGINT);
            } else {
                s.setLong(9, delivery.sizeBytes());
            }
            s.setString(10, delivery.snapshotId());
            timestamp(s, 11, delivery.dataAsOf());
            s.setString(12, delivery.outcome().name());
            s.setString(13, truncate(delivery.smtpResponse(), 2000));
            s.setString(14, truncate(delivery.error(), 2000));
            s.executeUpdate();
        }
    }

    public List<Delivery> deliveries(long scheduleId, int limit) {
        try (Connection c = database.connection(); PreparedStatement s = c.prepareStatement(SQL.statement("select_deliveries").sql())) {
            s.setLong(1, scheduleId);
            s.setInt(2, limit);
            List<Delivery> deliveries = new ArrayList<>();
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    long size = rs.getLong(10);
                    Long sizeBytes = rs.wasNull() ? null : size;
                    String recipients = rs.getString(8);
                    deliveries.add(new Delivery(rs.getLong(1), rs.getLong(2), Delivery.Trigger.valueOf(rs.getString(3)), instant(rs, 4),
                            rs.getInt(5), instant(rs, 6), instant(rs, 7),
                            recipients.isEmpty() ? List.of() : Arrays.asList(recipients.split(", ")), rs.getString(9), sizeBytes,
                            rs.getString(11), instant(rs, 12), Delivery.Outcome.valueOf(rs.getString(13)), rs.getString(14),
                            rs.getString(15)));
                }
            }
            return deliveries;
        } catch (SQLException e) {
            throw new StoreException("cannot read deliveries of schedule " + scheduleId, e);
        }
    }

    private static int definition(PreparedStatement s, int first, ScheduleDefinition definition) throws SQLException {
        int i = first;
        s.setString(i++, definition.report().id());
        s.setString(i++, definition.parametersText());
        s.setString(i++, definition.format().name());
        s.setString(i++, String.join(", ", definition.recipients()));
        s.setString(i++, definition.cron());
        s.setString(i++, definition.timeZone().getId());
        s.setString(i++, definition.subject());
        s.setString(i++, definition.message());
        s.setBoolean(i++, definition.enabled());
        return i;
    }

    private static Schedule schedule(ResultSet rs) throws SQLException {
        long id = rs.getLong(1);
        String reportId = rs.getString(4);
        Report report = Report.fromId(reportId).orElseThrow(() -> new IllegalStateException("schedule " + id + " names unknown report '"
                + reportId + "'"));
        ScheduleDefinition definition = new ScheduleDefinition(report, ScheduleParameters.parse(rs.getString(5)),
                ExportService.Format.valueOf(rs.getString(6)), Arrays.asList(rs.getString(7).split(",\\s*")), rs.getString(8),
                ZoneId.of(rs.getString(9)), rs.getString(10), rs.getString(11), rs.getBoolean(12));
        return new Schedule(id, rs.getLong(2), rs.getString(3), definition, instant(rs, 13), rs.getString(14), instant(rs, 15),
                instant(rs, 16), instant(rs, 17), rs.getInt(18), instant(rs, 19), instant(rs, 20), rs.getString(21), rs.getInt(22),
                instant(rs, 23));
    }

    private static Instant instant(ResultSet rs, int column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    private static void timestamp(PreparedStatement s, int index, Instant value) throws SQLException {
        if (value == null) {
            s.setNull(index, Types.TIMESTAMP_WITH_TIMEZONE);
        } else {
            s.setTimestamp(index, Timestamp.from(value));
        }
    }

    private static String truncate(String value, int length) {
        return value == null || value.length() <= length ? value : value.substring(0, length - 3) + "...";
    }
}
