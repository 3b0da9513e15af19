package org.patchlake.agent.endpoint.windows;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;

/**
 * The Windows Update Agent's history ({@code Microsoft.Update.Session} → {@code CreateUpdateSearcher} →
 * {@code QueryHistory}), every entry with its operation and result: installs and uninstalls, succeeded or not
 * ({@link UpdateHistory} decides what is installed). Catches updates WMI's QFE list misses (cumulative updates
 * installed through Windows Update). A failure is a {@link ComFailure}, never an empty list. Each page and each
 * entry releases its COM objects before the next is read. Windows only.
 */
final class WindowsUpdateAgentHistory {

    private static final int PAGE = 500;

    private final ComRuntime com;

    WindowsUpdateAgentHistory(ComRuntime com) {
        this.com = com;
    }

    List<UpdateHistoryEntry> read() {
        return com.call("Windows Update history (QueryHistory)", scope -> {
            ComDispatch searcher = scope.create("Microsoft.Update.Session").call(scope, "CreateUpdateSearcher");
            int total = searcher.callInt("GetTotalHistoryCount");
            List<UpdateHistoryEntry> entries = new ArrayList<>(total);
            for (int start = 0; start < total; start += PAGE) {
                try (ComScope page = new ComScope()) {
                    ComDispatch history = searcher.call(page, "QueryHistory", start, Math.min(PAGE, total - start));
                    int count = history.integer("Count");
                    for (int index = 0; index < count; index++) {
                        try (ComScope item = new ComScope()) {
                            entries.add(entry(item, history.call(item, "Item", index)));
                        }
                    }
                }
            }
            return entries;
        });
    }

    private static UpdateHistoryEntry entry(ComScope item, ComDispatch entry) {
        OptionalDouble date = entry.oleDate("Date");
        String updateId = entry.object(item, "UpdateIdentity").string("UpdateID");
        Instant when = null;
        if (date.isPresent()) {
            try {
                when = OleAutomationDates.toInstant(date.getAsDouble());
            } catch (IllegalArgumentException e) {
                // a corrupt date leaves the entry undated (counted as oldest), not the whole history unreadable
            }
        }
        return new UpdateHistoryEntry(entry.string("Title"), entry.integer("Operation"), entry.integer("ResultCode"), when,
            updateId);
    }
}
