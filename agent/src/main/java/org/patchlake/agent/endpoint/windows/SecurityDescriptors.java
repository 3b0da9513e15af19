package org.patchlake.agent.endpoint.windows;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The state directory's security descriptor, read as SDDL ({@code Get-Acl DIR | % Sddl} shows the same text), and
 * the check that it is locked down: owner SYSTEM or Administrators, a protected DACL (nothing inherited from
 * {@code C:\ProgramData}, whose default lets Users create files and owners control what they created), SYSTEM with
 * full control, and no access allowed to anyone but SYSTEM and Administrators.
 */
public final class SecurityDescriptors {

    /** What the agent applies to its state directory: owner Administrators, protected, SYSTEM and Administrators full control, inherited by all below. */
    public static final String STATE_DIRECTORY = "O:BAD:PAI(A;OICI;FA;;;SY)(A;OICI;FA;;;BA)";
    /** Applied to everything below it: owner Administrators and no explicit entries, so only the inherited ones apply. */
    public static final String INHERIT_ONLY = "O:BAD:AI";

    private static final Pattern ACE = Pattern.compile("\\(([^;()]*);([^;()]*);([^;()]*);([^;()]*);([^;()]*);([^;()]*)(?:;[^()]*)?\\)");
    private static final Map<String, String> NAMES = Map.ofEntries(
        Map.entry("SY", "NT AUTHORITY\\SYSTEM"), Map.entry("S-1-5-18", "NT AUTHORITY\\SYSTEM"),
        Map.entry("BA", "BUILTIN\\Administrators"), Map.entry("S-1-5-32-544", "BUILTIN\\Administrators"),
        Map.entry("BU", "BUILTIN\\Users"), Map.entry("AU", "NT AUTHORITY\\Authenticated Users"),
        Map.entry("WD", "Everyone"), Map.entry("CO", "CREATOR OWNER"), Map.entry("IU", "NT AUTHORITY\\INTERACTIVE"),
        Map.entry("BG", "BUILTIN\\Guests"), Map.entry("AN", "NT AUTHORITY\\ANONYMOUS LOGON"));

    private SecurityDescriptors() {
    }

    /**
     * Why the descriptor does not lock the directory down; empty when it does. {@code mustBeProtected}: the state
     * directory itself must not inherit; what is below it inherits from it and need not be protected.
     */
    public static List<String> problems(String sddl, boolean mustBeProtected) {
        List<String> problems = new ArrayList<>();
        String owner = section(sddl, 'O');
        if (!isSystem(owner) && !isAdministrators(owner)) {
            problems.add("owner is " + name(owner) + ", not SYSTEM or Administrators");
        }
        String dacl = section(sddl, 'D');
        if (dacl.isEmpty()) {
            problems.add("no DACL (everyone has full access)");
            return problems;
        }
        String flags = dacl.contains("(") ? dacl.substring(0, dacl.indexOf('(')) : dacl;
        if (flags.contains("NO_ACCESS_CONTROL")) {
            problems.add("a NULL DACL (everyone has full access)");
            return problems;
        }
        if (mustBeProtected && !flags.contains("P")) {
            problems.add("the DACL is not protected: it inherits from the parent directory");
        }
        boolean systemFull = false;
        Matcher ace = ACE.matcher(dacl);
        while (ace.find()) {
            String type = ace.group(1).toUpperCase(Locale.ROOT);
            String aceFlags = ace.group(2).toUpperCase(Locale.ROOT);
            String rights = ace.group(3).toUpperCase(Locale.ROOT);
            String sid = ace.group(6).toUpperCase(Locale.ROOT);
            if (!type.startsWith("A")) {
                continue;
            }
            if (isSystem(sid) && !aceFlags.contains("IO") && isFullControl(rights)) {
                systemFull = true;
            }
            if (!isSystem(sid) && !isAdministrators(sid)) {
                problems.add(name(sid) + " is allowed " + rights + (aceFlags.contains("ID") ? " (inherited)" : ""));
            }
        }
        if (!systemFull) {
            problems.add("SYSTEM does not have full control");
        }
        return problems;
    }

    private static String section(String sddl, char tag) {
        Matcher matcher = Pattern.compile("(?:^|(?<=[)A-Z0-9]))" + tag + ":(.*?)(?=(?:[OGDS]:)|$)").matcher(sddl);
        return matcher.find() ? matcher.group(1) : "";
    }

    private static boolean isFullControl(String rights) {
        return rights.equals("FA") || rights.equals("GA") || rights.equals("0X1F01FF") || rights.equals("0X10000000");
    }

    private static boolean isSystem(String sid) {
        return sid.equals("SY") || sid.equals("S-1-5-18");
    }

    private static boolean isAdministrators(String sid) {
        return sid.equals("BA") || sid.equals("S-1-5-32-544");
    }

    private static String name(String sid) {
        return NAMES.getOrDefault(sid, sid);
    }
}
