package org.patchlake.agent.endpoint.windows;

import com.sun.jna.platform.win32.COM.WbemcliUtil;
import com.sun.jna.platform.win32.WinError;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeoutException;

/**
 * The raw rows of WMI {@code Win32_QuickFixEngineering}, read inside the {@link ComRuntime}'s apartment
 * (WbemcliUtil releases its services, enumerator and objects itself). A failure or timeout is a
 * {@link ComFailure}. Windows only.
 */
final class WmiQuickFixEngineering {

    /** The WMI properties read; the constant names are the WMI property names. */
    enum QuickFixProperty { HotFixID, InstalledOn }

    private static final int TIMEOUT_MILLIS = 60_000;

    private final ComRuntime com;

    WmiQuickFixEngineering(ComRuntime com) {
        this.com = com;
    }

    List<QuickFixRow> read() {
        String what = "WMI Win32_QuickFixEngineering";
        return com.call(what, scope -> {
            try {
                WbemcliUtil.WmiResult<QuickFixProperty> result =
                    new WbemcliUtil.WmiQuery<>("Win32_QuickFixEngineering", QuickFixProperty.class).execute(TIMEOUT_MILLIS);
                List<QuickFixRow> rows = new ArrayList<>(result.getResultCount());
                for (int row = 0; row < result.getResultCount(); row++) {
                    rows.add(new QuickFixRow(text(result.getValue(QuickFixProperty.HotFixID, row)),
                        text(result.getValue(QuickFixProperty.InstalledOn, row))));
                }
                return rows;
            } catch (TimeoutException e) {
                throw new ComFailure(what, WinError.WAIT_TIMEOUT, "no answer within " + TIMEOUT_MILLIS / 1000 + " s", e);
            }
        });
    }

    private static String text(Object value) {
        return value instanceof String string ? string : null;
    }
}
