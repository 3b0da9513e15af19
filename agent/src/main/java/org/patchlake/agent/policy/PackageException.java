package org.patchlake.agent.policy;

/** A package could not be made ready to run; {@code returnCode} is the agent-defined code reported for it. */
public class PackageException extends Exception {

    private final long returnCode;

    public PackageException(long returnCode, String message) {
        super(message);
        this.returnCode = returnCode;
    }

    public long returnCode() {
        return returnCode;
    }
}
