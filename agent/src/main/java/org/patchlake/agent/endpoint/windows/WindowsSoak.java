package org.patchlake.agent.endpoint.windows;

import com.sun.jna.Platform;
import java.time.Clock;

/**
 * The first-run soak of the COM and WMI paths (agent/README.md, checklist): reads the Windows Update history and
 * Win32_QuickFixEngineering {@code --iterations} times (default 1,000) and runs {@code --searches} Windows Update
 * searches (default 0; each takes minutes), printing progress every 100 iterations with the process id, so handle
 * count and private bytes can be watched ({@code Get-Process -Id PID | Select HandleCount, PrivateMemorySize64}).
 * Both must level off. Windows only.
 *
 * <p>{@code java -cp patchlake-agent-VERSION-shaded.jar org.patchlake.agent.endpoint.windows.WindowsSoak --iterations 1000}
 */
public final class WindowsSoak {

    private WindowsSoak() {
    }

    public static void main(String[] args) {
        if (!Platform.isWindows()) {
            System.err.println("WindowsSoak runs on Windows only");
            System.exit(2);
        }
        int iterations = 1000;
        int searches = 0;
        for (int index = 0; index + 1 < args.length; index += 2) {
            switch (args[index]) {
                case "--iterations" -> iterations = Integer.parseInt(args[index + 1]);
                case "--searches" -> searches = Integer.parseInt(args[index + 1]);
                default -> throw new IllegalArgumentException("unknown argument '" + args[index] + "'");
            }
        }
        ComRuntime com = new ComRuntime();
        WindowsUpdateAgentHistory history = new WindowsUpdateAgentHistory(com);
        WmiQuickFixEngineering quickFixes = new WmiQuickFixEngineering(com);
        long pid = ProcessHandle.current().pid();
        System.out.println("pid " + pid + ": " + iterations + " history + WMI reads, " + searches + " searches");
        for (int iteration = 1; iteration <= iterations; iteration++) {
            int entries = history.read().size();
            int rows = quickFixes.read().size();
            if (iteration % 100 == 0 || iteration == iterations) {
                System.out.printf("iteration %d: %d history entries, %d QFE rows, heap %d MiB (pid %d)%n", iteration, entries,
                    rows, (Runtime.getRuntime().totalMemory() - Runtime.getRuntime().freeMemory()) >> 20, pid);
            }
        }
        WindowsUpdateSearcher searcher = new WindowsUpdateSearcher(com);
        for (int search = 1; search <= searches; search++) {
            var verdict = WindowsUpdateSearches.run(searcher, null, Clock.systemUTC());
            System.out.printf("search %d: %s, %d missing (pid %d)%n", search,
                verdict.completed() ? "completed" : "failed " + verdict.errorCode(), verdict.missing().size(), pid);
        }
    }
}
