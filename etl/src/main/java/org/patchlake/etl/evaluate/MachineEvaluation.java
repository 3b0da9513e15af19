package org.patchlake.etl.evaluate;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.patchlake.core.catalog.Update;
import org.patchlake.core.inventory.IdentifiedProducts;
import org.patchlake.core.inventory.MachineInventory;
import org.patchlake.core.state.ComplianceCounts;
import org.patchlake.core.state.ComputerStates;
import org.patchlake.core.state.InstallPlan;
import org.patchlake.core.state.PlannedInstall;
import org.patchlake.core.state.UpdateState;
import org.patchlake.core.state.UpdateStateResult;

/**
 * The evaluation of one machine: its inventory, products, derived states and what to install, or why it could not
 * be evaluated.
 *
 * @param name     the machine (file name prefix shared by its files)
 * @param files    its files as given on the command line; the first is the one its OS identity came from
 * @param machine  merged inventory, null when its file could not be parsed
 * @param products identified catalog products (null when the machine has no OS identity)
 * @param states   derived states (null when not evaluated)
 * @param plan     what to install to fix its required updates (null when not evaluated)
 * @param error    why it was not evaluated, else ""
 * @param notes    what the evaluation left out (installs after the as-of day), may be empty
 * @param windowsUpdate the comparison with the machine's Windows Update list, null when it has none or was not evaluated
 */
public record MachineEvaluation(String name, List<String> files, MachineInventory machine, IdentifiedProducts products,
        ComputerStates states, InstallPlan plan, String error, List<String> notes, WindowsUpdateCheck windowsUpdate) {
    /** Most severe first, then oldest release first (longest exposed), then KB and product. */
    public static final Comparator<Update> REQUIRED_ORDER = Comparator
            .comparingInt((Update update) -> -update.severity().rank())
            .thenComparing(Update::released)
            .thenComparing(Update::kb)
            .thenComparing(Update::product);

    public MachineEvaluation {
        requireNonNull(name, "name is null");
        files = List.copyOf(files);
        requireNonNull(error, "error is null");
        notes = List.copyOf(notes);
    }

    public boolean evaluated() {
        return states != null;
    }

    /** A file that could not be parsed. */
    static MachineEvaluation unparseable(String file, String error) {
        return new MachineEvaluation(java.nio.file.Path.of(file).getFileName().toString(), List.of(file), null, null, null, null,
                error, List.of(), null);
    }

    /** A parsed machine: its files with the systeminfo first. */
    static MachineEvaluation of(MachineInventory machine, IdentifiedProducts products, ComputerStates states, InstallPlan plan,
            String error, List<String> notes, WindowsUpdateCheck windowsUpdate) {
        List<String> files = new ArrayList<>();
        machine.files().stream().filter(file -> file.os() != null).forEach(file -> files.add(file.sourceFile()));
        machine.files().stream().filter(file -> file.os() == null).forEach(file -> files.add(file.sourceFile()));
        return new MachineEvaluation(machine.machine(), files, machine, products, states, plan, error, notes, windowsUpdate);
    }

    /** The file the identity came from (its systeminfo), else the first file. */
    public String primaryFile() {
        return files.get(0);
    }

    public List<Update> required() {
        if (states == null) {
            return List.of();
        }
        return states.updates().stream()
                .filter(result -> result.state() == UpdateState.REQUIRED || result.state() == UpdateState.FAILED)
                .map(UpdateStateResult::update)
                .sorted(REQUIRED_ORDER)
                .toList();
    }

    /** The planned install that fixes {@code update} when that is another KB (installing it covers this one). */
    public Optional<String> fixedBy(Update update) {
        if (plan == null) {
            return Optional.empty();
        }
        return plan.installFor(update).map(PlannedInstall::kb).filter(kb -> !kb.equals(update.kb()));
    }

    /** Whether a later update supersedes or covers this required one, so installing the plan fixes it without it. */
    public boolean isSuperseded(Update update) {
        return fixedBy(update).isPresent();
    }

    public long installedThroughSupersedence() {
        return states == null ? 0 : states.updates().stream().filter(result -> result.installedViaKb() != null).count();
    }

    public ComplianceCounts updateCounts() {
        return states == null ? ComplianceCounts.EMPTY : states.updateCounts();
    }

    public ComplianceCounts bulletinCounts() {
        return states == null ? ComplianceCounts.EMPTY : states.bulletinCounts();
    }
}
