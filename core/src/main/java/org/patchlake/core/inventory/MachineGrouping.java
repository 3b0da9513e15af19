package org.patchlake.core.inventory;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Decides which files describe one machine: files whose names share the prefix before "_systeminfo",
 * "_qfe" or "_updates" ("xp_sp3_x86_professional_en-us_systeminfo.txt" + "..._qfe.txt"). A group is merged
 * into one {@link MachineInventory} when its systeminfo files (if several) agree on the OS identity; when
 * they disagree the files are not merged and each file stands for a machine of its own. Files whose names
 * follow no such pattern are machines of their own.
 */
public final class MachineGrouping {
    private static final Pattern KIND_SUFFIX = Pattern.compile("(?i)_(systeminfo|qfe|updates)");

    private MachineGrouping() {
    }

    /** The machine key of a file name: its prefix before the kind suffix, else the name without extension. */
    public static String machineKey(String sourceFile) {
        String name = Path.of(sourceFile).getFileName().toString();
        Matcher suffix = KIND_SUFFIX.matcher(name);
        if (suffix.find() && suffix.start() > 0) {
            return name.substring(0, suffix.start());
        }
        int dot = name.lastIndexOf('.');
        return dot > 0 ? name.substring(0, dot) : name;
    }

    /** Groups parsed files into machines, in the order the machines first appear. */
    public static List<MachineInventory> group(List<Inventory> inventories) {
        Map<String, List<Inventory>> byMachine = new LinkedHashMap<>();
        for (Inventory inventory : inventories) {
            byMachine.computeIfAbsent(machineKey(inventory.sourceFile()), key -> new ArrayList<>()).add(inventory);
        }
        List<MachineInventory> machines = new ArrayList<>();
        for (Map.Entry<String, List<Inventory>> entry : byMachine.entrySet()) {
            if (identitiesAgree(entry.getValue())) {
                machines.add(MachineInventory.merge(entry.getKey(), entry.getValue()));
            } else {
                for (Inventory inventory : entry.getValue()) {
                    machines.add(MachineInventory.merge(Path.of(inventory.sourceFile()).getFileName().toString(), List.of(inventory)));
                }
            }
        }
        return machines;
    }

    /** Each file is a machine of its own (evaluate --separate). */
    public static List<MachineInventory> separately(List<Inventory> inventories) {
        return inventories.stream()
                .map(inventory -> MachineInventory.merge(Path.of(inventory.sourceFile()).getFileName().toString(), List.of(inventory)))
                .toList();
    }

    private static boolean identitiesAgree(List<Inventory> inventories) {
        InventoryOs first = null;
        for (Inventory inventory : inventories) {
            InventoryOs os = inventory.os();
            if (os == null) {
                continue;
            }
            if (first == null) {
                first = os;
            } else if (!first.equals(os)) {
                return false;
            }
        }
        return true;
    }
}
