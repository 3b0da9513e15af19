package org.patchlake.core.protocol;

/** What the agent can tell about the machine's role (chassis type, server OS); the server may override it. */
public enum ComputerClassHint {
    WORKSTATION,
    NOTEBOOK,
    SERVER
}
