package org.patchlake.core.inventory;

import static java.util.Objects.requireNonNull;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * One parsed inventory file.
 *
 * @param sourceFile       the file name as given (used in every message about it)
 * @param format           which command wrote it
 * @param encoding         how its bytes were read
 * @param hostName         host name when the file states it, else ""
 * @param os               OS identity (systeminfo only), else null
 * @param installed        installed hotfixes with a KB id, in file order, without duplicates
 * @param declaredHotfixes the count systeminfo announces ("263 Hotfix(s) Installed."), -1 when not stated
 * @param listedNotInstalled for an update list: the updates Windows Update offered as not installed
 * @param warnings         what the parser noticed but could live with (truncated hotfix list, entries without KB)
 */
public record Inventory(
        String sourceFile,
        InventoryFormat format,
        String encoding,
        String hostName,
        InventoryOs os,
        List<InstalledKb> installed,
        int declaredHotfixes,
        List<ListedUpdate> listedNotInstalled,
        List<String> warnings) {

    public Inventory {
        requireNonNull(sourceFile, "sourceFile is null");
        requireNonNull(format, "format is null");
        requireNonNull(encoding, "encoding is null");
        requireNonNull(hostName, "hostName is null");
        installed = List.copyOf(installed);
        listedNotInstalled = List.copyOf(listedNotInstalled);
        warnings = List.copyOf(warnings);
    }

    public Optional<InventoryOs> osIdentity() {
        return Optional.ofNullable(os);
    }

    /** Installed KB ids in file order. */
    public Set<String> installedKbs() {
        Set<String> kbs = new LinkedHashSet<>();
        installed.forEach(kb -> kbs.add(kb.kb()));
        return kbs;
    }
}
