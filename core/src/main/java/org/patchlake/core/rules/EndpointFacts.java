package org.patchlake.core.rules;

import java.util.Optional;

/**
 * What detection rules can ask about an endpoint. Implemented by the agent's endpoints (Windows through JNA,
 * or a simulated machine) and by anything that holds an inventory. A lookup that fails (access denied, WMI
 * broken) throws {@link FactUnavailableException}; the evaluator turns that into an UNKNOWN result.
 */
public interface EndpointFacts {

    /** {@code HKLM\SOFTWARE\...}: hive abbreviation, backslash separated. */
    boolean registryKeyExists(String key);

    /** The value as text (REG_DWORD as decimal, REG_SZ as is); empty when the key or value is absent. */
    Optional<String> registryValue(String key, String name);

    boolean fileExists(String path);

    /** The file's version resource; empty when the file is absent or has no version. */
    Optional<Version> fileVersion(String path);

    /** {@code KB958644} form. */
    boolean isKbInstalled(String kb);

    /** The catalog's AffectedProduct name of the operating system, e.g. "Windows 10 Version 1809 for x64-based Systems". */
    String osProduct();

    /** Full OS build, e.g. {@code 10.0.17763.5458}. */
    Version osBuild();
}
