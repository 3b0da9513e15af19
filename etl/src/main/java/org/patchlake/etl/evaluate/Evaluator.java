package org.patchlake.etl.evaluate;

import static java.util.Objects.requireNonNull;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.patchlake.core.catalog.Catalog;
import org.patchlake.core.inventory.IdentifiedProducts;
import org.patchlake.core.inventory.Inventory;
import org.patchlake.core.inventory.InventoryParseException;
import org.patchlake.core.inventory.InventoryParser;
import org.patchlake.core.inventory.MachineGrouping;
import org.patchlake.core.inventory.MachineInventory;
import org.patchlake.core.inventory.ProductIdentifier;
import org.patchlake.core.state.ComputerFacts;
import org.patchlake.core.state.ComputerStates;
import org.patchlake.core.state.UpdateState;
import org.patchlake.core.state.UpdateStateResult;
import org.patchlake.core.state.StateDeriver;
import org.patchlake.core.state.StatePolicy;

/**
 * Parses inventory files, merges the files of one machine, identifies its products and derives every
 * applicable update's state with the one state implementation ({@link StateDeriver}). Each machine is taken
 * as scanned at evaluation time (the files are the current inventory), so no state is UNKNOWN; evaluate knows
 * no exceptions, deliveries or pending restarts.
 */
public final class Evaluator {
    private final Catalog catalog;
    private final StateDeriver deriver;
    private final ProductIdentifier identifier;

    public Evaluator(Catalog catalog) {
        this.catalog = requireNonNull(catalog, "catalog is null");
        this.deriver = new StateDeriver(catalog, StatePolicy.defaults());
        this.identifier = new ProductIdentifier(catalog.products());
    }

    /** Evaluates files; unparseable files come back as machines with an error, never as an exception. */
    public List<MachineEvaluation> evaluate(List<Path> files, boolean separate, Instant now) {
        List<Inventory> parsed = new ArrayList<>();
        List<MachineEvaluation> evaluations = new ArrayList<>();
        for (Path file : files) {
            try {
                parsed.add(InventoryParser.parse(file));
            } catch (InventoryParseException | java.io.UncheckedIOException e) {
                evaluations.add(MachineEvaluation.unparseable(file.toString(), e.getMessage()));
            }
        }
        List<MachineInventory> machines = separate ? MachineGrouping.separately(parsed) : MachineGrouping.group(parsed);
        for (MachineInventory machine : machines) {
            evaluations.add(evaluate(machine, now));
        }
        return evaluations;
    }

    public MachineEvaluation evaluate(MachineInventory machine, Instant now) {
        if (machine.os() == null) {
            return MachineEvaluation.of(machine, null, null, "machine " + machine.machine() + " (" + String.join(", ", machine.sourceFiles())
                    + "): no systeminfo, so no OS to identify; give its systeminfo file too", Set.of());
        }
        IdentifiedProducts products = identifier.identify(machine.os());
        if (!products.inCatalog()) {
            return MachineEvaluation.of(machine, products, null, "machine " + machine.machine() + ": "
                    + String.join("; ", products.notes()), Set.of());
        }
        Set<String> productNames = new LinkedHashSet<>(products.catalogProducts());
        ComputerFacts facts = ComputerFacts.scanned(machine.machine(), productNames, machine.installedKbs(), now);
        ComputerStates states = deriver.derive(facts, now);
        Set<String> superseded = new java.util.HashSet<>();
        for (UpdateStateResult result : states.updates()) {
            if (result.state() == UpdateState.REQUIRED || result.state() == UpdateState.FAILED) {
                if (!catalog.supersedersOf(result.update().kb(), result.update().product()).isEmpty()) {
                    superseded.add(result.update().updateId());
                }
            }
        }
        return MachineEvaluation.of(machine, products, states, "", superseded);
    }
}
