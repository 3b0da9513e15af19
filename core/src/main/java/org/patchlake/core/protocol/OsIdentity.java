package org.patchlake.core.protocol;

/**
 * The operating system as the agent sees it.
 *
 * @param name         e.g. {@code Microsoft Windows 10 Enterprise} (required)
 * @param version      e.g. {@code 10.0.19045} (required)
 * @param build        e.g. {@code 19045.3930} (UBR included when known), or null
 * @param servicePack  e.g. {@code Service Pack 2}, or null
 * @param architecture e.g. {@code x64}, {@code x86}, {@code arm64} (required)
 * @param product      the catalog's AffectedProduct when the agent identified it
 *                     ({@code Windows 10 Version 22H2 for x64-based Systems}), or null
 */
public record OsIdentity(String name, String version, String build, String servicePack, String architecture, String product) {
    public OsIdentity {
        name = Checks.text(name, "name");
        version = Checks.text(version, "version");
        build = Checks.optionalText(build, "build");
        servicePack = Checks.optionalText(servicePack, "servicePack");
        architecture = Checks.text(architecture, "architecture");
        product = Checks.optionalText(product, "product");
    }
}
