package org.patchlake.core.state;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.patchlake.core.catalog.Update;

/**
 * What to install on one computer: the smallest set of updates (found greedily: each pick fixes the most of what
 * is left) whose installation fixes every update to remediate. Never a superseded or covered update, never an
 * optional release, never one released after the plan's date. Made by {@link InstallPlanner}.
 *
 * @param computerId the computer
 * @param installs   the updates to install, the one fixing most first
 * @param targets    how many updates the plan fixes (the updates to remediate that apply to the computer)
 */
public record InstallPlan(String computerId, List<PlannedInstall> installs, int targets) {
    public InstallPlan {
        requireNonNull(computerId, "computerId is null");
        installs = List.copyOf(installs);
        if (targets < 0) {
            throw new IllegalArgumentException("targets is negative: " + targets);
        }
    }

    /** The KBs to install, in plan order. */
    public List<String> kbs() {
        return installs.stream().map(PlannedInstall::kb).toList();
    }

    /** The planned install that fixes {@code update}, if any. */
    public Optional<PlannedInstall> installFor(Update update) {
        for (PlannedInstall install : installs) {
            if (install.covers().contains(update)) {
                return Optional.of(install);
            }
        }
        return Optional.empty();
    }

    /** "install KB5094127 and KB5093998 to fix these 37", "nothing to install". */
    public String summary() {
        if (installs.isEmpty()) {
            return "nothing to install";
        }
        List<String> kbs = new ArrayList<>(kbs());
        String joined = kbs.size() == 1 ? kbs.get(0)
                : String.join(", ", kbs.subList(0, kbs.size() - 1)) + " and " + kbs.get(kbs.size() - 1);
        return "install " + joined + " to fix " + (targets == 1 ? "this 1" : "these " + targets);
    }
}
