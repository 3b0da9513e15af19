package org.patchlake.etl.kev;

import static java.util.Objects.requireNonNull;

import java.time.LocalDate;

/**
 * One vulnerability of CISA's Known Exploited Vulnerabilities catalog, with the fields Patchlake keeps.
 *
 * @param cveId                 "CVE-2024-38063"
 * @param vendorProject         "Microsoft"
 * @param product               "Windows"
 * @param vulnerabilityName     "Microsoft Windows TCP/IP Remote Code Execution Vulnerability"
 * @param dateAdded             the day CISA added it
 * @param dueDate               the day US federal agencies must have remediated it (BOD 22-01)
 * @param ransomware            knownRansomwareCampaignUse is "Known"
 * @param requiredAction        CISA's required action, as written
 */
public record KevEntry(String cveId, String vendorProject, String product, String vulnerabilityName, LocalDate dateAdded,
    LocalDate dueDate, boolean ransomware, String requiredAction) {
  public KevEntry {
    requireNonNull(cveId, "cveId is null");
    requireNonNull(vendorProject, "vendorProject is null");
    requireNonNull(product, "product is null");
    requireNonNull(vulnerabilityName, "vulnerabilityName is null");
    requireNonNull(dateAdded, "dateAdded is null");
    requireNonNull(dueDate, "dueDate is null");
    requireNonNull(requiredAction, "requiredAction is null");
    if (!cveId.matches("CVE-\\d{4}-\\d{4,}")) {
      throw new IllegalArgumentException("cveID '" + cveId + "' is not a CVE id such as CVE-2024-38063");
    }
  }
}
