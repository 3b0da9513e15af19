package org.patchlake.agent.endpoint.windows;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The KB number in a Windows Update title: "2019-03 Cumulative Update for Windows 10 ... (KB4489899)". */
public final class UpdateTitles {

    private static final Pattern KB = Pattern.compile("\\bKB\\s?(\\d{5,8})\\b", Pattern.CASE_INSENSITIVE);

    private UpdateTitles() {
    }

    public static Optional<String> kb(String title) {
        if (title == null) {
            return Optional.empty();
        }
        Matcher matcher = KB.matcher(title);
        return matcher.find() ? Optional.of("KB" + matcher.group(1)) : Optional.empty();
    }
}
