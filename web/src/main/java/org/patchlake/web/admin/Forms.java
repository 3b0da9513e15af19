package org.patchlake.web.admin;

import io.javalin.http.Context;
import org.patchlake.web.http.BadParameterException;

import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.stream.Collectors;

/** Small helpers for reading administration forms (their markup is in the {@code forms/*.jte} templates). */
final class Forms {
    private Forms() {
    }

    static Set<String> commaList(Context ctx, String name) {
        String value = ctx.formParam(name);
        if (value == null || value.isBlank()) {
            return Set.of();
        }
        if (value.length() > 4000) {
            throw new BadParameterException(name, name + " is too long");
        }
        return Arrays.stream(value.split(",")).map(String::trim).filter(s -> !s.isEmpty())
                .collect(Collectors.toCollection(LinkedHashSet::new));
    }

    static boolean checkbox(Context ctx, String name) {
        String value = ctx.formParam(name);
        return value != null && !value.equals("false");
    }
}
