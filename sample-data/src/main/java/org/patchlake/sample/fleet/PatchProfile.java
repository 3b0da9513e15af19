package org.patchlake.sample.fleet;

/**
 * How quickly a machine's owners install updates: the install lag after release (days, drawn uniformly between
 * {@code minLagDays} and {@code maxLagDays}), the chance that an update is installed at all, and for
 * {@link #ABANDONED} machines a patching stop years ago.
 */
public enum PatchProfile {
    DILIGENT(2, 14, 0.995, 0.55),
    NORMAL(7, 35, 0.98, 0.30),
    LAGGARD(30, 120, 0.93, 0.12),
    ABANDONED(20, 90, 0.85, 0.03);

    private final int minLagDays;
    private final int maxLagDays;
    private final double installChance;
    private final double share;

    PatchProfile(int minLagDays, int maxLagDays, double installChance, double share) {
        this.minLagDays = minLagDays;
        this.maxLagDays = maxLagDays;
        this.installChance = installChance;
        this.share = share;
    }

    public int minLagDays() {
        return minLagDays;
    }

    public int maxLagDays() {
        return maxLagDays;
    }

    public double installChance() {
        return installChance;
    }

    public double share() {
        return share;
    }
}
