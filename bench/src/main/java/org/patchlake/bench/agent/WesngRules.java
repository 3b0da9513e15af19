package org.patchlake.bench.agent;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.patchlake.agent.scan.DetectionRuleSet;
import org.patchlake.core.rules.DetectionRule;

/**
 * Detection rules for one product generated from the real wesng catalog: one rule per KB, true when the KB or
 * any KB that directly supersedes it for the product is installed ({@code (or (kb A) (kb B) ...)}).
 */
final class WesngRules {

    private WesngRules() {
    }

    static DetectionRuleSet forProduct(Path definitionsZip, String product) {
        Map<String, Set<String>> supersededBy = new TreeMap<>();
        try (ZipFile zip = new ZipFile(definitionsZip.toFile())) {
            ZipEntry entry = zip.stream().filter(e -> e.getName().startsWith("CVEs_") && e.getName().endsWith(".csv"))
                .findFirst().orElseThrow(() -> new IllegalArgumentException(definitionsZip + " has no CVEs_*.csv"));
            try (BufferedReader reader = new BufferedReader(new InputStreamReader(zip.getInputStream(entry), StandardCharsets.UTF_8))) {
                reader.readLine();
                String line;
                while ((line = reader.readLine()) != null) {
                    List<String> fields = csv(line);
                    if (fields.size() < 9 || !fields.get(4).trim().equals(product) || fields.get(2).isBlank()
                        || !fields.get(2).trim().matches("[0-9]{4,8}")) {
                        continue;
                    }
                    String kb = "KB" + fields.get(2).trim();
                    supersededBy.computeIfAbsent(kb, k -> new TreeSet<>());
                    for (String superseded : fields.get(8).split(";")) {
                        if (superseded.trim().matches("[0-9]{4,8}")) {
                            supersededBy.computeIfAbsent("KB" + superseded.trim(), k -> new TreeSet<>()).add(kb);
                        }
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("wesng definitions " + definitionsZip + ": " + e.getMessage(), e);
        }
        List<DetectionRuleSet.Entry> entries = new ArrayList<>();
        supersededBy.forEach((kb, superseders) -> {
            List<DetectionRule> operands = new ArrayList<>();
            operands.add(new DetectionRule.InstalledKb(kb));
            superseders.forEach(superseder -> operands.add(new DetectionRule.InstalledKb(superseder)));
            entries.add(new DetectionRuleSet.Entry("wesng-" + kb, kb, kb + "|" + product,
                operands.size() == 1 ? operands.get(0) : new DetectionRule.Or(operands)));
        });
        return new DetectionRuleSet(entries);
    }

    /** One CSV line: comma separated, fields in double quotes with doubled quotes inside. */
    static List<String> csv(String line) {
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                    field.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    field.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                fields.add(field.toString());
                field.setLength(0);
            } else {
                field.append(c);
            }
        }
        fields.add(field.toString());
        return fields;
    }
}
