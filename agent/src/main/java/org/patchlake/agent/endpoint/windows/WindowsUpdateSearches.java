package org.patchlake.agent.endpoint.windows;

import com.sun.jna.platform.win32.WinError;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Clock;
import org.patchlake.core.protocol.WindowsUpdateSearchSource;
import org.patchlake.core.protocol.WindowsUpdateVerdict;

/** One Windows Update search, its every failure turned into a verdict with an error code. Windows only. */
final class WindowsUpdateSearches {

    private static final int FILE_NOT_FOUND = 0x80070002;

    private WindowsUpdateSearches() {
    }

    /** @param offlineScanFile the scan file's path as configured, or null to search online */
    static WindowsUpdateVerdict run(WindowsUpdateSearcher searcher, String offlineScanFile, Clock clock) {
        WindowsUpdateSearchSource source = offlineScanFile == null ? WindowsUpdateSearchSource.ONLINE
            : WindowsUpdateSearchSource.OFFLINE_SCAN_FILE;
        try {
            Path file = null;
            if (offlineScanFile != null) {
                file = Path.of(offlineScanFile);
                if (!Files.isRegularFile(file)) {
                    throw new ComFailure("offline scan file " + offlineScanFile, FILE_NOT_FOUND, "it does not exist or is not a file");
                }
            }
            return WindowsUpdateVerdicts.of(searcher.search(file), source, clock.instant());
        } catch (ComFailure e) {
            return WindowsUpdateVerdicts.failed(e, source, clock.instant());
        } catch (InvalidPathException e) {
            return WindowsUpdateVerdicts.failed(new ComFailure("offline scan file '" + offlineScanFile + "'", FILE_NOT_FOUND,
                "not a valid path: " + e.getMessage()), source, clock.instant());
        } catch (RuntimeException e) {
            return WindowsUpdateVerdicts.failed(new ComFailure("Windows Update search", WinError.E_FAIL, e.toString(), e),
                source, clock.instant());
        }
    }
}
