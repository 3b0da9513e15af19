package org.patchlake.agent.endpoint.windows;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.function.Supplier;
import org.patchlake.core.protocol.WindowsUpdateVerdict;

/**
 * The last Windows Update verdict with the time of its search: a search takes minutes on a real machine, so it runs
 * at most once per scan interval; a scan in between (after an install, a restart, a rescan action) gets the last
 * verdict, which says when it was searched. A change of what is searched against (online, another scan file)
 * searches again at once. A failed search is kept as well: the interval is also the retry interval.
 */
public final class WindowsUpdateVerdictCache {

    private WindowsUpdateVerdict last;
    private String lastTarget;

    /**
     * @param target what the search runs against ("online", or the scan file's path)
     */
    public synchronized WindowsUpdateVerdict get(Instant now, Duration minimumInterval, String target,
                                                 Supplier<WindowsUpdateVerdict> search) {
        if (last != null && Objects.equals(target, lastTarget) && now.isBefore(last.searchedAt().plus(minimumInterval))
            && !now.isBefore(last.searchedAt())) {
            return last;
        }
        last = search.get();
        lastTarget = target;
        return last;
    }
}
