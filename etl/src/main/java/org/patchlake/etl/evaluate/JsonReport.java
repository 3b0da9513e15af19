package org.patchlake.etl.evaluate;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import org.patchlake.core.catalog.Update;
import org.patchlake.core.inventory.InventoryOs;
import org.patchlake.core.state.ComplianceCounts;
import org.patchlake.core.state.PlannedInstall;

/** {@code --format json}: one object with the catalog and a "machines" array. */
final class JsonReport {
    private JsonReport() {
    }

    static void write(String catalogDescription, List<MachineEvaluation> evaluations, OutputStream out) throws IOException {
        try (JsonGenerator json = new JsonFactory().createGenerator(out, JsonEncoding.UTF8)) {
            json.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
            json.useDefaultPrettyPrinter();
            json.writeStartObject();
            json.writeStringField("catalog", catalogDescription);
            json.writeArrayFieldStart("machines");
            for (MachineEvaluation evaluation : evaluations) {
                machine(evaluation, json);
            }
            json.writeEndArray();
            json.writeEndObject();
        }
        out.write('\n');
        out.flush();
    }

    private static void machine(MachineEvaluation evaluation, JsonGenerator json) throws IOException {
        json.writeStartObject();
        json.writeStringField("machine", evaluation.name());
        strings(json, "files", evaluation.files());
        json.writeBooleanField("evaluated", evaluation.evaluated());
        if (!evaluation.error().isEmpty()) {
            json.writeStringField("error", evaluation.error());
        }
        if (evaluation.machine() != null) {
            json.writeStringField("host", evaluation.machine().hostName());
            InventoryOs os = evaluation.machine().os();
            if (os != null) {
                json.writeObjectFieldStart("os");
                json.writeStringField("name", os.name());
                json.writeStringField("version", os.version());
                json.writeNumberField("build", os.build());
                json.writeNumberField("servicePack", os.servicePack());
                json.writeStringField("architecture", os.architecture().name().toLowerCase(java.util.Locale.ROOT));
                json.writeEndObject();
            }
            json.writeNumberField("installedKbCount", evaluation.machine().installedKbs().size());
        }
        if (evaluation.products() != null) {
            json.writeStringField("product", evaluation.products().osProduct());
            strings(json, "components", evaluation.products().components());
            strings(json, "notes", evaluation.products().notes());
        }
        if (evaluation.evaluated()) {
            counts(json, "updateCounts", evaluation.updateCounts());
            counts(json, "bulletinCounts", evaluation.bulletinCounts());
            strings(json, "evaluationNotes", evaluation.notes());
            json.writeNumberField("installedThroughSupersedence", evaluation.installedThroughSupersedence());
            plan(evaluation, json);
            windowsUpdate(evaluation.windowsUpdate(), json);
            json.writeArrayFieldStart("required");
            for (Update update : evaluation.required()) {
                json.writeStartObject();
                json.writeStringField("kb", update.kb());
                json.writeStringField("bulletin", update.bulletinId());
                json.writeStringField("product", update.product());
                json.writeStringField("severity", update.severity().label());
                json.writeStringField("impact", update.impact());
                strings(json, "cves", update.cves());
                json.writeBooleanField("exploited", update.exploited());
                json.writeStringField("released", update.released().toString());
                json.writeBooleanField("superseded", evaluation.isSuperseded(update));
                if (evaluation.fixedBy(update).isPresent()) {
                    json.writeStringField("fixedBy", evaluation.fixedBy(update).get());
                }
                json.writeEndObject();
            }
            json.writeEndArray();
        }
        json.writeEndObject();
    }

    private static void plan(MachineEvaluation evaluation, JsonGenerator json) throws IOException {
        json.writeObjectFieldStart("installPlan");
        json.writeStringField("summary", evaluation.plan().summary());
        json.writeNumberField("fixes", evaluation.plan().targets());
        json.writeArrayFieldStart("installs");
        for (PlannedInstall install : evaluation.plan().installs()) {
            json.writeStartObject();
            json.writeStringField("kb", install.kb());
            json.writeStringField("released", install.released().toString());
            strings(json, "products", install.products());
            json.writeNumberField("fixes", install.covers().size());
            json.writeArrayFieldStart("fixed");
            for (Update update : install.covers()) {
                json.writeStartObject();
                json.writeStringField("kb", update.kb());
                json.writeStringField("product", update.product());
                json.writeEndObject();
            }
            json.writeEndArray();
            json.writeEndObject();
        }
        json.writeEndArray();
        json.writeEndObject();
    }

    private static void windowsUpdate(WindowsUpdateCheck check, JsonGenerator json) throws IOException {
        if (check == null) {
            return;
        }
        json.writeObjectFieldStart("windowsUpdate");
        strings(json, "listed", List.copyOf(check.listed()));
        strings(json, "securityUpdates", List.copyOf(check.windowsUpdate()));
        strings(json, "planned", List.copyOf(check.patchlake()));
        strings(json, "agreed", List.copyOf(check.agreed()));
        if (check.agreementPercent().isPresent()) {
            json.writeNumberField("agreementPercent", Math.round(check.agreementPercent().getAsDouble() * 10) / 10.0);
        }
        json.writeEndObject();
    }

    private static void counts(JsonGenerator json, String name, ComplianceCounts counts) throws IOException {
        json.writeObjectFieldStart(name);
        json.writeNumberField("applicable", counts.applicable());
        json.writeNumberField("installed", counts.installed());
        json.writeNumberField("pendingReboot", counts.pendingReboot());
        json.writeNumberField("required", counts.required());
        json.writeNumberField("failed", counts.failed());
        json.writeNumberField("exempt", counts.exempt());
        json.writeNumberField("unknown", counts.unknown());
        if (counts.percent().isPresent()) {
            json.writeNumberField("compliancePercent", Math.round(counts.percent().getAsDouble() * 10) / 10.0);
        }
        if (counts.strictPercent().isPresent()) {
            json.writeNumberField("strictPercent", Math.round(counts.strictPercent().getAsDouble() * 10) / 10.0);
        }
        json.writeEndObject();
    }

    private static void strings(JsonGenerator json, String name, List<String> values) throws IOException {
        json.writeArrayFieldStart(name);
        for (String value : values) {
            json.writeString(value);
        }
        json.writeEndArray();
    }
}
