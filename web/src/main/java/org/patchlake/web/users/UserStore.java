package org.patchlake.web.users;

import org.patchlake.reports.query.SqlFile;
import org.patchlake.web.auth.Role;
import org.patchlake.web.auth.Scope;
import org.patchlake.web.auth.User;
import org.patchlake.web.database.DuplicateException;
import org.patchlake.web.database.OpsDatabase;
import org.patchlake.web.database.StoreException;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import static java.util.Objects.requireNonNull;

/** Users, their roles and scopes in the operational store. */
public final class UserStore {
    private static final SqlFile SQL = SqlFile.load(UserStore.class, "users.sql");

    /** A user with the stored password hash, for sign-in only. */
    public record Credentials(User user, String passwordHash) {
    }

    /** The editable part of a user. */
    public record UserDetails(String displayName, Set<Role> roles, Scope scope, boolean disabled, ZoneId timeZone) {
        public UserDetails {
            requireNonNull(displayName, "displayName is null");
            roles = Set.copyOf(roles);
            requireNonNull(scope, "scope is null");
            requireNonNull(timeZone, "timeZone is null");
        }
    }

    private final OpsDatabase database;
    private final Clock clock;

    public UserStore(OpsDatabase database, Clock clock) {
        this.database = requireNonNull(database, "database is null");
        this.clock = requireNonNull(clock, "clock is null");
    }

    public User create(String name, UserDetails details, String passwordHash) {
        try (Connection c = database.connection()) {
            c.setAutoCommit(false);
            long id;
            try (PreparedStatement s = c.prepareStatement(SQL.statement("insert_user").sql(), Statement.RETURN_GENERATED_KEYS)) {
                Timestamp now = Timestamp.from(clock.instant());
                s.setString(1, name);
                s.setString(2, details.displayName());
                s.setString(3, passwordHash);
                s.setBoolean(4, details.scope().allRegions());
                s.setString(5, details.timeZone().getId());
                s.setTimestamp(6, now);
                s.setTimestamp(7, now);
                s.executeUpdate();
                try (ResultSet keys = s.getGeneratedKeys()) {
                    keys.next();
                    id = keys.getLong(1);
                }
            }
            writeRolesAndScopes(c, id, details);
            c.commit();
            return findById(id).orElseThrow();
        } catch (SQLException e) {
            if (e.getErrorCode() == 23505) {
                throw new DuplicateException("a user named '" + name + "' already exists");
            }
            throw new StoreException("cannot create user " + name, e);
        }
    }

    public User update(long id, UserDetails details) {
        try (Connection c = database.connection()) {
            c.setAutoCommit(false);
            try (PreparedStatement s = c.prepareStatement(SQL.statement("update_user").sql())) {
                s.setString(1, details.displayName());
                s.setBoolean(2, details.scope().allRegions());
                s.setBoolean(3, details.disabled());
                s.setString(4, details.timeZone().getId());
                s.setLong(5, id);
                s.executeUpdate();
            }
            for (String delete : List.of("delete_roles", "delete_scopes")) {
                try (PreparedStatement s = c.prepareStatement(SQL.statement(delete).sql())) {
                    s.setLong(1, id);
                    s.executeUpdate();
                }
            }
            writeRolesAndScopes(c, id, details);
            c.commit();
            return findById(id).orElseThrow();
        } catch (SQLException e) {
            throw new StoreException("cannot update user " + id, e);
        }
    }

    private static void writeRolesAndScopes(Connection c, long id, UserDetails details) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(SQL.statement("insert_role").sql())) {
            for (Role role : details.roles()) {
                s.setLong(1, id);
                s.setString(2, role.key());
                s.addBatch();
            }
            s.executeBatch();
        }
        try (PreparedStatement s = c.prepareStatement(SQL.statement("insert_scope").sql())) {
            for (String region : details.scope().regions()) {
                s.setLong(1, id);
                s.setString(2, "region");
                s.setString(3, region);
                s.addBatch();
            }
            for (String site : details.scope().sites()) {
                s.setLong(1, id);
                s.setString(2, "site");
                s.setString(3, site);
                s.addBatch();
            }
            s.executeBatch();
        }
    }

    public void setPassword(long id, String passwordHash) {
        try (Connection c = database.connection(); PreparedStatement s = c.prepareStatement(SQL.statement("update_password").sql())) {
            s.setString(1, passwordHash);
            s.setTimestamp(2, Timestamp.from(clock.instant()));
            s.setLong(3, id);
            s.executeUpdate();
        } catch (SQLException e) {
            throw new StoreException("cannot set password of user " + id, e);
        }
    }

    public Optional<Credentials> credentials(String name) {
        return queryOne("select_by_name", s -> s.setString(1, name));
    }

    public Optional<User> findById(long id) {
        return queryOne("select_by_id", s -> s.setLong(1, id)).map(Credentials::user);
    }

    public Optional<User> findByName(String name) {
        return credentials(name).map(Credentials::user);
    }

    public List<User> all() {
        try (Connection c = database.connection(); PreparedStatement s = c.prepareStatement(SQL.statement("select_all").sql());
             ResultSet rs = s.executeQuery()) {
            List<User> users = new ArrayList<>();
            while (rs.next()) {
                users.add(read(c, rs).user());
            }
            return users;
        } catch (SQLException e) {
            throw new StoreException("cannot list users", e);
        }
    }

    public int count() {
        try (Connection c = database.connection(); PreparedStatement s = c.prepareStatement(SQL.statement("count_users").sql());
             ResultSet rs = s.executeQuery()) {
            rs.next();
            return rs.getInt(1);
        } catch (SQLException e) {
            throw new StoreException("cannot count users", e);
        }
    }

    private interface Binder {
        void bind(PreparedStatement statement) throws SQLException;
    }

    private Optional<Credentials> queryOne(String name, Binder binder) {
        try (Connection c = database.connection(); PreparedStatement s = c.prepareStatement(SQL.statement(name).sql())) {
            binder.bind(s);
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() ? Optional.of(read(c, rs)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new StoreException("cannot read user (" + name + ")", e);
        }
    }

    private static Credentials read(Connection c, ResultSet rs) throws SQLException {
        long id = rs.getLong("id");
        Set<Role> roles = EnumSet.noneOf(Role.class);
        try (PreparedStatement s = c.prepareStatement(SQL.statement("select_roles").sql())) {
            s.setLong(1, id);
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    Role.fromKey(r.getString(1)).ifPresent(roles::add);
                }
            }
        }
        Set<String> regions = new HashSet<>();
        Set<String> sites = new HashSet<>();
        try (PreparedStatement s = c.prepareStatement(SQL.statement("select_scopes").sql())) {
            s.setLong(1, id);
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    ("region".equals(r.getString(1)) ? regions : sites).add(r.getString(2));
                }
            }
        }
        Scope scope = new Scope(rs.getBoolean("all_regions"), regions, sites);
        User user = new User(id, rs.getString("name"), rs.getString("display_name"), roles, scope,
                rs.getBoolean("disabled"), ZoneId.of(rs.getString("time_zone")),
                rs.getObject("created_at", OffsetDateTime.class).toInstant());
        return new Credentials(user, rs.getString("password_hash"));
    }
}
