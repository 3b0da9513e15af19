package org.patchlake.core.rules;

import static java.util.Objects.requireNonNull;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The one table of installer return codes (wusa, msiexec, Windows Update, CBS) with their meaning and what the
 * agent does about them. Used by the agent to classify an attempt and by reports to print the meaning.
 * Codes are kept as unsigned 32-bit values in a {@code long} ({@code 0x80240017 = 2149842967}); a negative
 * Java {@code int} exit value is converted with {@link #normalise(long)}.
 */
public final class InstallReturnCodes {

    /** What a return code means for the attempt. */
    public enum Category {
        /** Installed, nothing else to do. */
        SUCCESS,
        /** Installed; the computer stays vulnerable until it restarts. */
        SUCCESS_REBOOT_REQUIRED,
        /** Installed and the installer started a restart itself. */
        SUCCESS_REBOOT_INITIATED,
        /** The update (or a superseding one) was already there: counts as success. */
        ALREADY_INSTALLED,
        /** The update does not apply to this computer: not an error, nothing to retry. */
        NOT_APPLICABLE,
        /** A transient condition (another installation running, service busy): retry later. */
        RETRYABLE,
        /** The installation failed; retried up to the policy's count. */
        FAILED,
        /** The agent refused to run the package (checksum mismatch, download failed). */
        REFUSED;

        public boolean isSuccess() {
            return this == SUCCESS || this == SUCCESS_REBOOT_REQUIRED || this == SUCCESS_REBOOT_INITIATED
                || this == ALREADY_INSTALLED;
        }

        public boolean needsReboot() {
            return this == SUCCESS_REBOOT_REQUIRED || this == SUCCESS_REBOOT_INITIATED;
        }
    }

    /** One known return code. */
    public record ReturnCode(long code, String symbol, String meaning, Category category) {
        public ReturnCode {
            requireNonNull(symbol, "symbol is null");
            requireNonNull(meaning, "meaning is null");
            requireNonNull(category, "category is null");
        }

        public String hex() {
            return InstallReturnCodes.hex(code);
        }
    }

    /** Agent-defined codes (HRESULT customer bit set, so they never collide with Microsoft's). */
    public static final long PACKAGE_HASH_MISMATCH = 0xA0000001L;
    public static final long PACKAGE_DOWNLOAD_FAILED = 0xA0000002L;
    public static final long INSTALLER_NOT_STARTED = 0xA0000003L;
    public static final long INSTALL_TIMED_OUT = 0xA0000004L;
    public static final long SILENT_SWITCHES_UNKNOWN = 0xA0000005L;

    private static final Map<Long, ReturnCode> CODES = table(List.of(
        code(0L, "ERROR_SUCCESS", "installed successfully", Category.SUCCESS),
        code(3010L, "ERROR_SUCCESS_REBOOT_REQUIRED", "installed; a restart is required to complete it",
            Category.SUCCESS_REBOOT_REQUIRED),
        code(1641L, "ERROR_SUCCESS_REBOOT_INITIATED", "installed; the installer started a restart",
            Category.SUCCESS_REBOOT_INITIATED),
        code(0x00240005L, "WU_S_REBOOT_REQUIRED", "installed; a restart is required (Windows Update)",
            Category.SUCCESS_REBOOT_REQUIRED),
        code(2359302L, "WU_S_ALREADY_INSTALLED", "the update is already installed", Category.ALREADY_INSTALLED),
        code(1638L, "ERROR_PRODUCT_VERSION", "another version of this product is already installed",
            Category.ALREADY_INSTALLED),
        code(0x80240017L, "WU_E_NOT_APPLICABLE", "the update is not applicable to this computer",
            Category.NOT_APPLICABLE),
        code(0x800F081EL, "CBS_E_NOT_APPLICABLE", "the package is not applicable to this computer (DISM)",
            Category.NOT_APPLICABLE),
        code(0x800F0922L, "CBS_E_INSTALLERS_FAILED", "processing of the servicing stack failed (often: reserved "
            + "partition full or a prerequisite missing)", Category.FAILED),
        code(1603L, "ERROR_INSTALL_FAILURE", "fatal error during installation", Category.FAILED),
        code(0x80070643L, "ERROR_INSTALL_FAILURE (HRESULT)", "fatal error during installation", Category.FAILED),
        code(1618L, "ERROR_INSTALL_ALREADY_RUNNING", "another installation is already in progress",
            Category.RETRYABLE),
        code(0x80070652L, "ERROR_INSTALL_ALREADY_RUNNING (HRESULT)", "another installation is already in progress",
            Category.RETRYABLE),
        code(0x80240016L, "WU_E_INSTALL_NOT_ALLOWED", "another installation or a pending restart blocks the install",
            Category.RETRYABLE),
        code(1602L, "ERROR_INSTALL_USEREXIT", "the user cancelled the installation", Category.FAILED),
        code(1619L, "ERROR_INSTALL_PACKAGE_OPEN_FAILED", "the installation package could not be opened",
            Category.FAILED),
        code(1620L, "ERROR_INSTALL_PACKAGE_INVALID", "the installation package is invalid", Category.FAILED),
        code(1639L, "ERROR_INVALID_COMMAND_LINE", "invalid command line argument to the installer", Category.FAILED),
        code(0x80070005L, "E_ACCESSDENIED", "access denied (the agent does not run as LocalSystem?)",
            Category.FAILED),
        code(0x800F081FL, "CBS_E_SOURCE_MISSING", "the source files could not be found (component store)",
            Category.FAILED),
        code(0x800F0823L, "CBS_E_NEW_SERVICING_STACK_REQUIRED", "a newer servicing stack update is required first",
            Category.FAILED),
        code(0x80073712L, "ERROR_SXS_COMPONENT_STORE_CORRUPT", "the component store is corrupt", Category.FAILED),
        code(0x80070002L, "ERROR_FILE_NOT_FOUND", "a file the installer needs was not found", Category.FAILED),
        code(0x80070422L, "ERROR_SERVICE_DISABLED", "the Windows Update service is disabled", Category.FAILED),
        code(0x80240022L, "WU_E_ALL_UPDATES_FAILED", "the operation failed for all updates", Category.FAILED),
        code(0x8024200DL, "WU_E_UH_NEEDANOTHERDOWNLOAD", "the update needs to be downloaded again",
            Category.RETRYABLE),
        code(0x8024402CL, "WU_E_PT_WINHTTP_NAME_NOT_RESOLVED", "the update server name could not be resolved",
            Category.RETRYABLE),
        code(0x80240020L, "WU_E_NO_INTERACTIVE_USER", "the operation needs a logged-on interactive user",
            Category.FAILED),
        code(0x8024001EL, "WU_E_SERVICE_STOP", "the service or the system was shutting down", Category.FAILED),
        code(0x80246007L, "WU_E_DM_NOTDOWNLOADED", "the update has not been downloaded", Category.FAILED),
        code(0x80244022L, "WU_E_PT_HTTP_STATUS_SERVICE_UNAVAIL", "the update server answered HTTP 503 (overloaded)",
            Category.FAILED),
        code(0x800F0906L, "CBS_E_DOWNLOAD_FAILURE", "the source files could not be downloaded", Category.FAILED),
        code(0x80070070L, "ERROR_DISK_FULL (HRESULT)", "there is not enough space on the disk", Category.FAILED),
        code(1605L, "ERROR_UNKNOWN_PRODUCT", "the product to patch is not installed", Category.FAILED),
        code(1612L, "ERROR_INSTALL_SOURCE_ABSENT", "the installation source is not available", Category.FAILED),
        code(1625L, "ERROR_INSTALL_PACKAGE_REJECTED", "the installation is forbidden by system policy", Category.FAILED),
        code(1642L, "ERROR_PATCH_TARGET_NOT_FOUND", "the program to be patched is missing or is another version",
            Category.FAILED),
        code(PACKAGE_HASH_MISMATCH, "PATCHLAKE_PACKAGE_HASH_MISMATCH",
            "the package's SHA-256 does not match the policy; the agent refused to run it", Category.REFUSED),
        code(PACKAGE_DOWNLOAD_FAILED, "PATCHLAKE_PACKAGE_DOWNLOAD_FAILED", "the package could not be fetched",
            Category.RETRYABLE),
        code(INSTALLER_NOT_STARTED, "PATCHLAKE_INSTALLER_NOT_STARTED", "the installer process could not be started",
            Category.FAILED),
        code(INSTALL_TIMED_OUT, "PATCHLAKE_INSTALL_TIMED_OUT", "the installer did not finish in time and was stopped",
            Category.FAILED),
        code(SILENT_SWITCHES_UNKNOWN, "PATCHLAKE_SILENT_SWITCHES_UNKNOWN", "the .exe installer's family is not "
            + "recognised and the policy gives no switches, so it cannot be run unattended; the agent refused to start it",
            Category.REFUSED)));

    private InstallReturnCodes() {
    }

    /** Every known code, in table order. */
    public static List<ReturnCode> all() {
        return List.copyOf(CODES.values());
    }

    /** The entry for a code; unknown codes are FAILED with a meaning that says so. */
    public static ReturnCode describe(long code) {
        long normalised = normalise(code);
        ReturnCode known = CODES.get(normalised);
        if (known != null) {
            return known;
        }
        return new ReturnCode(normalised, "UNKNOWN", "unknown return code " + hex(normalised), Category.FAILED);
    }

    /** A Java {@code int} exit value (signed) to the unsigned 32-bit code Windows reports. */
    public static long normalise(long code) {
        return code < 0 && code >= Integer.MIN_VALUE ? code & 0xFFFFFFFFL : code;
    }

    /** {@code 0x80240017}; small codes are padded to 8 digits ({@code 0x00000BC2} for 3010). */
    public static String hex(long code) {
        return "0x" + String.format(Locale.ROOT, "%08X", normalise(code));
    }

    private static ReturnCode code(long code, String symbol, String meaning, Category category) {
        return new ReturnCode(code, symbol, meaning, category);
    }

    private static Map<Long, ReturnCode> table(List<ReturnCode> codes) {
        Map<Long, ReturnCode> table = new LinkedHashMap<>();
        for (ReturnCode code : codes) {
            if (table.put(code.code(), code) != null) {
                throw new IllegalStateException("return code listed twice: " + code.hex());
            }
        }
        return java.util.Collections.unmodifiableMap(table);
    }
}
