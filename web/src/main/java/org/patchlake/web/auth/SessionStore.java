package org.patchlake.web.auth;

import org.patchlake.reports.query.SqlFile;
import org.patchlake.web.database.OpsDatabase;
import org.patchlake.web.database.StoreException;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * Signed-in sessions. The cookie carries a random token; the store keeps only its SHA-256, so a copy of the
 * database does not hand out sessions. Each session has its own CSRF token.
 */
public final class SessionStore {
    private static final SqlFile SQL = SqlFile.load(SessionStore.class, "sessions.sql");

    public record Session(String token, long userId, String csrfToken, Instant expiresAt) {
        public Session {
            requireNonNull(token, "token is null");
            requireNonNull(csrfToken, "csrfToken is null");
            requireNonNull(expiresAt, "expiresAt is null");
        }
    }

    private final OpsDatabase database;
    private final Clock clock;
    private final Duration lifetime;
    private final SecureRandom random = new SecureRandom();

    public SessionStore(OpsDatabase database, Clock clock, Duration lifetime) {
        this.database = requireNonNull(database, "database is null");
        this.clock = requireNonNull(clock, "clock is null");
        this.lifetime = requireNonNull(lifetime, "lifetime is null");
    }

    public Session create(long userId, String clientAddress) {
        Session session = new Session(randomToken(), userId, randomToken(), clock.instant().plus(lifetime));
        try (Connection c = database.connection(); PreparedStatement s = c.prepareStatement(SQL.statement("insert_session").sql())) {
            s.setString(1, hash(session.token()));
            s.setLong(2, userId);
            s.setString(3, session.csrfToken());
            s.setTimestamp(4, Timestamp.from(clock.instant()));
            s.setTimestamp(5, Timestamp.from(session.expiresAt()));
            s.setString(6, clientAddress);
            s.executeUpdate();
            return session;
        } catch (SQLException e) {
            throw new StoreException("cannot create session for user " + userId, e);
        }
    }

    /** The live session for a cookie token; expired sessions are gone. */
    public Optional<Session> find(String token) {
        if (token == null || token.isBlank() || token.length() > 200) {
            return Optional.empty();
        }
        try (Connection c = database.connection(); PreparedStatement s = c.prepareStatement(SQL.statement("select_session").sql())) {
            s.setString(1, hash(token));
            try (ResultSet rs = s.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                Instant expires = rs.getObject(3, OffsetDateTime.class).toInstant();
                if (!expires.isAfter(clock.instant())) {
                    delete(token);
                    return Optional.empty();
                }
                return Optional.of(new Session(token, rs.getLong(1), rs.getString(2), expires));
            }
        } catch (SQLException e) {
            throw new StoreException("cannot read session", e);
        }
    }

    public void delete(String token) {
        execute("delete_session", hash(token));
    }

    public void deleteAllOf(long userId) {
        try (Connection c = database.connection(); PreparedStatement s = c.prepareStatement(SQL.statement("delete_user_sessions").sql())) {
            s.setLong(1, userId);
            s.executeUpdate();
        } catch (SQLException e) {
            throw new StoreException("cannot end sessions of user " + userId, e);
        }
    }

    public void deleteExpired() {
        try (Connection c = database.connection(); PreparedStatement s = c.prepareStatement(SQL.statement("delete_expired").sql())) {
            s.setTimestamp(1, Timestamp.from(clock.instant()));
            s.executeUpdate();
        } catch (SQLException e) {
            throw new StoreException("cannot delete expired sessions", e);
        }
    }

    private void execute(String name, String value) {
        try (Connection c = database.connection(); PreparedStatement s = c.prepareStatement(SQL.statement(name).sql())) {
            s.setString(1, value);
            s.executeUpdate();
        } catch (SQLException e) {
            throw new StoreException("cannot run " + name, e);
        }
    }

    public String randomToken() {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    static String hash(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
