package org.patchlake.etl.landing;

import java.util.List;
import java.util.Set;
import org.patchlake.core.rules.InstallReturnCodes;

/**
 * Delivery outcomes of the wire protocol, and the meaning of return codes as the warehouse stores it: core's
 * {@link InstallReturnCodes} table (the agent and the web pages read the same one), "SYMBOL: meaning".
 */
public final class DeliveryOutcomes {
  private DeliveryOutcomes() {}

  public static final Set<String> ALL = Set.of("succeeded", "succeeded_reboot_required", "failed_will_retry",
      "failed", "outside_window", "cancelled");

  /** "0x80240017": the unsigned 32-bit value, 8 hex digits. */
  public static String hex(Long code) {
    if (code == null) return null;
    return InstallReturnCodes.hex(code & 0xFFFFFFFFL);
  }

  /** "WU_E_NOT_APPLICABLE: the update is not applicable to this computer"; "unknown return code 0x..." otherwise. */
  public static String meaning(Long code) {
    if (code == null) return null;
    InstallReturnCodes.ReturnCode known = InstallReturnCodes.describe(code & 0xFFFFFFFFL);
    return "UNKNOWN".equals(known.symbol()) ? known.meaning() : known.symbol() + ": " + known.meaning();
  }

  /** Return codes with a known meaning, as unsigned 32-bit values. */
  public static List<Long> knownCodes() {
    return InstallReturnCodes.all().stream().map(InstallReturnCodes.ReturnCode::code).sorted().toList();
  }
}
