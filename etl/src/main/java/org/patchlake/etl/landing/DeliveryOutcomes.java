package org.patchlake.etl.landing;

import java.util.Map;
import java.util.Set;

/** Delivery outcomes of the wire protocol and the meaning of well-known return codes. */
public final class DeliveryOutcomes {
  private DeliveryOutcomes() {}

  public static final Set<String> ALL = Set.of("succeeded", "succeeded_reboot_required", "failed_will_retry",
      "failed", "outside_window", "cancelled");

  private static final Map<Long, String> MEANINGS = Map.ofEntries(
      Map.entry(0L, "success"),
      Map.entry(3010L, "success, reboot required"),
      Map.entry(1603L, "fatal error during installation"),
      Map.entry(1618L, "another installation is in progress"),
      Map.entry(0x80240017L, "WU_E_NOT_APPLICABLE: update not applicable to this computer"),
      Map.entry(0x80240022L, "WU_E_ALL_UPDATES_FAILED: all updates failed"),
      Map.entry(0x8024402CL, "WU_E_PT_WINHTTP_NAME_NOT_RESOLVED: proxy or server name not resolved"),
      Map.entry(0x80070005L, "E_ACCESSDENIED: access denied"),
      Map.entry(0x80070643L, "ERROR_INSTALL_FAILURE: fatal error during installation"),
      Map.entry(0x800F0922L, "CBS_E_INSTALLERS_FAILED: installer failed (e.g. system reserved partition full)"),
      Map.entry(0x80073712L, "ERROR_SXS_COMPONENT_STORE_CORRUPT: component store corrupt"));

  /** "0x80240017" for Windows HRESULTs, the decimal value for installer codes. */
  public static String hex(Long code) {
    if (code == null) return null;
    return "0x" + String.format("%08X", code & 0xFFFFFFFFL);
  }

  public static String meaning(Long code) {
    if (code == null) return null;
    return MEANINGS.getOrDefault(code & 0xFFFFFFFFL, "unknown return code");
  }

  /** Return codes with a known meaning, as unsigned 32-bit values. */
  public static java.util.List<Long> knownCodes() {
    return MEANINGS.keySet().stream().sorted().toList();
  }
}
