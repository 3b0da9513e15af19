package org.patchlake.agent.endpoint.windows;

import static java.util.Objects.requireNonNull;

import java.util.Locale;

/** {@code HKLM\SOFTWARE\Microsoft\...} split into its hive and the path below it. */
public record RegistryPath(Hive hive, String subKey) {

    public enum Hive { HKEY_LOCAL_MACHINE, HKEY_CURRENT_USER, HKEY_CLASSES_ROOT, HKEY_USERS, HKEY_CURRENT_CONFIG }

    public RegistryPath {
        requireNonNull(hive, "hive is null");
        requireNonNull(subKey, "subKey is null");
    }

    public static RegistryPath parse(String key) {
        requireNonNull(key, "registry key is null");
        String trimmed = key.trim().replace('/', '\\');
        int separator = trimmed.indexOf('\\');
        String hiveName = (separator < 0 ? trimmed : trimmed.substring(0, separator)).toUpperCase(Locale.ROOT);
        String subKey = separator < 0 ? "" : trimmed.substring(separator + 1);
        while (subKey.endsWith("\\")) {
            subKey = subKey.substring(0, subKey.length() - 1);
        }
        Hive hive = switch (hiveName) {
            case "HKLM", "HKEY_LOCAL_MACHINE" -> Hive.HKEY_LOCAL_MACHINE;
            case "HKCU", "HKEY_CURRENT_USER" -> Hive.HKEY_CURRENT_USER;
            case "HKCR", "HKEY_CLASSES_ROOT" -> Hive.HKEY_CLASSES_ROOT;
            case "HKU", "HKEY_USERS" -> Hive.HKEY_USERS;
            case "HKCC", "HKEY_CURRENT_CONFIG" -> Hive.HKEY_CURRENT_CONFIG;
            default -> throw new IllegalArgumentException("registry key '" + key + "' does not start with a hive (HKLM, HKCU, HKCR, HKU, HKCC)");
        };
        return new RegistryPath(hive, subKey);
    }

    /** {@code HKLM\SOFTWARE\...}, the short form regedit's address bar accepts. */
    @Override
    public String toString() {
        String shortHive = switch (hive) {
            case HKEY_LOCAL_MACHINE -> "HKLM";
            case HKEY_CURRENT_USER -> "HKCU";
            case HKEY_CLASSES_ROOT -> "HKCR";
            case HKEY_USERS -> "HKU";
            case HKEY_CURRENT_CONFIG -> "HKCC";
        };
        return subKey.isEmpty() ? shortHive : shortHive + "\\" + subKey;
    }
}
