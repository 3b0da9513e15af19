package org.patchlake.reports.jasper;

import static java.util.Objects.requireNonNull;

import gg.jte.Content;
import gg.jte.ContentType;
import gg.jte.TemplateEngine;
import gg.jte.output.StringOutput;
import java.util.Map;

/**
 * The HTML around the pages Jasper exports ({@code src/main/jte/jasper/*.jte}: precompiled at build time, every value
 * auto-escaped for its place, so a report named {@code <b>"x"</b>} shows as text). Jasper wants the part before and the
 * part after its pages as two strings: the frame is rendered once with a marker where the pages go and cut there.
 */
final class ReportHtmlFrame {
    /** Where the generated template classes live (jte-maven-plugin's {@code packageName} in this module's pom). */
    static final String TEMPLATE_PACKAGE = "org.patchlake.reports.html";
    private static final String PAGES = "<!--patchlake-report-pages-->";

    /** The HTML before the first page, after the last, and between two pages. */
    record Parts(String header, String footer, String betweenPages) {
        Parts {
            requireNonNull(header, "header is null");
            requireNonNull(footer, "footer is null");
            requireNonNull(betweenPages, "betweenPages is null");
        }
    }

    private final TemplateEngine templates;

    ReportHtmlFrame() {
        this.templates = TemplateEngine.createPrecompiled(null, ContentType.Html, ReportHtmlFrame.class.getClassLoader(), TEMPLATE_PACKAGE);
    }

    Parts around(String title) {
        Content pages = output -> output.writeContent(PAGES);
        String frame = render("jasper/ReportHtmlFrame.jte", Map.of("title", requireNonNull(title, "title is null"), "pages", pages));
        int cut = frame.indexOf(PAGES);
        return new Parts(frame.substring(0, cut), frame.substring(cut + PAGES.length()).strip(), render("jasper/ReportHtmlPageBreak.jte", Map.of()).strip());
    }

    private String render(String template, Map<String, Object> parameters) {
        StringOutput output = new StringOutput();
        templates.render(template, parameters, output);
        return output.toString();
    }
}
