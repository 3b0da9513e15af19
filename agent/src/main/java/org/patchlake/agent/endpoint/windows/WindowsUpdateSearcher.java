package org.patchlake.agent.endpoint.windows;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Asks the Windows Update Agent which software updates are missing: {@code Microsoft.Update.Session} →
 * {@code CreateUpdateSearcher} → {@code Search("IsInstalled=0 and Type='Software'")}, online (Windows Update, or
 * the WSUS server the machine is configured for) or against an offline scan file: the file is registered with
 * {@code IUpdateServiceManager.AddScanPackageService}, the searcher set to {@code ServerSelection = ssOthers (3)} and
 * that service's id, and the service removed again afterwards. The thin COM layer; {@link WindowsUpdateVerdicts}
 * reads the result. Windows only.
 */
final class WindowsUpdateSearcher {

    static final String CRITERIA = "IsInstalled=0 and Type='Software'";
    private static final int SERVER_SELECTION_OTHERS = 3;

    private final ComRuntime com;

    WindowsUpdateSearcher(ComRuntime com) {
        this.com = com;
    }

    WindowsUpdateSearchResult search(Path offlineScanFile) {
        String what = offlineScanFile == null ? "Windows Update search (online)"
            : "Windows Update search against " + offlineScanFile;
        return com.call(what, scope -> {
            ComDispatch searcher = scope.create("Microsoft.Update.Session").call(scope, "CreateUpdateSearcher");
            if (offlineScanFile == null) {
                return read(searcher.call(scope, "Search", CRITERIA));
            }
            ComDispatch manager = scope.create("Microsoft.Update.ServiceManager");
            String serviceId = manager.call(scope, "AddScanPackageService", "Patchlake offline scan",
                offlineScanFile.toString(), 0).string("ServiceID");
            try {
                searcher.put("ServerSelection", SERVER_SELECTION_OTHERS);
                searcher.put("ServiceID", serviceId);
                return read(searcher.call(scope, "Search", CRITERIA));
            } finally {
                manager.run("RemoveService", serviceId);
            }
        });
    }

    private static WindowsUpdateSearchResult read(ComDispatch result) {
        int resultCode = result.integer("ResultCode");
        List<WindowsUpdateSearchResult.Update> updates = new ArrayList<>();
        try (ComScope scope = new ComScope()) {
            ComDispatch collection = result.object(scope, "Updates");
            int count = collection.integer("Count");
            for (int index = 0; index < count; index++) {
                try (ComScope item = new ComScope()) {
                    updates.add(update(item, collection.call(item, "Item", index)));
                }
            }
        }
        return new WindowsUpdateSearchResult(resultCode, updates);
    }

    private static WindowsUpdateSearchResult.Update update(ComScope item, ComDispatch update) {
        ComDispatch kbs = update.object(item, "KBArticleIDs");
        List<String> kbArticleIds = new ArrayList<>();
        for (int index = 0, count = kbs.integer("Count"); index < count; index++) {
            kbArticleIds.add(kbs.callString("Item", index));
        }
        ComDispatch categories = update.object(item, "Categories");
        List<WindowsUpdateSearchResult.Category> categoryList = new ArrayList<>();
        for (int index = 0, count = categories.integer("Count"); index < count; index++) {
            try (ComScope each = new ComScope()) {
                ComDispatch category = categories.call(each, "Item", index);
                categoryList.add(new WindowsUpdateSearchResult.Category(category.string("CategoryID"), category.string("Name"),
                    category.string("Type")));
            }
        }
        return new WindowsUpdateSearchResult.Update(update.string("Title"), kbArticleIds,
            update.object(item, "Identity").string("UpdateID"), update.string("MsrcSeverity"), categoryList);
    }
}
