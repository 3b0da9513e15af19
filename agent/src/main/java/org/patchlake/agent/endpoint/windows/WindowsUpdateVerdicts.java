package org.patchlake.agent.endpoint.windows;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.patchlake.core.protocol.MissingUpdate;
import org.patchlake.core.protocol.ProtocolViolation;
import org.patchlake.core.protocol.WindowsUpdateSearchSource;
import org.patchlake.core.protocol.WindowsUpdateVerdict;
import org.patchlake.core.rules.InstallReturnCodes;

/**
 * Windows Update's answer as the protocol's verdict. Each update becomes a {@link MissingUpdate}: the KB from
 * KBArticleIDs (or from the title when the list is empty), the classification from the category of type
 * {@code UpdateClassification}, named in English by its well-known id because the category's Name is localized
 * ("Sicherheitsupdates" on a German machine), the MSRC severity as given. A failed search is a verdict with the
 * HRESULT as its error code and no updates, never an exception.
 */
public final class WindowsUpdateVerdicts {

    /** The update classifications' category ids (the same in every language) and their English names. */
    private static final Map<String, String> CLASSIFICATIONS = Map.ofEntries(
        Map.entry("0fa1201d-4330-4fa8-8ae9-b877473b6441", "Security Updates"),
        Map.entry("e6cf1350-c01b-414d-a61f-263d14d133b4", "Critical Updates"),
        Map.entry("e0789628-ce08-4437-be74-2495b842f43b", "Definition Updates"),
        Map.entry("28bc880e-0592-4cbf-8f95-c79b17911d5f", "Update Rollups"),
        Map.entry("cd5ffd1e-e932-4e3a-bf74-18bf0b1bbd83", "Updates"),
        Map.entry("68c5b0a3-d1a6-4553-ae49-01d3a7827828", "Service Packs"),
        Map.entry("b54e7d24-7add-428f-8b75-90a396fa584f", "Feature Packs"),
        Map.entry("b4832bd8-e735-4761-8daf-37f882276dab", "Tools"),
        Map.entry("ebfc1fc5-71a4-4f7b-9aca-3b9a503104a0", "Drivers"),
        Map.entry("3689bdc8-b205-4af4-8d4a-a63924c5e9d5", "Upgrades"));
    private static final String[] RESULT_NAMES = {"orcNotStarted", "orcInProgress", "orcSucceeded",
        "orcSucceededWithErrors", "orcFailed", "orcAborted"};

    private WindowsUpdateVerdicts() {
    }

    public static WindowsUpdateVerdict of(WindowsUpdateSearchResult result, WindowsUpdateSearchSource source, Instant searchedAt) {
        int code = result.resultCode();
        if (code != 2 && code != 3) {
            String name = code >= 0 && code < RESULT_NAMES.length ? RESULT_NAMES[code] : "ResultCode " + code;
            return new WindowsUpdateVerdict(source, searchedAt, List.of(), name,
                "the Windows Update search ended with " + name + " and gave no usable list");
        }
        List<MissingUpdate> missing = new ArrayList<>();
        for (WindowsUpdateSearchResult.Update update : result.updates()) {
            missingUpdate(update).ifPresent(missing::add);
            if (missing.size() == WindowsUpdateVerdict.MAX_MISSING) {
                break;
            }
        }
        return new WindowsUpdateVerdict(source, searchedAt, missing, null,
            code == 3 ? "the search succeeded with errors (orcSucceededWithErrors): the list may be incomplete" : null);
    }

    /** A search that threw: the HRESULT and its meaning when the return-code table knows it. */
    public static WindowsUpdateVerdict failed(ComFailure failure, WindowsUpdateSearchSource source, Instant searchedAt) {
        InstallReturnCodes.ReturnCode known = InstallReturnCodes.describe(failure.hresult() & 0xFFFFFFFFL);
        String meaning = known.symbol().equals("UNKNOWN") ? "" : known.symbol() + ": " + known.meaning() + "; ";
        return new WindowsUpdateVerdict(source, searchedAt, List.of(), failure.hex(), shorten(meaning + failure.getMessage()));
    }

    static Optional<MissingUpdate> missingUpdate(WindowsUpdateSearchResult.Update update) {
        String title = update.title() == null || update.title().isBlank() ? update.updateId() : update.title().strip();
        if (title == null || title.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(new MissingUpdate(kb(update).orElse(null), shorten(title), blankToNull(update.updateId()),
                classification(update), blankToNull(update.msrcSeverity())));
        } catch (ProtocolViolation e) {
            return Optional.empty();
        }
    }

    private static Optional<String> kb(WindowsUpdateSearchResult.Update update) {
        for (String id : update.kbArticleIds()) {
            String digits = id == null ? "" : id.strip().replaceFirst("(?i)^KB", "");
            if (digits.matches("[0-9]{4,8}")) {
                return Optional.of("KB" + digits);
            }
        }
        return UpdateTitles.kb(update.title()).filter(kb -> kb.matches("KB[0-9]{4,8}"));
    }

    private static String classification(WindowsUpdateSearchResult.Update update) {
        for (WindowsUpdateSearchResult.Category category : update.categories()) {
            if ("UpdateClassification".equalsIgnoreCase(category.type())) {
                String id = category.categoryId() == null ? "" : category.categoryId().strip().toLowerCase(Locale.ROOT);
                return CLASSIFICATIONS.getOrDefault(id, blankToNull(category.name()));
            }
        }
        return null;
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }

    private static String shorten(String text) {
        return text.length() > 1000 ? text.substring(0, 1000) : text;
    }
}
