package org.patchlake.agent.scan;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.patchlake.core.rules.DetectionRule;
import org.patchlake.core.rules.RuleParser;
import org.patchlake.core.rules.RuleSyntaxException;

/**
 * The detection rules the agent evaluates at every scan, read from a JSON file:
 * {@code [{"ruleId": "r-1", "kb": "KB958644", "updateId": "KB958644|Windows Server 2003", "rule": "(kb KB958644)"}]}.
 * A rule that does not parse fails the load with the entry's index and id.
 */
public record DetectionRuleSet(List<Entry> entries) {

    public DetectionRuleSet {
        entries = List.copyOf(entries);
    }

    public static DetectionRuleSet empty() {
        return new DetectionRuleSet(List.of());
    }

    /** One rule; {@code updateId} may be null when the rule is only known by KB. */
    public record Entry(String ruleId, String kb, String updateId, DetectionRule rule) {
        public Entry {
            requireNonNull(ruleId, "ruleId is null");
            requireNonNull(kb, "kb is null");
            requireNonNull(rule, "rule is null");
        }
    }

    private record FileEntry(String ruleId, String kb, String updateId, String rule) {
    }

    public static DetectionRuleSet read(Path file, ObjectMapper json) {
        List<FileEntry> raw;
        try {
            raw = json.readValue(file.toFile(), new TypeReference<List<FileEntry>>() { });
        } catch (IOException e) {
            throw new UncheckedIOException("detection rules " + file + ": " + e.getMessage(), e);
        }
        List<Entry> entries = new ArrayList<>();
        for (int index = 0; index < raw.size(); index++) {
            FileEntry entry = raw.get(index);
            if (entry.kb() == null || !entry.kb().matches("KB[0-9]{4,8}")) {
                throw new IllegalArgumentException("detection rules " + file + " entry " + index + " (ruleId "
                    + entry.ruleId() + "): kb must look like KB5034441 but was '" + entry.kb() + "'");
            }
            try {
                entries.add(new Entry(entry.ruleId(), entry.kb(), entry.updateId(), RuleParser.parse(entry.rule())));
            } catch (RuleSyntaxException | NullPointerException e) {
                throw new IllegalArgumentException("detection rules " + file + " entry " + index + " (ruleId "
                    + entry.ruleId() + "): " + e.getMessage(), e);
            }
        }
        return new DetectionRuleSet(entries);
    }
}
