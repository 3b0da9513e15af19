package org.patchlake.etl.kev;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * A CISA Known Exploited Vulnerabilities catalog as published (known_exploited_vulnerabilities.json, schema in its
 * repository): its version, release time and entries. Every problem is refused with a message naming the field and
 * the entry's index, and nothing is imported from a file with one.
 */
public record KevFile(String catalogVersion, Instant dateReleased, List<KevEntry> entries) {
  private static final ObjectMapper JSON = new ObjectMapper();

  public KevFile {
    requireNonNull(catalogVersion, "catalogVersion is null");
    requireNonNull(dateReleased, "dateReleased is null");
    entries = List.copyOf(requireNonNull(entries, "entries is null"));
  }

  /** The entries whose vendorProject is Microsoft (the ones a Windows catalog can match). */
  public long microsoftCount() {
    return entries.stream().filter(entry -> entry.vendorProject().equalsIgnoreCase("Microsoft")).count();
  }

  /** Parses the JSON bytes of a KEV catalog; {@code source} names the file in errors. */
  public static KevFile parse(byte[] json, String source) {
    requireNonNull(json, "json is null");
    JsonNode root;
    try {
      root = JSON.readTree(json);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException(source + " is not JSON: " + e.getOriginalMessage());
    } catch (java.io.IOException e) {
      throw new IllegalArgumentException(source + " cannot be read: " + e.getMessage());
    }
    if (root == null || !root.isObject()) {
      throw new IllegalArgumentException(source + " is not a KEV catalog: expected a JSON object with catalogVersion,"
          + " dateReleased and vulnerabilities");
    }
    String version = text(root, "catalogVersion", source);
    Instant released;
    try {
      released = Instant.parse(text(root, "dateReleased", source));
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException(source + ": dateReleased '" + root.get("dateReleased").asText()
          + "' is not a UTC time such as 2025-08-25T17:04:19.9796Z");
    }
    JsonNode vulnerabilities = root.get("vulnerabilities");
    if (vulnerabilities == null || !vulnerabilities.isArray()) {
      throw new IllegalArgumentException(source + ": vulnerabilities is missing or not an array");
    }
    List<KevEntry> entries = new ArrayList<>(vulnerabilities.size());
    Set<String> seen = new HashSet<>();
    for (int index = 0; index < vulnerabilities.size(); index++) {
      String where = source + ": vulnerabilities[" + index + "]";
      KevEntry entry = entry(vulnerabilities.get(index), where);
      if (!seen.add(entry.cveId())) {
        throw new IllegalArgumentException(where + ".cveID " + entry.cveId() + " is listed twice");
      }
      entries.add(entry);
    }
    JsonNode count = root.get("count");
    if (count != null && !count.isNull() && (!count.canConvertToInt() || count.asInt() != entries.size())) {
      throw new IllegalArgumentException(source + ": count says " + count.asText() + " but vulnerabilities holds "
          + entries.size() + " (a truncated file?)");
    }
    return new KevFile(version, released, entries);
  }

  private static KevEntry entry(JsonNode node, String where) {
    if (node == null || !node.isObject()) {
      throw new IllegalArgumentException(where + " is not an object");
    }
    String cve = text(node, "cveID", where);
    if (!cve.matches("CVE-\\d{4}-\\d{4,}")) {
      throw new IllegalArgumentException(where + ".cveID '" + cve + "' is not a CVE id such as CVE-2024-38063");
    }
    String ransomware = text(node, "knownRansomwareCampaignUse", where);
    if (!ransomware.equalsIgnoreCase("Known") && !ransomware.equalsIgnoreCase("Unknown")) {
      throw new IllegalArgumentException(where + ".knownRansomwareCampaignUse '" + ransomware + "' is neither Known nor"
          + " Unknown");
    }
    return new KevEntry(cve, text(node, "vendorProject", where), text(node, "product", where),
        text(node, "vulnerabilityName", where), date(node, "dateAdded", where), date(node, "dueDate", where),
        ransomware.toLowerCase(Locale.ROOT).equals("known"), text(node, "requiredAction", where));
  }

  private static String text(JsonNode node, String field, String where) {
    JsonNode value = node.get(field);
    if (value == null || value.isNull()) {
      throw new IllegalArgumentException(where + (where.endsWith("]") ? "." : ": ") + field + " is missing");
    }
    if (!value.isTextual()) {
      throw new IllegalArgumentException(where + (where.endsWith("]") ? "." : ": ") + field + " is not a string");
    }
    return value.asText().trim();
  }

  private static LocalDate date(JsonNode node, String field, String where) {
    String text = text(node, field, where);
    try {
      return LocalDate.parse(text);
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException(where + "." + field + " '" + text + "' is not a date (yyyy-MM-dd)");
    }
  }
}
