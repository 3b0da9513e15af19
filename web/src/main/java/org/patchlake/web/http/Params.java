package org.patchlake.web.http;

import io.javalin.http.Context;

import java.time.LocalDate;
import java.util.Collection;

/** Reading request parameters (query or form) with checks that name the parameter when they fail. */
public final class Params {
    public static final int MAX_TEXT = 2000;

    private Params() {
    }

    /** A query or form parameter, trimmed; null when absent or blank. */
    public static String optional(Context ctx, String name) {
        String value = ctx.queryParam(name);
        if (value == null && isForm(ctx)) {
            value = ctx.formParam(name);
        }
        if (value == null) {
            return null;
        }
        value = value.trim();
        if (value.length() > MAX_TEXT) {
            throw new BadParameterException(name, name + " is longer than " + MAX_TEXT + " characters");
        }
        return value.isEmpty() ? null : value;
    }

    private static boolean isForm(Context ctx) {
        String type = ctx.contentType();
        return type != null && (type.startsWith("application/x-www-form-urlencoded") || type.startsWith("multipart/form-data"));
    }

    public static String required(Context ctx, String name) {
        String value = optional(ctx, name);
        if (value == null) {
            throw new BadParameterException(name, name + " is required");
        }
        return value;
    }

    public static String oneOf(Context ctx, String name, Collection<String> allowed) {
        String value = optional(ctx, name);
        if (value != null && !allowed.contains(value)) {
            throw new BadParameterException(name, name + " must be one of " + allowed + ", was '" + value + "'");
        }
        return value;
    }

    /** A report or audit date, bounded by {@link TimeParameters#date}. */
    public static LocalDate date(Context ctx, String name) {
        String value = optional(ctx, name);
        return value == null ? null : TimeParameters.date(name, value, TimeParameters.now(ctx));
    }

    /** A required value from any source (form, JSON), trimmed and length-checked. */
    public static String requiredValue(String name, String value) {
        if (value == null || value.isBlank()) {
            throw new BadParameterException(name, name + " is required");
        }
        if (value.length() > MAX_TEXT) {
            throw new BadParameterException(name, name + " is longer than " + MAX_TEXT + " characters");
        }
        return value.trim();
    }

    public static Integer integer(Context ctx, String name, int min, int max) {
        String value = optional(ctx, name);
        return value == null ? null : integer(name, value, min, max);
    }

    /** The value of parameter {@code name} as a whole number in [min, max], or a 400 naming it. */
    public static int integer(String name, String value, int min, int max) {
        try {
            int number = Integer.parseInt(value);
            if (number < min || number > max) {
                throw new BadParameterException(name, name + " must be between " + min + " and " + max + ", was " + number);
            }
            return number;
        } catch (NumberFormatException e) {
            throw new BadParameterException(name, name + " is not a whole number: '" + abbreviate(value) + "'");
        }
    }

    public static double decimal(Context ctx, String name, double min, double max) {
        String value = required(ctx, name);
        try {
            double number = Double.parseDouble(value);
            if (!(number >= min && number <= max)) {
                throw new BadParameterException(name, name + " must be between " + min + " and " + max + ", was " + value);
            }
            return number;
        } catch (NumberFormatException e) {
            throw new BadParameterException(name, name + " is not a number: '" + value + "'");
        }
    }

    /** A path id (computer, bulletin): limited to characters ids are made of. */
    public static String pathId(Context ctx, String name) {
        String value = ctx.pathParam(name);
        if (value.isEmpty() || value.length() > 200 || !value.matches("[A-Za-z0-9_.:|\\- ]+")) {
            throw new BadParameterException(name, name + " is not a valid id: '" + abbreviate(value) + "'");
        }
        return value;
    }

    public static String abbreviate(String value) {
        return value.length() <= 60 ? value : value.substring(0, 60) + "...";
    }
}
