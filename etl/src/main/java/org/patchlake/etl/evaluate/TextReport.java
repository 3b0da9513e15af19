package org.patchlake.etl.evaluate;

import java.io.PrintStream;
import java.util.List;
import java.util.Locale;
import org.patchlake.core.catalog.Update;
import org.patchlake.core.inventory.InventoryOs;
import org.patchlake.core.state.PlannedInstall;

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
                InventoryOs os = evaluation.machine().os();
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
            for (String note : evaluation.notes()) {
                text.append("   Note: ").append(note).append('\n');
            }
            text.append("   Updates:   ").append(evaluation.updateCounts()).append('\n');
            text.append("   Bulletins: ").append(evaluation.bulletinCounts()).append('\n');
            text.append("   Installed through a superseding or covering (cumulative) update: ")
                    .append(evaluation.installedThroughSupersedence()).append(" updates\n");
            List<Update> required = evaluation.required();
            long latest = required.stream().filter(update -> !evaluation.isSuperseded(update)).count();
            text.append("   What to install: ").append(evaluation.plan().summary()).append('\n');
            for (PlannedInstall install : evaluation.plan().installs()) {
                text.append(String.format(Locale.ROOT, "     %-10s %s  fixes %d  %s%n", install.kb(), install.released(),
                        install.covers().size(), String.join(", ", install.products())));
            }
            text.append("   Required updates: ").append(required.size()).append(" (most severe first, then oldest first; ")
                    .append(latest).append(" not superseded, installing the plan covers the ").append(required.size() - latest)
                    .append(" marked ~ through the KB after the arrow)\n");
            for (Update update : required) {
                String fixedBy = evaluation.fixedBy(update).map(kb -> "  -> " + kb).orElse("");
                text.append(String.format(Locale.ROOT, "   %s %-9s %s  %-10s %s%s  %s%s%n", evaluation.isSuperseded(update) ? "~" : " ",
                        update.severity().label(), update.released(), update.kb(), update.exploited() ? "[exploited] " : "",
                        cves(update.cves()), update.product(), fixedBy));
            }
            crossCheck(evaluation, text);
        }
        out.print(text);
        out.flush();
    }

    /** Compares the plan with the updates Windows Update listed as not installed. */
    private static void crossCheck(MachineEvaluation evaluation, StringBuilder text) {
        WindowsUpdateCheck check = evaluation.windowsUpdate();
        if (check == null) {
            return;
        }
        text.append("   Windows Update check: ").append(check.summary()).append('\n');
        if (!check.onlyWindowsUpdate().isEmpty()) {
            text.append("     listed by Windows Update, not planned here: ").append(check.onlyWindowsUpdate()).append('\n');
        }
        if (!check.onlyPatchlake().isEmpty()) {
            text.append("     planned here, not listed by Windows Update: ").append(check.onlyPatchlake()).append('\n');
        }
    }

    private static String cves(List<String> cves) {
        if (cves.isEmpty()) {
            return "no CVE";
        }
        String shown = String.join(",", cves.subList(0, Math.min(CVES_SHOWN, cves.size())));
        return cves.size() > CVES_SHOWN ? shown + " (+" + (cves.size() - CVES_SHOWN) + ")" : shown;
    }
}
