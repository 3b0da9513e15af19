package org.patchlake.agent.endpoint.windows;

import java.util.List;

/**
 * What {@code IUpdateSearcher.Search} returned, as plain values: its {@code ResultCode} (2 succeeded, 3 succeeded
 * with errors, 4 failed, 5 aborted) and per {@code IUpdate} the fields the verdict needs.
 */
public record WindowsUpdateSearchResult(int resultCode, List<Update> updates) {

    public WindowsUpdateSearchResult {
        updates = List.copyOf(updates);
    }

    /** One IUpdate: Title, KBArticleIDs (digits, "5034441"), Identity.UpdateID, MsrcSeverity and Categories. */
    public record Update(String title, List<String> kbArticleIds, String updateId, String msrcSeverity, List<Category> categories) {
        public Update {
            kbArticleIds = kbArticleIds == null ? List.of() : List.copyOf(kbArticleIds);
            categories = categories == null ? List.of() : List.copyOf(categories);
        }
    }

    /** One ICategory: CategoryID (a GUID), Name (localized) and Type ("UpdateClassification", "Product", ...). */
    public record Category(String categoryId, String name, String type) {
    }
}
