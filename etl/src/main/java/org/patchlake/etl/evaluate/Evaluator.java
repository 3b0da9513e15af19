package org.patchlake.etl.evaluate;

import static java.util.Objects.requireNonNull;

import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.patchlake.core.catalog.Catalog;
import org.patchlake.core.inventory.IdentifiedProducts;
import org.patchlake.core.inventory.InstalledKb;
import org.patchlake.core.inventory.Inventory;
import org.patchlake.core.inventory.InventoryParseException;
import org.patchlake.core.inventory.InventoryParser;
import org.patchlake.core.inventory.MachineGrouping;
import org.patchlake.core.inventory.MachineInventory;
import org.patchlake.core.inventory.ProductIdentifier;
import org.patchlake.core.state.ComputerFacts;
import org.patchlake.core.state.ComputerStates;
import org.patchlake.core.state.InstallPlan;
import org.patchlake.core.state.InstallPlanner;
import org.patchlake.core.state.StateDeriver;
import org.patchlake.core.state.StatePolicy;

/**
 * Parses inventory files, merges the files of one machine, identifies its products, derives every applicable
 * update's state with the one state implementation ({@link StateDeriver}) and plans what to install
 * ({@link InstallPlanner}). Each machine is taken as scanned at evaluation time (the files are the current
 * inventory), so no state is UNKNOWN; evaluate knows no exceptions, deliveries or pending restarts.
 *
 * <p>As of a day ({@code --as-of}): the catalog as it stood that day ({@link Catalog#asOf}), the machine scanned at
 * its end, and KBs its inventory says were installed after it not counted.
 */
public final class Evaluator {
    private final Catalog fullCatalog;
    private final Catalog catalog;
    private final LocalDate asOf;
    private final StateDeriver deriver;
    private final InstallPlanner planner;
    private final ProductIdentifier identifier;

    public Evaluator(Catalog catalog) {
        this(catalog, null);
    }

    /** @param asOf judge the machines as of this day; null for now */
    public Evaluator(Catalog catalog, LocalDate asOf) {
        this.fullCatalog = requireNonNull(catalog, "catalog is null");
        this.asOf = asOf;
        this.catalog = asOf == null ? catalog : catalog.asOf(asOf);
        this.deriver = new StateDeriver(this.catalog, StatePolicy.defaults());
        this.planner = new InstallPlanner(deriver);
        this.identifier = new ProductIdentifier(this.catalog.products());
    }

    /** The end of the as-of day, else {@code now}. */
    public Instant evaluationTime(Instant now) {
        return asOf == null ? now : asOf.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant().minusMillis(1);
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
        Instant at = evaluationTime(now);
        if (machine.os() == null) {
            return MachineEvaluation.of(machine, null, null, null, "machine " + machine.machine() + " (" + String.join(", ", machine.sourceFiles())
                    + "): no systeminfo, so no OS to identify; give its systeminfo file too", List.of(), null);
        }
        IdentifiedProducts products = identifier.identify(machine.os());
        if (!products.inCatalog()) {
            return MachineEvaluation.of(machine, products, null, null, "machine " + machine.machine() + ": "
                    + String.join("; ", products.notes()), List.of(), null);
        }
        List<String> notes = new ArrayList<>();
        Set<String> installed = installedAsOf(machine, notes);
        Set<String> productNames = new LinkedHashSet<>(products.catalogProducts());
        ComputerFacts facts = ComputerFacts.scanned(machine.machine(), productNames, installed, at);
        ComputerStates states = deriver.derive(facts, at);
        InstallPlan plan = planner.plan(facts, states, at);
        WindowsUpdateCheck check = WindowsUpdateCheck.of(machine.listedNotInstalled(), fullCatalog, productNames, plan);
        return MachineEvaluation.of(machine, products, states, plan, "", notes, check);
    }

    /** The machine's installed KBs, without those its inventory dates after the as-of day (named in a note). */
    private Set<String> installedAsOf(MachineInventory machine, List<String> notes) {
        Set<String> installed = new LinkedHashSet<>();
        Set<String> later = new TreeSet<>();
        for (InstalledKb kb : machine.installed()) {
            if (asOf != null && kb.installedOn() != null && kb.installedOn().isAfter(asOf)) {
                later.add(kb.kb());
            } else {
                installed.add(kb.kb());
            }
        }
        if (!later.isEmpty()) {
            notes.add(later.size() + " KB" + (later.size() == 1 ? "" : "s") + " installed after " + asOf
                    + " not counted: " + String.join(", ", later));
        }
        return installed;
    }
}
