package org.patchlake.agent.state;

/** The state directory cannot be secured (or read); the agent refuses to run from it. */
public final class StateDirectoryException extends RuntimeException {

    public StateDirectoryException(String message) {
        super(message);
    }

    public StateDirectoryException(String message, Throwable cause) {
        super(message, cause);
    }
}
