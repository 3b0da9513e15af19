package org.patchlake.agent.endpoint.windows;

import java.util.Locale;
import java.util.Map;

/** Expands {@code %SystemRoot%}-style variables in paths from detection rules (case-insensitive names). */
public final class WindowsPaths {

    private WindowsPaths() {
    }

    /** Unknown variables are left as they are, so the file lookup fails visibly instead of reading another file. */
    public static String expand(String path, Map<String, String> environment) {
        StringBuilder expanded = new StringBuilder();
        int index = 0;
        while (index < path.length()) {
            int start = path.indexOf('%', index);
            int end = start < 0 ? -1 : path.indexOf('%', start + 1);
            if (start < 0 || end < 0) {
                expanded.append(path, index, path.length());
                break;
            }
            expanded.append(path, index, start);
            String name = path.substring(start + 1, end);
            String value = lookup(environment, name);
            expanded.append(value != null ? value : path.substring(start, end + 1));
            index = end + 1;
        }
        return expanded.toString();
    }

    private static String lookup(Map<String, String> environment, String name) {
        for (Map.Entry<String, String> entry : environment.entrySet()) {
            if (entry.getKey().toUpperCase(Locale.ROOT).equals(name.toUpperCase(Locale.ROOT))) {
                return entry.getValue();
            }
        }
        return null;
    }
}
