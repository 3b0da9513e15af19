package org.patchlake.web.auth;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import static java.util.Objects.requireNonNull;

/**
 * Rate-limits sign-in: too many failures for one user name, or from one client address, within the window
 * lock that name or address out for the lockout period. Kept in memory (one web node).
 */
public final class SignInLimiter {
    public record Limits(int failuresPerUser, int failuresPerAddress, Duration window, Duration lockout) {
        public Limits {
            requireNonNull(window, "window is null");
            requireNonNull(lockout, "lockout is null");
        }

        public static Limits defaults() {
            return new Limits(5, 20, Duration.ofMinutes(15), Duration.ofMinutes(15));
        }
    }

    private static final class Failures {
        final Deque<Instant> times = new ArrayDeque<>();
        Instant lockedUntil = Instant.MIN;
    }

    private final Limits limits;
    private final Clock clock;
    private final Map<String, Failures> failures = new ConcurrentHashMap<>();

    public SignInLimiter(Limits limits, Clock clock) {
        this.limits = requireNonNull(limits, "limits is null");
        this.clock = requireNonNull(clock, "clock is null");
    }

    /** When the user or address is locked out: how long until it may try again. */
    public Optional<Duration> lockedFor(String userName, String address) {
        Instant now = clock.instant();
        Instant until = later(lockedUntil("user:" + userName), lockedUntil("address:" + address));
        return until.isAfter(now) ? Optional.of(Duration.between(now, until)) : Optional.empty();
    }

    public void recordFailure(String userName, String address) {
        record("user:" + userName, limits.failuresPerUser());
        record("address:" + address, limits.failuresPerAddress());
        if (failures.size() > 100_000) {
            failures.clear(); // bounded memory under a spray of names; limits restart
        }
    }

    public void recordSuccess(String userName) {
        failures.remove("user:" + userName);
    }

    private void record(String key, int limit) {
        Instant now = clock.instant();
        Failures entry = failures.computeIfAbsent(key, k -> new Failures());
        synchronized (entry) {
            entry.times.addLast(now);
            while (!entry.times.isEmpty() && entry.times.peekFirst().isBefore(now.minus(limits.window()))) {
                entry.times.removeFirst();
            }
            if (entry.times.size() >= limit) {
                entry.lockedUntil = now.plus(limits.lockout());
                entry.times.clear();
            }
        }
    }

    private Instant lockedUntil(String key) {
        Failures entry = failures.get(key);
        if (entry == null) {
            return Instant.MIN;
        }
        synchronized (entry) {
            return entry.lockedUntil;
        }
    }

    private static Instant later(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }
}
