package org.patchlake.agent.endpoint.windows;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.patchlake.core.protocol.InstalledUpdate;
import org.patchlake.core.protocol.UpdateSource;

/**
 * What the Windows Update history says is installed now: per KB, the last operation that succeeded decides
 * (an install, or an uninstall that rolled it back); failed and aborted operations change nothing (a failed
 * uninstall leaves the update installed, a failed reinstall leaves it as it was). Entries are taken oldest first
 * whatever order QueryHistory returned them in; entries without a date count as oldest.
 *
 * @param installed   the KBs whose last successful operation was an install, dated by it (UTC day)
 * @param uninstalled the KBs whose last successful operation was an uninstall
 */
public record UpdateHistory(List<InstalledUpdate> installed, Set<String> uninstalled) {

    public static final UpdateHistory EMPTY = new UpdateHistory(List.of(), Set.of());

    public UpdateHistory {
        installed = List.copyOf(installed);
        uninstalled = Set.copyOf(uninstalled);
    }

    public static UpdateHistory of(List<UpdateHistoryEntry> entries) {
        List<UpdateHistoryEntry> oldestFirst = new ArrayList<>(entries);
        oldestFirst.sort(Comparator.comparing(UpdateHistoryEntry::date, Comparator.nullsFirst(Comparator.<Instant>naturalOrder())));
        Map<String, InstalledUpdate> installed = new LinkedHashMap<>();
        Set<String> uninstalled = new TreeSet<>();
        for (UpdateHistoryEntry entry : oldestFirst) {
            Optional<String> kb = UpdateTitles.kb(entry.title());
            if (kb.isEmpty() || !entry.succeeded()) {
                continue;
            }
            if (entry.operation() == UpdateHistoryEntry.INSTALLATION) {
                installed.remove(kb.get());
                installed.put(kb.get(), new InstalledUpdate(kb.get(),
                    entry.date() == null ? null : LocalDate.ofInstant(entry.date(), ZoneOffset.UTC), UpdateSource.WINDOWS_UPDATE));
                uninstalled.remove(kb.get());
            } else if (entry.operation() == UpdateHistoryEntry.UNINSTALLATION) {
                installed.remove(kb.get());
                uninstalled.add(kb.get());
            }
        }
        return new UpdateHistory(List.copyOf(installed.values()), uninstalled);
    }
}
