package org.patchlake.sample;

import org.patchlake.sample.simulate.Milestone;

/**
 * Two days after Patch Tuesday an IT administrator remediates the worst new bulletin: the remediation API of
 * issue 9 ({@code POST /api/v1/remediations}) creates the policy, agents pick it up at their next check-in,
 * install (some fail with real exit codes, some wait for a restart) and report every attempt.
 */
final class RemediationWave {
    private RemediationWave() {
    }

    /** Until the remediation API is part of the build, the wave is announced and skipped. */
    static Milestone.Action notYetAvailable() {
        return () -> System.err.println("simulate: remediation wave skipped: this build has no remediation API yet "
            + "(issue 9, POST /api/v1/remediations)");
    }
}
