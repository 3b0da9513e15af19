package org.patchlake.core.protocol;

/**
 * What the agent can tell about the machine's role (chassis type, server OS, or what it was told at deployment:
 * a business-critical server is an organisation's decision, not something Windows knows); the server may override
 * it. The warehouse's computer_class is the lower-case name.
 */
public enum ComputerClassHint {
    WORKSTATION,
    NOTEBOOK,
    SERVER,
    BUSINESS_CRITICAL_SERVER
}
