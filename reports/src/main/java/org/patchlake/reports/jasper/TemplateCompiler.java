package org.patchlake.reports.jasper;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import net.sf.jasperreports.engine.JRException;
import net.sf.jasperreports.engine.JasperCompileManager;
import net.sf.jasperreports.engine.JasperReport;
import net.sf.jasperreports.engine.SimpleJasperReportsContext;
import net.sf.jasperreports.engine.util.JRSaver;

/**
 * Build-time step (Maven process-classes): compiles every template once into a {@code .jasper} file beside its
 * {@code .jrxml} in the output directory, so a running process only deserializes them ({@link TemplateCache}).
 * Usage: {@code TemplateCompiler OUTPUT_CLASSES_DIR}.
 */
public final class TemplateCompiler {
    private TemplateCompiler() {
    }

    public static void main(String[] args) throws IOException, JRException {
        if (args.length != 1) {
            throw new IllegalArgumentException("usage: TemplateCompiler OUTPUT_CLASSES_DIR");
        }
        Path output = Path.of(args[0]);
        SimpleJasperReportsContext context = new SimpleJasperReportsContext();
        long total = System.nanoTime();
        for (ReportTemplate template : ReportTemplate.values()) {
            long start = System.nanoTime();
            Path jrxml = output.resolve(template.resourcePath());
            Path compiled = output.resolve(TemplateCache.compiledPath(template));
            if (Files.exists(compiled) && Files.getLastModifiedTime(compiled).compareTo(Files.getLastModifiedTime(jrxml)) > 0) {
                continue; // up to date: the build copies a .jrxml only when its source changed
            }
            JasperReport report;
            try (InputStream in = Files.newInputStream(jrxml)) {
                report = JasperCompileManager.getInstance(context).compile(in);
            } catch (JRException e) {
                throw new JRException("template " + jrxml + ": " + e.getMessage(), e);
            }
            try (OutputStream out = Files.newOutputStream(compiled)) {
                JRSaver.saveObject(report, out);
            }
            System.out.printf("compiled %-60s %5d ms%n", template.resourcePath(), (System.nanoTime() - start) / 1_000_000);
        }
        System.out.printf("compiled %d templates in %d ms%n", ReportTemplate.values().length, (System.nanoTime() - total) / 1_000_000);
    }
}
