package org.patchlake.ingest.registry;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The ingest key ({@code DATA/ingest/agent.key}, 32 random bytes, created once, owner-only): agent secrets are
 * {@code base64url(HMAC-SHA256(key, computerId + "/" + generation))}, so no per-agent secret is stored and every
 * ingest node sharing the data directory verifies the same signatures.
 */
final class AgentKey {
    private final byte[] key;

    private AgentKey(byte[] key) {
        this.key = key;
    }

    static AgentKey loadOrCreate(Path file, SecureRandom random) {
        try {
            if (!Files.exists(file)) {
                Files.createDirectories(file.getParent());
                byte[] fresh = new byte[32];
                random.nextBytes(fresh);
                Path temporary = Files.createTempFile(file.getParent(), "agent.key", ".tmp");
                try {
                    Files.setPosixFilePermissions(temporary, PosixFilePermissions.fromString("rw-------"));
                } catch (UnsupportedOperationException notPosix) {
                    // best effort on non-POSIX file systems
                }
                Files.write(temporary, Base64.getEncoder().encode(fresh));
                try {
                    Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE);
                } catch (FileAlreadyExistsException | AtomicMoveNotSupportedException raced) {
                    Files.deleteIfExists(temporary);
                }
            }
            byte[] key = Base64.getDecoder().decode(Files.readString(file, StandardCharsets.US_ASCII).trim());
            if (key.length < 32) {
                throw new IllegalStateException("ingest key " + file + " is shorter than 32 bytes");
            }
            return new AgentKey(key);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or create ingest key " + file, e);
        }
    }

    String secretFor(String computerId, int generation) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            byte[] secret = mac.doFinal((computerId + "/" + generation).getBytes(StandardCharsets.UTF_8));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 unavailable", e);
        }
    }
}
