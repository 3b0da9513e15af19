package org.patchlake.etl.transform;

import java.util.List;

/**
 * The state rules of DESIGN.md as the ETL calls them. This is the seam to {@code org.patchlake.core.state}
 * (owned by the inventory work): every derivation in the ETL goes through these three methods, so moving them
 * onto the core implementation changes this class only.
 */
public final class StateRules {
  private StateRules() {}

  public static final String INSTALLED = "INSTALLED";
  public static final String INSTALLED_PENDING_REBOOT = "INSTALLED_PENDING_REBOOT";
  public static final String REQUIRED = "REQUIRED";
  public static final String FAILED = "FAILED";
  public static final String UNKNOWN = "UNKNOWN";
  public static final String EXEMPT = "EXEMPT";

  /** Worst first: the bulletin rollup takes the first of these any update of the bulletin has. */
  public static final List<String> PRECEDENCE =
      List.of(EXEMPT, UNKNOWN, FAILED, REQUIRED, INSTALLED_PENDING_REBOOT, INSTALLED);

  /**
   * What one computer knows about one applicable update.
   *
   * @param exempt          an active exception covers the update's bulletin on this computer
   * @param reporting       an inventory exists and is within the staleness window
   * @param installed       the KB, or one that supersedes it for the product, is installed
   * @param pendingReboot   the installing KB waits for a restart
   * @param failedAttempts  failed install attempts since the last success
   * @param finalFailure    the agent gave up (outcome failed)
   * @param allowedRetries  attempts allowed before the update counts as FAILED
   */
  public record UpdateFacts(boolean exempt, boolean reporting, boolean installed, boolean pendingReboot,
      int failedAttempts, boolean finalFailure, int allowedRetries) {}

  public static String updateState(UpdateFacts facts) {
    if (facts.exempt()) return EXEMPT;
    if (!facts.reporting()) return UNKNOWN;
    if (facts.installed()) return facts.pendingReboot() ? INSTALLED_PENDING_REBOOT : INSTALLED;
    if (facts.finalFailure() || facts.failedAttempts() >= facts.allowedRetries()) return FAILED;
    return REQUIRED;
  }

  /** Worst update state of a bulletin on one computer; a bulletin is compliant only when this is INSTALLED. */
  public static String bulletinState(Iterable<String> updateStates) {
    int worst = PRECEDENCE.size() - 1;
    for (String state : updateStates) {
      int rank = PRECEDENCE.indexOf(state);
      if (rank < 0) throw new IllegalArgumentException("not an applicable update state: " + state);
      worst = Math.min(worst, rank);
    }
    return PRECEDENCE.get(worst);
  }

  /** Installed, later required (or failed) again. */
  public static boolean isRegression(String previous, String next) {
    return previous != null && isInstalled(previous) && (next.equals(REQUIRED) || next.equals(FAILED));
  }

  public static boolean isInstalled(String state) {
    return state.equals(INSTALLED) || state.equals(INSTALLED_PENDING_REBOOT);
  }
}
