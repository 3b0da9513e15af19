package org.patchlake.sample;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Array;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.patchlake.core.catalog.Catalog;
import org.patchlake.reports.query.SnapshotRelations;
import org.patchlake.sample.fleet.FleetGenerator;
import org.patchlake.sample.fleet.FleetMember;

/**
 * The demo's check of its own result, straight from the published snapshot's Parquet files: every computer that reported
 * has update states for each product the generator gave it (its OS product and in-box components such as .NET and
 * Internet Explorer, those with an update released by the end), and no computer's OS was left unresolved. A computer
 * that lost its component products fails the demo, so such a loss is never silent.
 */
public final class DemoSelfCheck {
    /** What the check found: problems (one line each) over the computers that reported. */
    public record Result(int checked, int notReported, List<String> problems) {
        public Result {
            problems = List.copyOf(problems);
        }

        public boolean passed() {
            return problems.isEmpty();
        }

        public String describe() {
            StringBuilder text = new StringBuilder(String.format("%,d computers checked (%,d never reported)", checked, notReported));
            if (passed()) {
                return text.append(": every computer has update states for its OS and in-box products").toString();
            }
            text.append(String.format(": %,d problems, the first %d:", problems.size(), Math.min(20, problems.size())));
            problems.stream().limit(20).forEach(problem -> text.append("\n    ").append(problem));
            return text.toString();
        }
    }

    private final Catalog catalog;
    private final FleetGenerator generator;

    public DemoSelfCheck(Catalog catalog, FleetGenerator generator) {
        this.catalog = requireNonNull(catalog, "catalog is null");
        this.generator = requireNonNull(generator, "generator is null");
    }

    public Result check(Path warehouse, List<FleetMember> fleet, LocalDate end) {
        Map<String, Row> rows = read(SnapshotRelations.current(warehouse));
        Map<String, Boolean> releasedByEnd = new HashMap<>();
        List<String> problems = new ArrayList<>();
        int checked = 0;
        int notReported = 0;
        for (FleetMember member : fleet) {
            Row row = rows.get(member.hostname());
            if (row == null) {
                notReported++;
                continue;
            }
            checked++;
            if (row.unresolvedReason() != null) {
                problems.add(member.hostname() + " (" + row.osProduct() + "): OS not resolved to catalog products: "
                    + row.unresolvedReason());
            }
            Set<String> missing = new LinkedHashSet<>();
            for (String product : generator.productsOf(member.machine().os().product())) {
                boolean released = releasedByEnd.computeIfAbsent(product, name -> catalog.updatesForProduct(name).stream()
                    .anyMatch(update -> !update.released().isAfter(end)));
                if (released && !row.products().contains(product)) {
                    missing.add(product);
                }
            }
            if (!missing.isEmpty()) {
                problems.add(member.hostname() + " (" + member.machine().os().product() + ") has no update states for " + missing);
            }
        }
        return new Result(checked, notReported, problems);
    }

    /** What the snapshot says of known-exploited vulnerabilities (CISA KEV), when one was imported. */
    public record KnownExploited(long kevEntries, long kevCvesInCatalog, long bulletins, long computers) {
        /** The catalog fixes KEV CVEs, yet no computer is vulnerable to one: the demo shows nothing to work on first. */
        public boolean missing() {
            return kevCvesInCatalog > 0 && computers == 0;
        }

        public String describe() {
            return String.format("known exploited (CISA KEV, %,d entries, %,d of their CVEs fixed by catalog updates): %,d"
                + " bulletins with vulnerable computers, %,d computers vulnerable", kevEntries, kevCvesInCatalog, bulletins, computers);
        }
    }

    /** The known-exploited figures of the current snapshot; empty when it holds no KEV table (none imported). */
    public static Optional<KnownExploited> knownExploited(Path warehouse) {
        Path snapshot = SnapshotRelations.current(warehouse);
        Optional<String> kev = SnapshotRelations.of(snapshot, "kev");
        if (kev.isEmpty()) {
            return Optional.empty();
        }
        String sql = resource("demo_known_exploited.sql").replace("{kev}", kev.get())
            .replace("{update_cves}", relation(snapshot, "update_cves")).replace("{update_state}", relation(snapshot, "update_state"));
        try (Connection duckdb = DriverManager.getConnection("jdbc:duckdb:"); Statement statement = duckdb.createStatement();
             ResultSet result = statement.executeQuery(sql)) {
            result.next();
            return Optional.of(new KnownExploited(result.getLong("kev_entries"), result.getLong("kev_cves_in_catalog"),
                result.getLong("bulletins"), result.getLong("computers")));
        } catch (SQLException e) {
            throw new IllegalStateException("self-check: cannot read the snapshot " + snapshot + ": " + e.getMessage(), e);
        }
    }

    private record Row(String osProduct, String unresolvedReason, Set<String> products) {
    }

    private static Map<String, Row> read(Path snapshot) {
        String sql = resource("demo_self_check.sql").replace("{computers}", relation(snapshot, "computers"))
            .replace("{update_state}", relation(snapshot, "update_state"));
        Map<String, Row> rows = new HashMap<>();
        try (Connection duckdb = DriverManager.getConnection("jdbc:duckdb:"); Statement statement = duckdb.createStatement();
             ResultSet result = statement.executeQuery(sql)) {
            while (result.next()) {
                Array products = result.getArray("products");
                Set<String> names = new LinkedHashSet<>();
                if (products != null) {
                    Arrays.stream((Object[]) products.getArray()).forEach(name -> names.add((String) name));
                }
                rows.put(result.getString("hostname"), new Row(result.getString("os_product"),
                    result.getString("os_unresolved_reason"), names));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("self-check: cannot read the snapshot " + snapshot + ": " + e.getMessage(), e);
        }
        return rows;
    }

    private static String relation(Path snapshot, String table) {
        return SnapshotRelations.of(snapshot, table)
            .orElseThrow(() -> new IllegalStateException("self-check: the snapshot " + snapshot + " has no " + table));
    }

    private static String resource(String name) {
        try (InputStream in = DemoSelfCheck.class.getResourceAsStream(name)) {
            return new String(requireNonNull(in, name + " is missing").readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + name, e);
        }
    }
}
