package org.patchlake.agent.endpoint.windows;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Recorded outputs in the test resources, in the form PowerShell 5.1's {@code ConvertTo-Json} writes them (dates as
 * {@code "\/Date(ms)\/"}), turned into the values the COM layer hands to the plain readers.
 */
final class Fixtures {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern POWERSHELL_DATE = Pattern.compile("/Date\\((-?\\d+)\\)/");

    private Fixtures() {
    }

    static JsonNode json(String resource) {
        try (InputStream in = Fixtures.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalArgumentException("no test resource " + resource);
            }
            return JSON.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@code QueryHistory(...) | Select Title, Operation, ResultCode, Date, @{n='UpdateID';e={$_.UpdateIdentity.UpdateID}}}. */
    static List<UpdateHistoryEntry> history(String resource) {
        List<UpdateHistoryEntry> entries = new ArrayList<>();
        for (JsonNode entry : json(resource)) {
            entries.add(new UpdateHistoryEntry(text(entry, "Title"), entry.path("Operation").asInt(),
                entry.path("ResultCode").asInt(), date(text(entry, "Date")), text(entry, "UpdateID")));
        }
        return entries;
    }

    /** The raw Win32_QuickFixEngineering properties and the machine's short date pattern. */
    static List<QuickFixRow> quickFixes(JsonNode fixture) {
        List<QuickFixRow> rows = new ArrayList<>();
        for (JsonNode row : fixture.path("Win32_QuickFixEngineering")) {
            rows.add(new QuickFixRow(text(row, "HotFixID"), text(row, "InstalledOn")));
        }
        return rows;
    }

    static String text(JsonNode node, String field) {
        JsonNode value = node.path(field);
        return value.isNull() || value.isMissingNode() ? null : value.asText();
    }

    private static Instant date(String powershell) {
        if (powershell == null) {
            return null;
        }
        Matcher matcher = POWERSHELL_DATE.matcher(powershell);
        if (!matcher.find()) {
            throw new IllegalArgumentException("not a PowerShell date: " + powershell);
        }
        return Instant.ofEpochMilli(Long.parseLong(matcher.group(1)));
    }
}
