package org.patchlake.reports.jasper;

import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.patchlake.core.state.ComplianceCounts;

/**
 * Turns the query layer's row records into the maps Jasper fills from: one entry per record component, named
 * in snake_case like the warehouse column it came from ({@code bulletinId} becomes {@code bulletin_id}).
 * {@link ComplianceCounts} components are flattened into the seven count columns; enums become their names.
 */
public final class ResultRows {
    private ResultRows() {
    }

    public static List<Map<String, Object>> of(List<? extends Record> records) {
        List<Map<String, Object>> rows = new ArrayList<>(records.size());
        for (Record record : records) {
            rows.add(of(record));
        }
        return rows;
    }

    public static Map<String, Object> of(Record record) {
        Map<String, Object> row = new LinkedHashMap<>();
        ComplianceCounts counts = null;
        for (RecordComponent component : record.getClass().getRecordComponents()) {
            Object value;
            try {
                value = component.getAccessor().invoke(record);
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException("cannot read " + record.getClass().getSimpleName() + "." + component.getName(), e);
            }
            if (value instanceof ComplianceCounts c) {
                counts = c;
            } else if (value instanceof Enum<?> e) {
                row.put(snake(component.getName()), e.name());
            } else {
                row.put(snake(component.getName()), value);
            }
        }
        if (counts != null) {
            row.putAll(counts(counts));
        }
        return row;
    }

    /** The seven count columns of a compliance figure. */
    public static Map<String, Object> counts(ComplianceCounts counts) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("applicable", counts.applicable());
        row.put("installed", counts.installed());
        row.put("pending_reboot", counts.pendingReboot());
        row.put("required", counts.required());
        row.put("failed", counts.failed());
        row.put("exempt", counts.exempt());
        row.put("unknown", counts.unknown());
        return row;
    }

    static String snake(String camel) {
        StringBuilder out = new StringBuilder(camel.length() + 4);
        for (char c : camel.toCharArray()) {
            if (Character.isUpperCase(c)) {
                out.append('_').append(Character.toLowerCase(c));
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }
}
