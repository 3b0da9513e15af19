package org.patchlake.reports;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.patchlake.reports.jasper.ExportFormat;
import org.patchlake.reports.jasper.RenderOptions;
import org.patchlake.reports.jasper.ReportData;
import org.patchlake.reports.jasper.ReportDataSource;
import org.patchlake.reports.jasper.ReportEngine;
import org.patchlake.reports.jasper.ReportRequest;
import org.patchlake.reports.jasper.ReportTemplate;
import org.patchlake.reports.query.QueryLayer;
import org.patchlake.reports.query.Scope;
import org.patchlake.reports.query.Warehouse;
import org.patchlake.reports.sla.BusinessCalendar;

/**
 * {@code ./patchlake report NAME --data DIR --format pdf|html|xlsx|csv --out FILE [--param k=v ...]} renders one
 * report for scripting. Options: {@code --link-base URL} (prefix of drill-down links, default none: links relative
 * to the web root), {@code --locale en-US}, {@code --time-zone UTC}, {@code --regions A,B} / {@code --sites X,Y}
 * (render as a regional viewer would see it; default every region).
 */
public final class ReportCommand {
    /** The command line, read once. */
    record Options(ReportTemplate template, Path data, ExportFormat format, Path out, Map<String, String> parameters,
                   String linkBase, Locale locale, ZoneId timeZone, Scope scope) {
        Options {
            requireNonNull(template, "template is null");
            requireNonNull(data, "data is null");
            requireNonNull(format, "format is null");
            requireNonNull(out, "out is null");
            parameters = Map.copyOf(parameters);
        }

        static Options parse(String... args) {
            if (args.length == 0 || args[0].startsWith("--")) {
                throw new IllegalArgumentException("usage: report NAME --data DIR --format pdf|html|xlsx|csv --out FILE [--param k=v ...]"
                        + "; reports: " + ReportTemplate.names());
            }
            ReportTemplate template = ReportTemplate.byName(args[0]);
            Path data = Path.of("data");
            ExportFormat format = null;
            Path out = null;
            Map<String, String> parameters = new LinkedHashMap<>();
            String linkBase = "";
            Locale locale = Locale.US;
            ZoneId timeZone = ZoneId.of("UTC");
            Set<String> regions = new TreeSet<>();
            Set<String> sites = new TreeSet<>();
            for (int i = 1; i < args.length; i++) {
                String flag = args[i];
                if (i + 1 >= args.length) {
                    throw new IllegalArgumentException("option " + flag + " needs a value");
                }
                String value = args[++i];
                switch (flag) {
                    case "--data" -> data = Path.of(value);
                    case "--format" -> format = ExportFormat.parse(value);
                    case "--out" -> out = Path.of(value);
                    case "--param" -> {
                        int equals = value.indexOf('=');
                        if (equals <= 0) {
                            throw new IllegalArgumentException("--param needs k=v, got '" + value + "'");
                        }
                        parameters.put(value.substring(0, equals).trim(), value.substring(equals + 1).trim());
                    }
                    case "--link-base" -> linkBase = value;
                    case "--locale" -> locale = Locale.forLanguageTag(value);
                    case "--time-zone" -> timeZone = ZoneId.of(value);
                    case "--regions" -> regions.addAll(Arrays.asList(value.split(",")));
                    case "--sites" -> sites.addAll(Arrays.asList(value.split(",")));
                    default -> throw new IllegalArgumentException("unknown option " + flag);
                }
            }
            if (format == null || out == null) {
                throw new IllegalArgumentException("report " + template.reportName() + ": --format and --out are required");
            }
            Scope scope = regions.isEmpty() && sites.isEmpty() ? Scope.all() : Scope.of(regions, sites);
            return new Options(template, data, format, out, parameters, linkBase, locale, timeZone, scope);
        }
    }

    private ReportCommand() {
    }

    public static void main(String[] args) {
        try {
            Options options = Options.parse(args);
            long start = System.nanoTime();
            render(options);
            System.err.printf("report %s: wrote %s (%s) in %d ms%n", options.template().reportName(), options.out(),
                    options.format().extension(), (System.nanoTime() - start) / 1_000_000);
        } catch (IllegalArgumentException e) {
            System.err.println("patchlake report: " + e.getMessage());
            System.exit(2);
        } catch (RuntimeException | IOException e) {
            System.err.println("patchlake report: " + e.getMessage());
            System.exit(1);
        }
    }

    static void render(Options options) throws IOException {
        Path warehouse = options.data().resolve("warehouse");
        if (!Files.exists(warehouse.resolve("CURRENT"))) {
            throw new IOException("no published warehouse snapshot under " + warehouse + " (run ./patchlake etl first)");
        }
        try (QueryLayer queries = new QueryLayer(Warehouse.open(warehouse), BusinessCalendar.saturdaySunday(Set.of()))) {
            ReportData data = new ReportDataSource(queries).load(new ReportRequest(options.template(), options.scope(), options.parameters()));
            RenderOptions render = new RenderOptions(options.locale(), options.timeZone(), options.linkBase(), Instant.now());
            Path parent = options.out().toAbsolutePath().getParent();
            Files.createDirectories(parent);
            Path temporary = Files.createTempFile(parent, ".report-", "." + options.format().extension());
            try (OutputStream out = Files.newOutputStream(temporary)) {
                new ReportEngine().render(options.template(), data, render, options.format(), out);
            } catch (RuntimeException | IOException e) {
                Files.deleteIfExists(temporary);
                throw e;
            }
            Files.move(temporary, options.out(), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        }
    }
}
