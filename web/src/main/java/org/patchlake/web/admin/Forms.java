package org.patchlake.web.admin;

import io.javalin.http.Context;
import org.patchlake.web.http.BadParameterException;

import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.stream.Collectors;

import static org.patchlake.web.pages.Html.h;

/** Small helpers for administration forms. */
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

    static String notice(Context ctx) {
        String done = ctx.queryParam("done");
        return done == null ? "" : "<p class=\"notice\" id=\"notice\">" + h(done.length() > 200 ? done.substring(0, 200) : done) + "</p>";
    }

    static String field(String label, String name, String value, String type) {
        return "<label>" + h(label) + " <input name=\"" + name + "\" type=\"" + type + "\" value=\"" + h(value) + "\"></label>";
    }

    static String select(String label, String name, Iterable<String> options, String selected, boolean allowEmpty) {
        StringBuilder html = new StringBuilder("<label>").append(h(label)).append(" <select name=\"").append(name).append("\">");
        if (allowEmpty) {
            html.append("<option value=\"\">–</option>");
        }
        for (String option : options) {
            html.append("<option").append(option.equals(selected) ? " selected" : "").append('>').append(h(option)).append("</option>");
        }
        return html.append("</select></label>").toString();
    }
}
