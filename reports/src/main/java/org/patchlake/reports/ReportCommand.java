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
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.patchlake.cli.CommandMain;
import org.patchlake.cli.Commands;
import org.patchlake.cli.HelpOption;
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
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code ./patchlake report NAME --data DIR --format pdf|html|xlsx|csv --out FILE [--param k=v ...]} renders one
 * report for scripting. Options: {@code --link-base URL} (prefix of drill-down links, default none: links relative
 * to the web root), {@code --locale en-US}, {@code --time-zone UTC}, {@code --regions A,B} / {@code --sites X,Y}
 * (render as a regional viewer would see it; default every region).
 */
@Command(name = Commands.REPORT, description = Commands.REPORT_SUMMARY, sortOptions = false)
public final class ReportCommand implements Callable<Integer> {
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

        /** Parses a command line (as after {@code ./patchlake report}); throws naming the option that is wrong. */
        static Options parse(String... args) {
            ReportCommand command = new ReportCommand();
            new CommandLine(command).parseArgs(args);
            return command.options();
        }
    }

    @Mixin
    HelpOption help;

    @Parameters(paramLabel = "NAME", description = "The report: ${COMPLETION-CANDIDATES}.", completionCandidates = ReportNames.class)
    String name;

    @Option(names = "--data", paramLabel = "DIR", defaultValue = "data", description = "Data directory. Default: ${DEFAULT-VALUE}.")
    Path data;

    @Option(names = "--format", paramLabel = "FORMAT", required = true, description = "pdf, html, xlsx or csv.")
    String format;

    @Option(names = "--out", paramLabel = "FILE", required = true, description = "Where to write it (replaced atomically).")
    Path out;

    @Option(names = "--param", paramLabel = "K=V", description = "A report parameter, e.g. --param bulletin=MS08-067 (repeatable).")
    List<String> parameters = new ArrayList<>();

    @Option(names = "--link-base", paramLabel = "URL", defaultValue = "",
            description = "Prefix of drill-down links (default none: relative to the web root).")
    String linkBase;

    @Option(names = "--locale", paramLabel = "TAG", defaultValue = "en-US", description = "Default: ${DEFAULT-VALUE}.")
    String locale;

    @Option(names = "--time-zone", paramLabel = "ZONE", defaultValue = "UTC", description = "Default: ${DEFAULT-VALUE}.")
    String timeZone;

    @Option(names = "--regions", paramLabel = "A,B", split = ",", description = "Render as a viewer of these regions would see it.")
    Set<String> regions = new TreeSet<>();

    @Option(names = "--sites", paramLabel = "X,Y", split = ",", description = "Render as a viewer of these sites would see it.")
    Set<String> sites = new TreeSet<>();

    /** The report names, for the help. */
    static final class ReportNames implements Iterable<String> {
        @Override
        public java.util.Iterator<String> iterator() {
            return Arrays.stream(ReportTemplate.values()).map(ReportTemplate::reportName).iterator();
        }
    }

    public static void main(String[] args) {
        CommandMain.exit(Commands.REPORT, new ReportCommand(), args);
    }

    Options options() {
        ReportTemplate template = ReportTemplate.byName(name);
        Map<String, String> values = new LinkedHashMap<>();
        for (String parameter : parameters) {
            int equals = parameter.indexOf('=');
            if (equals <= 0) {
                throw new IllegalArgumentException("--param needs k=v, got '" + parameter + "'");
            }
            values.put(parameter.substring(0, equals).trim(), parameter.substring(equals + 1).trim());
        }
        Scope scope = regions.isEmpty() && sites.isEmpty() ? Scope.all() : Scope.of(regions, sites);
        return new Options(template, data, ExportFormat.parse(format), out, values, linkBase, Locale.forLanguageTag(locale),
                ZoneId.of(timeZone), scope);
    }

    @Override
    public Integer call() throws IOException {
        Options options = options();
        long start = System.nanoTime();
        render(options);
        System.err.printf("report %s: wrote %s (%s) in %d ms%n", options.template().reportName(), options.out(),
                options.format().extension(), (System.nanoTime() - start) / 1_000_000);
        return 0;
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
            // written beside the target and renamed into place, so a reader never sees half a report
            Path temporary = parent.resolve("." + options.out().getFileName() + ".partial");
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
