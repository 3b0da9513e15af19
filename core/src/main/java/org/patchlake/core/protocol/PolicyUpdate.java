package org.patchlake.core.protocol;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * One update a policy installs.
 *
 * @param kb             {@code KB5034441} (required)
 * @param product        the catalog's AffectedProduct it is for (required)
 * @param downloadUrl    where the agent downloads the installer (required; http or https)
 * @param sha256         hex SHA-256 of the installer file; the agent refuses a file that does not match (required)
 * @param installerKind  required
 * @param installSwitches extra command-line switches, e.g. {@code /quiet /norestart}; null for the kind's default
 */
public record PolicyUpdate(String kb, String product, String downloadUrl, String sha256, InstallerKind installerKind, String installSwitches) {
    private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");

    public PolicyUpdate {
        kb = Checks.kb(kb, "kb");
        product = Checks.text(product, "product");
        downloadUrl = Checks.text(downloadUrl, "downloadUrl");
        String lower = downloadUrl.toLowerCase(Locale.ROOT);
        if (!lower.startsWith("https://") && !lower.startsWith("http://")) {
            throw new ProtocolViolation("downloadUrl", "must be an http(s) URL but was '" + Checks.shorten(downloadUrl) + "'");
        }
        sha256 = Checks.text(sha256, "sha256").toLowerCase(Locale.ROOT);
        if (!SHA256.matcher(sha256).matches()) {
            throw new ProtocolViolation("sha256", "must be 64 hex digits");
        }
        Checks.required(installerKind, "installerKind");
        installSwitches = Checks.optionalText(installSwitches, "installSwitches");
    }
}
