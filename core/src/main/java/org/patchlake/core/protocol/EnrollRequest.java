package org.patchlake.core.protocol;

/**
 * {@code POST /api/agent/v1/enroll}: an agent presents its site's enrollment token and its identity.
 * Re-enrolling with the same {@code hardwareId} yields the same computer id (and a new credential).
 *
 * @param enrollmentToken   the token an administrator created for the site (required)
 * @param hostname          required
 * @param domain            AD domain or workgroup, or null
 * @param os                required
 * @param hardwareId        stable machine identity, e.g. SMBIOS UUID (required)
 * @param agentVersion      required
 * @param computerClassHint null when unknown
 * @param managedLevel      1 (most critical) to 4, null when unknown
 */
public record EnrollRequest(
        String enrollmentToken,
        String hostname,
        String domain,
        OsIdentity os,
        String hardwareId,
        String agentVersion,
        ComputerClassHint computerClassHint,
        Integer managedLevel) {

    public EnrollRequest {
        enrollmentToken = Checks.text(enrollmentToken, "enrollmentToken");
        hostname = Checks.text(hostname, "hostname");
        domain = Checks.optionalText(domain, "domain");
        Checks.required(os, "os");
        hardwareId = Checks.text(hardwareId, "hardwareId");
        if (hardwareId.length() > 256) {
            throw new ProtocolViolation("hardwareId", "is longer than 256 characters");
        }
        agentVersion = Checks.text(agentVersion, "agentVersion");
        if (managedLevel != null && (managedLevel < 1 || managedLevel > 4)) {
            throw new ProtocolViolation("managedLevel", "must be between 1 and 4 but was " + managedLevel);
        }
    }

    @Override
    public String toString() {
        return "EnrollRequest[hostname=" + hostname + ", hardwareId=" + hardwareId + ", enrollmentToken=<hidden>]";
    }
}
