package org.patchlake.agent.endpoint.windows;

import com.sun.jna.platform.win32.COM.COMException;
import com.sun.jna.platform.win32.COM.WbemcliUtil;
import java.util.ArrayList;
import java.util.List;
import org.patchlake.core.protocol.InstalledUpdate;
import org.patchlake.core.protocol.UpdateSource;
import org.patchlake.core.rules.FactUnavailableException;

/** Installed hotfixes from WMI {@code Win32_QuickFixEngineering}. Windows only; COM must be initialised. */
final class WmiQuickFixEngineering {

    /** The WMI properties read; the constant names are the WMI property names. */
    enum QuickFixProperty { HotFixID, InstalledOn }

    private WmiQuickFixEngineering() {
    }

    static List<InstalledUpdate> read() {
        try {
            WbemcliUtil.WmiQuery<QuickFixProperty> query =
                new WbemcliUtil.WmiQuery<>("Win32_QuickFixEngineering", QuickFixProperty.class);
            WbemcliUtil.WmiResult<QuickFixProperty> result = query.execute(60_000);
            List<InstalledUpdate> updates = new ArrayList<>();
            for (int row = 0; row < result.getResultCount(); row++) {
                Object hotFix = result.getValue(QuickFixProperty.HotFixID, row);
                Object installedOn = result.getValue(QuickFixProperty.InstalledOn, row);
                String id = hotFix instanceof String text ? text.trim().toUpperCase(java.util.Locale.ROOT) : "";
                if (id.matches("KB[0-9]{4,8}")) {
                    updates.add(new InstalledUpdate(id,
                        QuickFixDates.parse(installedOn instanceof String s ? s : null).orElse(null), UpdateSource.QFE));
                }
            }
            return updates;
        } catch (COMException | java.util.concurrent.TimeoutException e) {
            throw new FactUnavailableException("WMI Win32_QuickFixEngineering: " + e.getMessage(), e);
        }
    }
}
