package org.patchlake.agent.endpoint.windows;

import com.sun.jna.platform.win32.COM.COMException;
import com.sun.jna.platform.win32.COM.COMLateBindingObject;
import com.sun.jna.platform.win32.COM.IDispatch;
import com.sun.jna.platform.win32.Variant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import org.patchlake.core.protocol.InstalledUpdate;
import org.patchlake.core.protocol.UpdateSource;

/**
 * Successful installs from the Windows Update Agent's history ({@code Microsoft.Update.Session} →
 * {@code CreateUpdateSearcher} → {@code QueryHistory}). Catches updates WMI's QFE list misses (cumulative
 * updates installed through Windows Update). Windows only; COM must be initialised; absent WUA yields nothing.
 */
final class WindowsUpdateAgentHistory {

    private static final int OPERATION_INSTALLATION = 1;
    private static final int RESULT_SUCCEEDED = 2;
    private static final int RESULT_SUCCEEDED_WITH_ERRORS = 3;

    private WindowsUpdateAgentHistory() {
    }

    static List<InstalledUpdate> read() {
        List<InstalledUpdate> updates = new ArrayList<>();
        try {
            AutomationObject session = new AutomationObject("Microsoft.Update.Session");
            AutomationObject searcher = session.call("CreateUpdateSearcher");
            int total = searcher.callInt("GetTotalHistoryCount");
            if (total == 0) {
                return updates;
            }
            AutomationObject history = searcher.call("QueryHistory", new Variant.VARIANT(0), new Variant.VARIANT(total));
            int count = history.property("Count");
            for (int index = 0; index < count; index++) {
                AutomationObject entry = history.call("Item", new Variant.VARIANT(index));
                int operation = entry.property("Operation");
                int result = entry.property("ResultCode");
                if (operation != OPERATION_INSTALLATION
                    || (result != RESULT_SUCCEEDED && result != RESULT_SUCCEEDED_WITH_ERRORS)) {
                    continue;
                }
                String title = entry.text("Title");
                Date date = entry.date("Date");
                UpdateTitles.kb(title).ifPresent(kb -> updates.add(new InstalledUpdate(kb,
                    date == null ? null : LocalDate.ofInstant(date.toInstant(), ZoneOffset.UTC), UpdateSource.WINDOWS_UPDATE)));
            }
        } catch (COMException e) {
            // no Windows Update Agent (Server Core without WUA, or the service is disabled): QFE still answers
            return List.of();
        }
        return updates;
    }

    /** Late-bound IDispatch access; jna-platform keeps the useful calls protected, so they are opened here. */
    private static final class AutomationObject extends COMLateBindingObject {
        AutomationObject(String progId) {
            super(progId, false);
        }

        AutomationObject(IDispatch dispatch) {
            super(dispatch);
        }

        AutomationObject call(String method, Variant.VARIANT... arguments) {
            Variant.VARIANT result = invoke(method, arguments);
            return new AutomationObject((IDispatch) result.getValue());
        }

        int callInt(String method) {
            return invoke(method).intValue();
        }

        int property(String name) {
            return getIntProperty(name);
        }

        String text(String name) {
            return getStringProperty(name);
        }

        Date date(String name) {
            return getDateProperty(name);
        }
    }
}
