package org.patchlake.web.auth;

import at.favre.lib.crypto.bcrypt.BCrypt;

import java.nio.charset.StandardCharsets;

/** bcrypt password hashing (at.favre.lib:bcrypt). The cost is a parameter so tests can stay fast. */
public final class PasswordHasher {
    public static final int DEFAULT_COST = 12;
    public static final int MINIMUM_LENGTH = 12;
    private final int cost;
    /** Verified against when a user does not exist, so sign-in takes as long either way. */
    private final String decoy;

    public PasswordHasher(int cost) {
        if (cost < 4 || cost > 31) {
            throw new IllegalArgumentException("bcrypt cost must be 4..31, was " + cost);
        }
        this.cost = cost;
        this.decoy = hash("decoy-password-never-used");
    }

    public String hash(String password) {
        return BCrypt.withDefaults().hashToString(cost, password.toCharArray());
    }

    public boolean verify(String password, String hash) {
        return BCrypt.verifyer().verify(password.getBytes(StandardCharsets.UTF_8),
                hash.getBytes(StandardCharsets.UTF_8)).verified;
    }

    public void verifyDecoy(String password) {
        verify(password, decoy);
    }

    /** Why a new password is unacceptable, or null when it is fine. */
    public static String weakness(String password) {
        if (password == null || password.length() < MINIMUM_LENGTH) {
            return "must have at least " + MINIMUM_LENGTH + " characters";
        }
        if (password.getBytes(StandardCharsets.UTF_8).length > 72) {
            return "must be at most 72 bytes (bcrypt limit)";
        }
        return null;
    }
}
