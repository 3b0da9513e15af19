package org.patchlake.agent.state;

import java.nio.file.Path;

/**
 * Makes a directory and everything in it owned by the agent's administrators and closed to everyone else, or
 * says why it cannot. Windows: owner Administrators, a protected DACL granting SYSTEM and Administrators full
 * control and nothing to anyone else, children reset to inherit it. POSIX: mode 700, owned by the agent's user.
 */
public interface DirectoryLockdown {

    /**
     * Creates the directory if needed, repairs its owner and permissions and those of its contents, and verifies
     * the result.
     *
     * @throws StateDirectoryException when the directory cannot be secured; the agent must not run from it
     */
    void secure(Path directory);
}
