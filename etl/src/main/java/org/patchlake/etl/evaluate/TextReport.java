package org.patchlake.etl.evaluate;

import java.io.PrintStream;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import org.patchlake.core.catalog.Update;
import org.patchlake.core.inventory.ListedUpdate;
import org.patchlake.core.inventory.OsIdentity;

/** {@code --format text}: a summary per machine with the counts behind every percentage. */
final class TextReport {
    private static final int CVES_SHOWN = 3;

    private TextReport() {
    }

    static void write(String catalogDescription, List<MachineEvaluation> evaluations, PrintStream out) {
        StringBuilder text = new StringBuilder();
        text.append("Catalog: ").append(catalogDescription).append('\n');
        for (MachineEvaluation evaluation : evaluations) {
            text.append('\n').append("== ").append(evaluation.name()).append("  (").append(String.join(", ", evaluation.files())).append(")\n");
            if (evaluation.machine() != null && evaluation.machine().os() != null) {
                OsIdentity os = evaluation.machine().os();
                text.append("   OS: ").append(os.name()).append(", version ").append(os.version())
                        .append(os.servicePack() > 0 ? ", Service Pack " + os.servicePack() : "")
                        .append(", ").append(os.architecture());
                if (!evaluation.machine().hostName().isEmpty()) {
                    text.append(", host ").append(evaluation.machine().hostName());
                }
                text.append('\n');
                text.append("   Installed KBs listed: ").append(evaluation.machine().installedKbs().size()).append('\n');
            }
            if (evaluation.products() != null && evaluation.products().osProduct() != null) {
                text.append("   Product: ").append(evaluation.products().osProduct()).append('\n');
                for (String component : evaluation.products().components()) {
                    text.append("     + ").append(component).append('\n');
                }
                for (String note : evaluation.products().notes()) {
                    text.append("   Note: ").append(note).append('\n');
                }
            }
            if (!evaluation.evaluated()) {
                text.append("   NOT EVALUATED: ").append(evaluation.error()).append('\n');
                continue;
            }
            text.append("   Updates:   ").append(evaluation.updateCounts()).append('\n');
            text.append("   Bulletins: ").append(evaluation.bulletinCounts()).append('\n');
            text.append("   Installed through a superseding update: ").append(evaluation.installedThroughSupersedence()).append(" updates\n");
            List<Update> required = evaluation.required();
            long latest = required.stream().filter(update -> !evaluation.isSuperseded(update)).count();
            text.append("   Required updates: ").append(required.size()).append(" (most severe first, then oldest first; ")
                    .append(latest).append(" not superseded, installing those covers the ").append(required.size() - latest)
                    .append(" marked ~)\n");
            for (Update update : required) {
                text.append(String.format(Locale.ROOT, "   %s %-9s %s  %-10s %s%s  %s%n", evaluation.isSuperseded(update) ? "~" : " ",
                        update.severity().label(), update.released(), update.kb(), update.exploited() ? "[exploited] " : "",
                        cves(update.cves()), update.product()));
            }
            crossCheck(evaluation, required, text);
        }
        out.print(text);
        out.flush();
    }

    /** Compares our required list with the updates Windows Update listed as not installed. */
    private static void crossCheck(MachineEvaluation evaluation, List<Update> required, StringBuilder text) {
        List<ListedUpdate> listed = evaluation.machine().listedNotInstalled();
        if (listed.isEmpty()) {
            return;
        }
        Set<String> listedKbs = new TreeSet<>();
        listed.forEach(update -> listedKbs.addAll(update.kbs()));
        Set<String> requiredKbs = new TreeSet<>();
        required.forEach(update -> requiredKbs.add(update.kb()));
        Set<String> agreed = new TreeSet<>(listedKbs);
        agreed.retainAll(requiredKbs);
        text.append("   Windows Update listed ").append(listedKbs.size()).append(" KBs as not installed; ")
                .append(agreed.size()).append(" of them are required here").append(agreed.isEmpty() ? "" : " " + agreed)
                .append("; the others are not security updates of these products in the catalog\n");
    }

    private static String cves(List<String> cves) {
        if (cves.isEmpty()) {
            return "no CVE";
        }
        String shown = String.join(",", cves.subList(0, Math.min(CVES_SHOWN, cves.size())));
        return cves.size() > CVES_SHOWN ? shown + " (+" + (cves.size() - CVES_SHOWN) + ")" : shown;
    }
}
