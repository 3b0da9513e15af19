package org.patchlake.web.http;

import io.javalin.http.Context;

import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.stream.Collectors;

/** Small helpers for reading administration forms (their markup is in the {@code forms/*.jte} templates). */
public final class Forms {
    private Forms() {
    }

    public static Set<String> commaList(Context ctx, String name) {
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

    public static boolean checkbox(Context ctx, String name) {
        String value = ctx.formParam(name);
        return value != null && !value.equals("false");
    }

    /** The numeric path parameter {@code id}; a 400 naming it when it is not a number. */
    public static int pathId(Context ctx) {
        try {
            return Integer.parseInt(ctx.pathParam("id"));
        } catch (NumberFormatException e) {
            throw new BadParameterException("id", "id is not a number: '" + Params.abbreviate(ctx.pathParam("id")) + "'");
        }
    }
}
