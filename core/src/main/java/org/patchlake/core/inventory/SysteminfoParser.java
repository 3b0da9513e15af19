package org.patchlake.core.inventory;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parses {@code systeminfo} output in any display language, by structure rather than by label: the OS name is
 * the first value that names a Windows product, "Windows" followed by XP, Vista, Server, RT, Embedded or a
 * number, wherever that stands in the value ("Microsoft Windows 10 Pro", "Microsoft(R) Windows(R) Server 2003",
 * "Майкрософт Windows Server 2012 R2 Standard ознакомительная версия", "マイクロソフト 評価版 Windows Server 2012 R2
 * Standard"); the OS version is the next field ("6.1.7601 Service Pack 1 Build 7601", "10.0.17763 N/D Compilación
 * 17763", "6.3.9600 Н/Д построение 9600"), the architecture is the value "x64-based PC" (not translated), the
 * hotfixes are the "[nn]: KB..." entries of the field that lists hotfix ids.
 */
final class SysteminfoParser {
    /** Lines that must share the value column before a file counts as systeminfo. */
    static final int MINIMUM_FIELDS = 5;

    /** "Windows" as a word of its own (not "C:\\Windows") followed by a product word; "Windows User" is none. */
    private static final Pattern OS_NAME = Pattern.compile("(?i)(?<![a-z0-9\\\\/:._-])Windows\\S*\\s+(?:XP|Vista|Server|RT|Embedded|\\d)");
    private static final Pattern OS_VERSION = Pattern.compile("^(\\d+)\\.(\\d+)\\.(\\d+)(?:\\s+(.*))?$");
    private static final Pattern TRAILING_BUILD = Pattern.compile("^(.*?)\\s*\\S+\\s+(\\d+)$");
    private static final Pattern SERVICE_PACK_NUMBER = Pattern.compile("(\\d+)");
    private static final Pattern SYSTEM_TYPE = Pattern.compile("(?i)^(?:x64|x86|amd64|arm64|arm|ia64|itanium)\\S*\\s*(?:\\(TM\\)\\s*)?-?\\s*based.*");
    private static final Pattern ENTRY = Pattern.compile("^\\[(\\d+)\\]\\s*:\\s*(.*)$");
    private static final Pattern FILE_ENTRY = Pattern.compile("(?i)^File \\d+$");
    /** The hotfix count stands first ("3 Hotfix(s) Installed.") or later ("Число установленных исправлений - 3."). */
    private static final Pattern HOTFIX_COUNT = Pattern.compile("(\\d+)");

    private SysteminfoParser() {
    }

    static Inventory parse(String sourceFile, DecodedText text, SysteminfoFields.Layout layout) {
        List<SysteminfoFields.Field> fields = SysteminfoFields.fields(text.lines(), layout);
        int osNameIndex = indexOf(fields, 0, field -> OS_NAME.matcher(field.value()).find());
        if (osNameIndex < 0) {
            throw new InventoryParseException(sourceFile, "systeminfo without an OS name line (no value naming a"
                    + " Windows product, like 'Microsoft Windows 10 Pro', among " + fields.size() + " fields, read as "
                    + text.encoding() + ")");
        }
        String osName = fields.get(osNameIndex).value().trim();
        int versionIndex = osNameIndex + 1 < fields.size() && OS_VERSION.matcher(fields.get(osNameIndex + 1).value()).matches()
                ? osNameIndex + 1
                : indexOf(fields, 0, field -> OS_VERSION.matcher(field.value()).matches());
        if (versionIndex < 0) {
            throw new InventoryParseException(sourceFile, "systeminfo without an OS version line (a value like"
                    + " '10.0.17134 N/A Build 17134') for OS '" + osName + "'");
        }
        Matcher version = OS_VERSION.matcher(fields.get(versionIndex).value());
        version.matches();
        String versionText = version.group(1) + "." + version.group(2) + "." + version.group(3);
        int build = number(version.group(3));
        int servicePack = servicePack(version.group(4) == null ? "" : version.group(4));
        if (build < 0 || servicePack < 0) {
            throw new InventoryParseException(sourceFile, "systeminfo OS version '" + fields.get(versionIndex).value()
                    + "' has a build or service pack number out of range");
        }

        List<String> warnings = new ArrayList<>();
        Architecture architecture = architecture(fields, osName, warnings)
                .orElseThrow(() -> new InventoryParseException(sourceFile, "systeminfo without a system type line"
                        + " (a value like 'x64-based PC') for OS '" + osName + "'"));
        String hostName = osNameIndex > 0 ? fields.get(osNameIndex - 1).value() : "";

        Map<String, InstalledKb> installed = new LinkedHashMap<>();
        int declared = hotfixes(fields, installed, warnings);
        return new Inventory(sourceFile, InventoryFormat.SYSTEMINFO, text.encoding(), hostName,
                new InventoryOs(osName, versionText, build, servicePack, architecture),
                List.copyOf(installed.values()), declared, List.of(), warnings);
    }

    /** "Service Pack 1 Build 7601" -> 1; "N/A Build 17134" -> 0; "Build 2600" -> 0; -1 when out of range. */
    private static int servicePack(String rest) {
        Matcher trailing = TRAILING_BUILD.matcher(rest.trim());
        String before = trailing.matches() ? trailing.group(1) : rest;
        Matcher number = SERVICE_PACK_NUMBER.matcher(before);
        return number.find() ? number(number.group(1)) : 0;
    }

    /** ASCII digits as an int, or -1 when they do not fit one (a damaged or made-up file, never Windows). */
    private static int number(String digits) {
        try {
            return Integer.parseInt(digits);
        } catch (NumberFormatException outOfRange) {
            return -1;
        }
    }

    private static Optional<Architecture> architecture(List<SysteminfoFields.Field> fields, String osName, List<String> warnings) {
        for (SysteminfoFields.Field field : fields) {
            if (SYSTEM_TYPE.matcher(field.value()).matches()) {
                return Architecture.fromSystemType(field.value());
            }
        }
        String name = osName.toLowerCase(java.util.Locale.ROOT);
        Optional<Architecture> fromName = name.contains("x64") ? Optional.of(Architecture.X64)
                : name.contains("itanium") ? Optional.of(Architecture.IA64) : Optional.empty();
        fromName.ifPresent(value -> warnings.add("no system type line; architecture " + value + " taken from the OS name"));
        return fromName;
    }

    /** Fills {@code installed} from the hotfix field; returns the announced count or -1. */
    private static int hotfixes(List<SysteminfoFields.Field> fields, Map<String, InstalledKb> installed, List<String> warnings) {
        for (SysteminfoFields.Field field : fields) {
            if (!listsHotfixes(field)) {
                continue;
            }
            int entries = 0;
            List<String> withoutKb = new ArrayList<>();
            for (String line : field.continuation()) {
                Matcher entry = ENTRY.matcher(line);
                if (!entry.matches()) {
                    warnings.add("hotfix list ends in an incomplete entry '" + line + "' (systeminfo truncated its output)");
                    continue;
                }
                entries++;
                String id = entry.group(2).trim();
                Optional<String> kb = KbPatterns.hotfixId(id);
                if (kb.isPresent()) {
                    installed.putIfAbsent(kb.get(), new InstalledKb(kb.get(), null));
                } else {
                    withoutKb.add(id);
                }
            }
            if (!withoutKb.isEmpty()) {
                warnings.add(withoutKb.size() + " hotfix entries without a KB id (e.g. '" + withoutKb.get(0) + "')");
            }
            Matcher count = HOTFIX_COUNT.matcher(field.value());
            int declared = count.find() ? number(count.group(1)) : -1;
            if (declared > entries) {
                warnings.add("hotfix list announces " + declared + " entries but shows " + entries
                        + " (systeminfo truncates long lists; a wmic qfe file of the same machine completes it)");
            }
            return declared;
        }
        return -1;
    }

    private static boolean listsHotfixes(SysteminfoFields.Field field) {
        for (String line : field.continuation()) {
            Matcher entry = ENTRY.matcher(line);
            if (entry.matches()) {
                String id = entry.group(2).trim();
                if (KbPatterns.hotfixId(id).isPresent() || FILE_ENTRY.matcher(id).matches()) {
                    return true;
                }
            }
        }
        return false;
    }

    private static int indexOf(List<SysteminfoFields.Field> fields, int from, java.util.function.Predicate<SysteminfoFields.Field> test) {
        for (int i = from; i < fields.size(); i++) {
            if (test.test(fields.get(i))) {
                return i;
            }
        }
        return -1;
    }
}
