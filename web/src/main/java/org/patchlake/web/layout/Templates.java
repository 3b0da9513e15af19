package org.patchlake.web.layout;

import gg.jte.ContentType;
import gg.jte.TemplateEngine;
import gg.jte.TemplateOutput;
import gg.jte.output.StringOutput;
import gg.jte.output.WriterOutput;

import java.io.Writer;
import java.util.Map;

/**
 * The jte templates under {@code src/main/jte}, compiled to Java at build time (jte-maven-plugin), content type HTML:
 * every {@code ${...}} is escaped for where it stands (text or attribute). No template compiler runs in the server.
 * The engine over precompiled classes is immutable, so one constant serves every page, like a compiled pattern.
 */
public final class Templates {
    private static final TemplateEngine ENGINE = TemplateEngine.createPrecompiled(ContentType.Html);

    private Templates() {
    }

    /** The template {@code name} (e.g. {@code "admin/tokens.jte"}) rendered with its parameters by name. */
    public static String render(String name, Map<String, Object> parameters) {
        StringOutput output = new StringOutput(8192);
        ENGINE.render(name, parameters, output);
        return output.toString();
    }

    /** The same, written straight to {@code writer} (large pages are never held whole). */
    public static void render(String name, Map<String, Object> parameters, Writer writer) {
        ENGINE.render(name, parameters, new WriterOutput(writer));
    }

    /** The same, into another template's output: a body rendered inside the page shell as the shell is written. */
    public static void render(String name, Map<String, Object> parameters, TemplateOutput output) {
        ENGINE.render(name, parameters, output);
    }
}
