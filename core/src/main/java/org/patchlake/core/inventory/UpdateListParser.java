package org.patchlake.core.inventory;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parses update lists: one "KB4487017: title" line per update ("KB1, KB2: title" when an update has several
 * KB articles), or "There are no applicable updates.". wesng's validation script writes the updates the
 * Windows Update Agent reports as applicable and NOT installed, so these KBs are never counted as installed.
 */
final class UpdateListParser {
    private static final Pattern LINE = Pattern.compile("^\\s*(KB\\d{4,8}(?:\\s*,\\s*KB\\d{4,8})*)\\s*:\\s*(.*)$");
    private static final Pattern KB = Pattern.compile("KB\\d{4,8}");
    private static final String NO_UPDATES = "There are no applicable updates.";

    private UpdateListParser() {
    }

    static boolean looksLikeUpdateList(List<String> lines) {
        int matching = 0;
        int other = 0;
        for (String line : lines) {
            if (line.isBlank()) {
                continue;
            }
            if (LINE.matcher(line).matches() || line.trim().equals(NO_UPDATES)) {
                matching++;
            } else {
                other++;
            }
        }
        return matching > 0 && matching >= other;
    }

    static Inventory parse(String sourceFile, DecodedText text) {
        List<ListedUpdate> updates = new ArrayList<>();
        List<String> warnings = new ArrayList<>();
        List<String> lines = text.lines();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (line.isBlank() || line.trim().equals(NO_UPDATES)) {
                continue;
            }
            Matcher matcher = LINE.matcher(line);
            if (!matcher.matches()) {
                warnings.add("line " + (i + 1) + " is not 'KBnnn: title': '" + line.trim() + "'");
                continue;
            }
            List<String> kbs = new ArrayList<>();
            Matcher kb = KB.matcher(matcher.group(1));
            while (kb.find()) {
                kbs.add(kb.group());
            }
            updates.add(new ListedUpdate(kbs, matcher.group(2).trim()));
        }
        return new Inventory(sourceFile, InventoryFormat.UPDATE_LIST, text.encoding(), "", null, List.of(), -1,
                updates, warnings);
    }
}
