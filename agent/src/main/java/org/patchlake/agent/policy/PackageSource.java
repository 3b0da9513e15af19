package org.patchlake.agent.policy;

import java.nio.file.Path;
import org.patchlake.core.protocol.PolicyUpdate;

/** Fetches an update's installer and verifies its SHA-256 before anything runs it. */
public interface PackageSource {

    /**
     * A local file whose SHA-256 equals {@code update.sha256()}.
     *
     * @throws PackageException with {@code PACKAGE_HASH_MISMATCH} when the bytes do not match (the file is
     *                          deleted), or {@code PACKAGE_DOWNLOAD_FAILED} when it could not be fetched
     */
    Path fetch(PolicyUpdate update) throws PackageException;
}
