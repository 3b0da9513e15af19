package org.patchlake.reports.jasper;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.io.InputStream;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import net.sf.jasperreports.engine.JRException;
import net.sf.jasperreports.engine.JRTemplate;
import net.sf.jasperreports.engine.JasperCompileManager;
import net.sf.jasperreports.engine.JasperReport;
import net.sf.jasperreports.engine.JasperReportsContext;
import net.sf.jasperreports.engine.util.JRLoader;
import net.sf.jasperreports.engine.xml.JRXmlTemplateLoader;

/**
 * Loads each template once, on first use, and keeps the compiled report: the {@code .jasper} the build compiled
 * ({@link TemplateCompiler}) when present, else it compiles the {@code .jrxml} (a source checkout run from an IDE) (thread-safe; compiled reports are
 * immutable and shared by concurrent fills). The shared style template is loaded once as well.
 */
public final class TemplateCache {
    private final JasperReportsContext context;
    private final Map<ReportTemplate, JasperReport> compiled = new ConcurrentHashMap<>();
    private final Map<ReportTemplate, Long> compileNanos = new ConcurrentHashMap<>();
    private volatile JRTemplate styles;

    public TemplateCache(JasperReportsContext context) {
        this.context = requireNonNull(context, "context is null");
    }

    public JasperReport report(ReportTemplate template) {
        return compiled.computeIfAbsent(template, this::compile);
    }

    public JRTemplate styles() {
        JRTemplate loaded = styles;
        if (loaded == null) {
            try (InputStream in = open(ReportTemplate.STYLE_TEMPLATE)) {
                loaded = JRXmlTemplateLoader.getInstance(context).loadTemplate(in);
            } catch (IOException | RuntimeException e) {
                throw new ReportException("cannot load style template " + ReportTemplate.STYLE_TEMPLATE + ": " + e.getMessage(), e);
            }
            styles = loaded;
        }
        return loaded;
    }

    /** Nanoseconds the first load (or compile) of the template took, or null when it has not been compiled. */
    public Long compileNanos(ReportTemplate template) {
        return compileNanos.get(template);
    }

    /** Where the build puts the compiled form of a template ({@link TemplateCompiler}). */
    static String compiledPath(ReportTemplate template) {
        return template.resourcePath().replaceFirst("\\.jrxml$", ".jasper");
    }

    private JasperReport compile(ReportTemplate template) {
        long start = System.nanoTime();
        InputStream precompiled = TemplateCache.class.getClassLoader().getResourceAsStream(compiledPath(template));
        if (precompiled != null) {
            try (precompiled) {
                JasperReport report = (JasperReport) JRLoader.loadObject(context, precompiled);
                compileNanos.put(template, System.nanoTime() - start);
                return report;
            } catch (IOException | JRException | RuntimeException e) {
                throw new ReportException("cannot load compiled template " + compiledPath(template) + ": " + e.getMessage(), e);
            }
        }
        try (InputStream in = open(template.resourcePath())) {
            JasperReport report = JasperCompileManager.getInstance(context).compile(in);
            compileNanos.put(template, System.nanoTime() - start);
            return report;
        } catch (IOException | JRException e) {
            throw new ReportException("cannot compile template " + template.resourcePath() + ": " + e.getMessage(), e);
        }
    }

    private static InputStream open(String resource) {
        InputStream in = TemplateCache.class.getClassLoader().getResourceAsStream(resource);
        if (in == null) {
            throw new ReportException("template not on the class path: " + resource);
        }
        return in;
    }
}
