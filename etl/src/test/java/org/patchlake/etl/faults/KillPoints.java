package org.patchlake.etl.faults;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where to kill the ETL: one point drawn from {@code seed} in each of {@code kills - 2} equal stretches of an
 * uninterrupted run's file operations (so every step of the run gets its kills; a single one comes from the first
 * third), plus the two moments of publishing that
 * matter: the snapshot is complete (marker written) but CURRENT not yet switched, and the first operation after the
 * switch (whatever the run does next: retention of old snapshots).
 */
final class KillPoints {
    private static final Pattern TRACE = Pattern.compile("etl-fault-point (\\d+) (\\S+) (\\S+)");

    private KillPoints() {
    }

    static List<Long> choose(String trace, long points, int kills, long seed) {
        long beforeSwitch = first(trace, "create", "/.CURRENT.tmp-");
        long afterSwitch = beforeSwitch + 1;
        if (afterSwitch > points) {
            throw new IllegalStateException("the run does nothing after the switch: the campaign needs old snapshots to prune");
        }
        TreeSet<Long> chosen = new TreeSet<>();
        Random random = new Random(seed);
        int stretches = Math.max(0, kills - 2);
        // a single drawn kill (the build's three) comes from the first third of the run, where a kill costs least
        long span = stretches == 1 ? Math.max(1, points / 3) : points;
        for (int i = 0; i < stretches; i++) {
            long from = 1 + span * i / stretches;
            long to = Math.max(from, span * (i + 1) / stretches);
            long point = from + (long) (random.nextDouble() * (to - from + 1));
            while (point == beforeSwitch || point == afterSwitch || chosen.contains(point)) {
                point = point > 1 ? point - 1 : point + 1;
            }
            chosen.add(point);
        }
        chosen.add(beforeSwitch);
        if (kills > 1) {
            chosen.add(afterSwitch);
        }
        return new ArrayList<>(chosen);
    }

    private static long first(String trace, String operation, String pathPart) {
        Matcher line = TRACE.matcher(trace);
        while (line.find()) {
            if (line.group(2).equals(operation) && line.group(3).contains(pathPart)) {
                return Long.parseLong(line.group(1));
            }
        }
        throw new IllegalStateException("the uninterrupted run has no " + operation + " of *" + pathPart + "*: is "
                + FaultPointFileSystem.class.getSimpleName() + " in use?");
    }
}
