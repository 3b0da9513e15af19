package org.patchlake.agent.endpoint.windows;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.patchlake.core.protocol.InstalledUpdate;
import org.patchlake.core.protocol.UpdateSource;

/**
 * The installed updates of a Windows computer from its two sources: WMI's Win32_QuickFixEngineering (what Component
 * Based Servicing has installed) and the Windows Update history (what Windows Update installed or rolled back).
 * A KB is installed when QFE lists it or when its last successful history operation installed it. QFE's date wins
 * when it has one. An uninstall in the history removes the KB unless QFE still lists it (reinstalled by wusa,
 * which the history does not see).
 */
public final class InstalledUpdates {

    private static final Pattern HOTFIX = Pattern.compile("KB(\\d{4,8})(?![0-9]).*", Pattern.CASE_INSENSITIVE);

    private InstalledUpdates() {
    }

    public static List<InstalledUpdate> fromQuickFixRows(List<QuickFixRow> rows, QuickFixDates dates) {
        Map<String, InstalledUpdate> byKb = new LinkedHashMap<>();
        for (QuickFixRow row : rows) {
            if (row.hotFixId() == null) {
                continue;
            }
            Matcher matcher = HOTFIX.matcher(row.hotFixId().strip());
            if (!matcher.matches()) {
                continue;
            }
            String kb = "KB" + matcher.group(1);
            InstalledUpdate update = new InstalledUpdate(kb, dates.parse(row.installedOn()).orElse(null), UpdateSource.QFE);
            byKb.merge(kb, update, (first, second) -> first.installedOn() != null ? first : second);
        }
        return List.copyOf(byKb.values());
    }

    public static List<InstalledUpdate> merge(UpdateHistory history, List<InstalledUpdate> quickFixes) {
        Map<String, InstalledUpdate> byKb = new LinkedHashMap<>();
        for (InstalledUpdate update : history.installed()) {
            byKb.put(update.kb().toUpperCase(Locale.ROOT), update);
        }
        for (InstalledUpdate update : quickFixes) {
            byKb.merge(update.kb().toUpperCase(Locale.ROOT), update,
                (fromHistory, fromWmi) -> fromWmi.installedOn() != null ? fromWmi : fromHistory);
        }
        return List.copyOf(byKb.values());
    }
}
