package org.patchlake.etl.transform;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.spark.sql.Row;

/** Mutable per-computer facts while one computer is evaluated: the previous row, then each new scan applied. */
final class ComputerFacts {
  String hostname;
  String domain;
  String region;
  String site;
  String ou;
  String computerClass;
  Integer managedLevel;
  String osProduct;
  String osName;
  String osVersion;
  String osBuild;
  String architecture;
  String osServicePack;
  List<String> products = new ArrayList<>();
  String agentVersion;
  Instant enrolledAt;
  Instant lastInventoryAt;
  Instant lastReceivedAt;
  Instant lastBootAt;
  Boolean pendingReboot;
  Instant pendingRebootSince;
  List<Row> installed = new ArrayList<>();
  Map<String, Row> installedByKb = new HashMap<>();
  Integer scanErrorCount;
  String lastScanError;
  /** The Windows Update verdict of the latest applied inventory ({@link ComputerSchemas#VERDICT}), null when it had none. */
  Row windowsUpdate;

  static ComputerFacts from(Row previous) {
    ComputerFacts facts = new ComputerFacts();
    if (previous == null) return facts;
    facts.hostname = previous.getAs("hostname");
    facts.domain = previous.getAs("domain");
    facts.region = previous.getAs("region");
    facts.site = previous.getAs("site");
    facts.ou = previous.getAs("ou");
    facts.computerClass = previous.getAs("computer_class");
    facts.managedLevel = previous.getAs("managed_level");
    facts.osProduct = previous.getAs("os_product");
    facts.osName = previous.getAs("os_name");
    facts.osVersion = previous.getAs("os_version");
    facts.osBuild = previous.getAs("os_build");
    facts.architecture = previous.getAs("architecture");
    facts.osServicePack = previous.getAs("os_service_pack");
    facts.products = Rows.list(previous, "products");
    facts.agentVersion = previous.getAs("agent_version");
    facts.enrolledAt = previous.getAs("enrolled_at");
    facts.lastInventoryAt = previous.getAs("last_inventory_at");
    facts.lastReceivedAt = previous.getAs("last_received_at");
    facts.lastBootAt = previous.getAs("last_boot_at");
    facts.pendingReboot = previous.getAs("pending_reboot");
    facts.pendingRebootSince = previous.getAs("pending_reboot_since");
    byte[] installed = previous.getAs("installed_bin");
    facts.setInstalled(installed != null ? StateCodec.decodeInstalled(installed) : Rows.list(previous, "installed"));
    facts.scanErrorCount = previous.getAs("scan_error_count");
    facts.lastScanError = previous.getAs("last_scan_error");
    facts.windowsUpdate = VerdictCodec.decode(previous.getAs("windows_update_bin"));
    return facts;
  }

  void applyEnrollment(Row enrollment) {
    hostname = orElse(enrollment.getAs("hostname"), hostname);
    domain = orElse(enrollment.getAs("domain"), domain);
    region = orElse(enrollment.getAs("region"), region);
    site = orElse(enrollment.getAs("site"), site);
    ou = orElse(enrollment.getAs("ou"), ou);
    computerClass = orElse(enrollment.getAs("computer_class"), computerClass);
    managedLevel = orElse(enrollment.getAs("managed_level"), managedLevel);
    agentVersion = orElse(agentVersion, enrollment.getAs("agent_version"));
    if (enrolledAt == null) enrolledAt = enrollment.getAs("enrolled_at");
    if (lastInventoryAt == null) {
      osProduct = orElse(enrollment.getAs("os_product"), osProduct);
      osName = orElse(enrollment.getAs("os_name"), osName);
      osVersion = orElse(enrollment.getAs("os_version"), osVersion);
      osBuild = orElse(enrollment.getAs("os_build"), osBuild);
      architecture = orElse(enrollment.getAs("architecture"), architecture);
    }
  }

  void applyScan(Row scan) {
    hostname = orElse(scan.getAs("hostname"), hostname);
    domain = orElse(scan.getAs("domain"), domain);
    osProduct = orElse(scan.getAs("os_product"), osProduct);
    osName = orElse(scan.getAs("os_name"), osName);
    osVersion = orElse(scan.getAs("os_version"), osVersion);
    osBuild = orElse(scan.getAs("os_build"), osBuild);
    architecture = orElse(scan.getAs("architecture"), architecture);
    osServicePack = scan.getAs("os_service_pack");
    products = Rows.list(scan, "products");
    agentVersion = orElse(scan.getAs("agent_version"), agentVersion);
    lastInventoryAt = scan.getAs("scanned_at");
    lastReceivedAt = scan.getAs("received_at");
    lastBootAt = orElse(scan.getAs("last_boot_at"), lastBootAt);
    Boolean pending = scan.getAs("pending_reboot");
    pendingReboot = pending != null && pending;
    Instant since = scan.getAs("pending_reboot_since");
    pendingRebootSince = !pendingReboot ? null : since != null ? since
        : pendingRebootSince != null ? pendingRebootSince : lastInventoryAt;
    Boolean full = scan.getAs("full");
    if (full == null || full) {
      setInstalled(Rows.list(scan, "installed"));
    } else {
      // A delta scan lists what changed since the last full scan: added to what is known.
      List<Row> merged = new ArrayList<>(installed);
      for (Row row : Rows.<Row>list(scan, "installed")) {
        if (!installedByKb.containsKey(row.<String>getAs("kb"))) merged.add(row);
      }
      setInstalled(merged);
    }
    List<String> errors = Rows.list(scan, "errors");
    scanErrorCount = errors.size();
    lastScanError = errors.isEmpty() ? null : errors.get(0);
    // the verdict belongs to its inventory: one without a verdict leaves none (the comparison is of one point in time)
    windowsUpdate = VerdictCodec.of(lastInventoryAt, scan.getAs("windows_update"));
  }

  private void setInstalled(List<Row> rows) {
    installed = rows;
    installedByKb = new HashMap<>(rows.size() * 2);
    for (Row row : rows) installedByKb.putIfAbsent(row.getAs("kb"), row);
  }

  /**
   * The catalog products of this computer, each once: the OS product the agent reported, the in-box components
   * core's ProductIdentifier assumes for that OS, and any products the agent listed explicitly.
   */
  Set<String> allProducts(ProductResolver resolver) {
    Set<String> all = new LinkedHashSet<>();
    if (osProduct != null) all.add(osProduct);
    all.addAll(resolution(resolver).products());
    all.addAll(products);
    return all;
  }

  /** The catalog products of the OS identity, or why it could not be placed (its in-box products are then missing). */
  ProductResolver.Resolution resolution(ProductResolver resolver) {
    return resolver.resolve(osName, osVersion, osBuild, osServicePack, architecture, osProduct);
  }

  /** Does this KB wait for a restart? Flag from the agent, else installed after the last boot while pending. */
  boolean waitsForRestart(Row installedKb) {
    Boolean flag = installedKb.getAs("pending_reboot");
    if (flag != null) return flag;
    if (pendingReboot == null || !pendingReboot) return false;
    Instant installedAt = installedKb.getAs("installed_at");
    if (installedAt == null || lastBootAt == null) return false;
    return !installedAt.isBefore(lastBootAt.truncatedTo(java.time.temporal.ChronoUnit.DAYS));
  }

  private static <T> T orElse(T value, T fallback) {
    return value != null ? value : fallback;
  }
}
