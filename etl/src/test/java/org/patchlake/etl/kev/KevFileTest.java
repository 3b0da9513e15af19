package org.patchlake.etl.kev;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class KevFileTest {
  static String file(String version, String released, String entries, int count) {
    return "{\"title\":\"CISA Catalog of Known Exploited Vulnerabilities\",\"catalogVersion\":\"" + version
        + "\",\"dateReleased\":\"" + released + "\",\"count\":" + count + ",\"vulnerabilities\":[" + entries + "]}";
  }

  static String entry(String cve, String added, String due, String ransomware) {
    return "{\"cveID\":\"" + cve + "\",\"vendorProject\":\"Microsoft\",\"product\":\"Windows\",\"vulnerabilityName\":"
        + "\"Microsoft Windows Example Vulnerability\",\"dateAdded\":\"" + added + "\",\"shortDescription\":\"...\","
        + "\"requiredAction\":\"Apply mitigations per vendor instructions.\",\"dueDate\":\"" + due + "\","
        + "\"knownRansomwareCampaignUse\":\"" + ransomware + "\",\"notes\":\"\",\"cwes\":[\"CWE-416\"]}";
  }

  private static KevFile parse(String json) {
    return KevFile.parse(json.getBytes(StandardCharsets.UTF_8), "kev.json");
  }

  @Test
  void a_well_formed_file_gives_its_version_and_entries() {
    KevFile kev = parse(file("2025.08.25", "2025-08-25T17:04:19.9796Z",
        entry("CVE-2024-38063", "2024-08-13", "2024-09-03", "Known") + "," + entry("CVE-2023-21768", "2023-03-07",
            "2023-03-28", "Unknown"), 2));
    assertThat(kev.catalogVersion()).isEqualTo("2025.08.25");
    assertThat(kev.dateReleased()).isEqualTo(Instant.parse("2025-08-25T17:04:19.9796Z"));
    assertThat(kev.entries()).extracting(KevEntry::cveId).containsExactly("CVE-2024-38063", "CVE-2023-21768");
    KevEntry first = kev.entries().get(0);
    assertThat(first.dateAdded()).isEqualTo(LocalDate.of(2024, 8, 13));
    assertThat(first.dueDate()).isEqualTo(LocalDate.of(2024, 9, 3));
    assertThat(first.ransomware()).isTrue();
    assertThat(kev.entries().get(1).ransomware()).isFalse();
    assertThat(kev.microsoftCount()).isEqualTo(2);
  }

  @Test
  void every_bad_entry_is_refused_naming_its_index_and_field() {
    String good = entry("CVE-2024-38063", "2024-08-13", "2024-09-03", "Known");
    assertThatThrownBy(() -> parse("[1,2]")).hasMessageStartingWith("kev.json is not a KEV catalog");
    assertThatThrownBy(() -> parse("{\"catalogVersion\":")).hasMessageStartingWith("kev.json is not JSON");
    assertThatThrownBy(() -> parse(file("1", "yesterday", good, 1)))
        .hasMessageContaining("dateReleased 'yesterday' is not a UTC time");
    assertThatThrownBy(() -> parse(file("1", "2025-08-25T00:00:00Z", good + "," + good.replace("\"Known\"", "\"Unknown\""), 2)))
        .hasMessage("kev.json: vulnerabilities[1].cveID CVE-2024-38063 is listed twice");
    assertThatThrownBy(() -> parse(file("1", "2025-08-25T00:00:00Z", good.replace("2024-09-03", "2024-13-03"), 1)))
        .hasMessage("kev.json: vulnerabilities[0].dueDate '2024-13-03' is not a date (yyyy-MM-dd)");
    assertThatThrownBy(() -> parse(file("1", "2025-08-25T00:00:00Z", good.replace("CVE-2024-38063", "38063"), 1)))
        .hasMessage("kev.json: vulnerabilities[0].cveID '38063' is not a CVE id such as CVE-2024-38063");
    assertThatThrownBy(() -> parse(file("1", "2025-08-25T00:00:00Z", good.replace("\"Known\"", "\"Maybe\""), 1)))
        .hasMessage("kev.json: vulnerabilities[0].knownRansomwareCampaignUse 'Maybe' is neither Known nor Unknown");
    assertThatThrownBy(() -> parse(file("1", "2025-08-25T00:00:00Z", good.replace("\"dateAdded\"", "\"added\""), 1)))
        .hasMessage("kev.json: vulnerabilities[0].dateAdded is missing");
    assertThatThrownBy(() -> parse(file("1", "2025-08-25T00:00:00Z", good, 1404)))
        .hasMessage("kev.json: count says 1404 but vulnerabilities holds 1 (a truncated file?)");
  }
}
