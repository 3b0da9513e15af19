package org.patchlake.web.http;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import static java.util.Objects.requireNonNull;

/**
 * What was typed into a form and, after a refused submit, the error and the field it belongs to: the form is drawn
 * again with the values kept and the message next to its field.
 */
public record FormInput(Map<String, String> values, String errorField, String error) {
    public FormInput {
        values = Map.copyOf(requireNonNull(values, "values is null"));
    }

    /** An empty form (first visit). */
    public static FormInput empty() {
        return new FormInput(Map.of(), null, null);
    }

    /** The submitted {@code fields} with the error of a refused submit. */
    public static FormInput refused(Function<String, String> field, List<String> fields, BadParameterException error) {
        Map<String, String> values = new HashMap<>();
        for (String name : fields) {
            String value = field.apply(name);
            if (value != null) {
                values.put(name, value);
            }
        }
        return new FormInput(values, error.parameter(), error.getMessage());
    }

    /** The value typed into {@code field}, "" for none. */
    public String value(String field) {
        return values.getOrDefault(field, "");
    }

    /** The error to show next to {@code field}, null for none. */
    public String error(String field) {
        return field.equals(errorField) ? error : null;
    }

    /** An error that belongs to no field of the form (shown above it), null for none. */
    public String errorElsewhere(List<String> fields) {
        return error != null && !fields.contains(errorField) ? error : null;
    }
}
