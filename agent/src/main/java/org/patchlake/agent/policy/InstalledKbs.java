package org.patchlake.agent.policy;

import java.util.HashSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.patchlake.agent.endpoint.Endpoint;
import org.patchlake.core.protocol.InstalledUpdate;

/**
 * The endpoint's installed updates for one policy run: read once, when the first update needs the answer (on
 * Windows that is the whole history and a WMI query), and only once even when that read fails: then every
 * answer is "unknown" and the installer decides (it answers 2359302 itself for an update already there).
 */
final class InstalledKbs {

    private final Endpoint endpoint;
    private Set<String> kbs;
    private String failure;

    InstalledKbs(Endpoint endpoint) {
        this.endpoint = endpoint;
    }

    /** True or false when known; empty when the list could not be read. */
    Optional<Boolean> contains(String kb) {
        load();
        return kbs == null ? Optional.empty() : Optional.of(kbs.contains(kb.toUpperCase(Locale.ROOT)));
    }

    /** Why the list could not be read, or null. */
    String failure() {
        load();
        return failure;
    }

    void add(String kb) {
        if (kbs != null) {
            kbs.add(kb.toUpperCase(Locale.ROOT));
        }
    }

    private void load() {
        if (kbs != null || failure != null) {
            return;
        }
        try {
            Set<String> read = new HashSet<>();
            for (InstalledUpdate update : endpoint.installedUpdates()) {
                read.add(update.kb().toUpperCase(Locale.ROOT));
            }
            kbs = read;
        } catch (RuntimeException e) {
            failure = e.getMessage() == null ? e.toString() : e.getMessage();
        }
    }
}
