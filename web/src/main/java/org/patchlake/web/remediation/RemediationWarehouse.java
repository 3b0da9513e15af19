package org.patchlake.web.remediation;

import org.patchlake.web.auth.Scope;
import org.patchlake.web.http.WebException;

import java.time.Instant;
import java.util.List;

/**
 * What remediation reads from the published warehouse: the computer x update pairs of a report row within a
 * scope (superseded updates already replaced), and the latest delivery attempts of a policy.
 */
public interface RemediationWarehouse {
    /** Pairs still to install, from snapshot {@code snapshotId}. */
    record Pairs(String snapshotId, List<Pair> pairs) {
        public Pairs {
            pairs = List.copyOf(pairs);
        }
    }

    record Pair(String computerId, String hostname, String region, String site, String bulletinId, String requiredKb,
                String product, String installKb) {
    }

    /** The latest attempt of one computer x KB; {@code restartedSince}: the computer booted after it ended. */
    record Attempt(String computerId, String kb, String outcome, Long returnCode, String returnCodeHex, String meaning, int attempt,
                   Instant startedAt, boolean restartedSince, boolean pendingReboot) {
    }

    record Place(String computerId, String hostname, String region, String site, boolean pendingReboot) {
    }

    /** Where a computer is (whatever the viewer's scope: the caller checks), empty when the snapshot does not know it. */
    java.util.Optional<Place> place(String computerId);

    /** Narrowed to a bulletin and/or computer (null = any) and to a region / site (null = any), inside {@code scope}. */
    Pairs pairs(Scope scope, String bulletinIdOrNull, String computerIdOrNull, String regionOrNull, String siteOrNull);

    /** Latest attempts of the policy (wire id); empty before any delivery reached the warehouse. */
    List<Attempt> latestAttempts(String policyWireId);

    /** For a server without a warehouse (tests of other parts): every remediation is refused with 409. */
    static RemediationWarehouse none() {
        return new RemediationWarehouse() {
            @Override
            public Pairs pairs(Scope scope, String bulletinIdOrNull, String computerIdOrNull, String regionOrNull, String siteOrNull) {
                throw WebException.conflict("no warehouse snapshot is published yet: remediation needs the report rows' data");
            }

            @Override
            public List<Attempt> latestAttempts(String policyWireId) {
                return List.of();
            }

            @Override
            public java.util.Optional<Place> place(String computerId) {
                throw WebException.conflict("no warehouse snapshot is published yet: remediation needs the report rows' data");
            }
        };
    }
}
