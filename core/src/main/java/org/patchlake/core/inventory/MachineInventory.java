package org.patchlake.core.inventory;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The inventory of one machine, merged from the files that describe it (systeminfo + wmic qfe + update
 * list with the same name prefix).
 *
 * @param machine   the name prefix shared by its files ("7_sp1_x64_enterprise_en-us_20190305")
 * @param files     the parsed files, in the order given
 * @param os        OS identity from its systeminfo, null when it has none
 * @param hostName  first host name any file states, else ""
 * @param installed union of the installed KBs of all files (a KB any file lists counts as installed), with
 *                  the earliest install date any file gives
 * @param listedNotInstalled updates the machine's update lists show as offered and not installed
 */
public record MachineInventory(
        String machine,
        List<Inventory> files,
        InventoryOs os,
        String hostName,
        List<InstalledKb> installed,
        List<ListedUpdate> listedNotInstalled) {

    public MachineInventory {
        requireNonNull(machine, "machine is null");
        files = List.copyOf(files);
        requireNonNull(hostName, "hostName is null");
        installed = List.copyOf(installed);
        listedNotInstalled = List.copyOf(listedNotInstalled);
    }

    /** Merges files already known to describe one machine with one OS identity (or none). */
    public static MachineInventory merge(String machine, List<Inventory> files) {
        InventoryOs os = null;
        String host = "";
        Map<String, InstalledKb> installed = new LinkedHashMap<>();
        List<ListedUpdate> listed = new ArrayList<>();
        for (Inventory file : files) {
            if (os == null && file.os() != null) {
                os = file.os();
            }
            if (host.isEmpty()) {
                host = file.hostName();
            }
            for (InstalledKb kb : file.installed()) {
                installed.merge(kb.kb(), kb, MachineInventory::earlier);
            }
            listed.addAll(file.listedNotInstalled());
        }
        return new MachineInventory(machine, files, os, host, List.copyOf(installed.values()), listed);
    }

    public Set<String> installedKbs() {
        Set<String> kbs = new LinkedHashSet<>();
        installed.forEach(kb -> kbs.add(kb.kb()));
        return kbs;
    }

    public List<String> sourceFiles() {
        return files.stream().map(Inventory::sourceFile).toList();
    }

    private static InstalledKb earlier(InstalledKb first, InstalledKb second) {
        if (first.installedOn() == null) {
            return second.installedOn() == null ? first : second;
        }
        if (second.installedOn() != null && second.installedOn().isBefore(first.installedOn())) {
            return second;
        }
        return first;
    }
}
