package org.patchlake.core.catalog;

import java.io.IOException;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.LongConsumer;
import java.util.regex.Pattern;

/**
 * Builds a {@link Catalog} from wesng rows, classifying bad rows into {@link CatalogError}s (one error per
 * problem, so a row can have two). What a row with a problem still contributes:
 * <ul>
 * <li>empty KB, bad date, empty product, malformed: nothing (the row is skipped, the error keeps it);</li>
 * <li>severity empty, "None", "System.Object[]" or unknown: the row is imported with severity Unrated, so its
 * CVE, supersedence, exploit and date still count; an update's severity is the highest over its rows, so an
 * Unrated row never lowers it;</li>
 * <li>impact "System.Object[]": imported with impact "";</li>
 * <li>a Supersedes entry that is not a KB number: the row is imported without that entry ("None" means no
 * supersedence and is not an error);</li>
 * <li>a CVE that is not a CVE or advisory id (the word "CVE", the service-pack ids of Custom files): the
 * row is imported without it (BAD_CVE); "cve-2012-0159" and "CVE20163247" are read as CVE ids.</li>
 * </ul>
 * Severity of an update = the highest over its rows; exploited = any row has Exploits. A KB's release is the most
 * frequent date of its rows, repaired where its rows carry only a re-publication date ({@link ReleaseDateRepair}).
 */
public final class WesngCatalogBuilder {
    private static final String OBJECT_ARRAY = "System.Object[]";
    private static final Pattern SUPERSEDES_SEPARATORS = Pattern.compile("(?:<br>|[;,\\s])+");

    private final Map<String, KbAccumulator> kbs = new LinkedHashMap<>();
    private final Map<String, String> interned = new HashMap<>();
    private final List<CatalogError> errors = new ArrayList<>();
    private final List<CatalogError> rowErrors = new ArrayList<>(4);
    private final ReleaseDateRepair dateRepair = new ReleaseDateRepair();
    private long rowsRead;
    private long rowsSkipped;

    /** Reads a definitions.zip or CSV; {@code progress} gets the number of rows read so far every 50,000 rows. */
    public static CatalogImport read(Path source, LongConsumer progress) throws IOException {
        WesngCatalogBuilder builder = new WesngCatalogBuilder();
        WesngCsvReader reader = new WesngCsvReader(row -> {
            builder.accept(row);
            if (builder.rowsRead % 50_000 == 0) {
                progress.accept(builder.rowsRead);
            }
        }, builder::acceptMalformed);
        List<String> files = reader.read(source);
        return builder.build(source.toString(), files);
    }

    public void acceptMalformed(CatalogError error) {
        rowsRead++;
        rowsSkipped++;
        errors.add(error);
    }

    public void accept(WesngRow row) {
        rowsRead++;
        rowErrors.clear();
        LocalDate date = parseDate(row.datePosted());
        String kb = KbIds.normalize(row.bulletinKb());
        String product = row.affectedProduct().trim();
        if (date == null) {
            rowErrors.add(error(row, CatalogErrorKind.BAD_DATE,
                    "DatePosted is not a date (yyyymmdd): '" + row.datePosted() + "'"));
        }
        if (kb.isEmpty()) {
            rowErrors.add(error(row, CatalogErrorKind.EMPTY_KB,
                    "BulletinKB is empty (" + describe(row.cve()) + " for " + describe(product) + ")"));
        }
        if (product.isEmpty()) {
            rowErrors.add(error(row, CatalogErrorKind.EMPTY_PRODUCT, "AffectedProduct is empty"));
        }
        boolean skipped = !rowErrors.isEmpty();
        String outcome = skipped ? "; row not imported" : "; imported as Unrated";
        String severityText = row.severity().trim();
        Severity severity = parseSeverity(severityText);
        if (severity != null) {
            // the common case: a vendor rating
        } else if (severityText.isEmpty()) {
            rowErrors.add(error(row, CatalogErrorKind.EMPTY_SEVERITY, "Severity is empty" + outcome));
        } else if (severityText.equals(OBJECT_ARRAY)) {
            rowErrors.add(error(row, CatalogErrorKind.OBJECT_ARRAY_SEVERITY, "Severity is 'System.Object[]'" + outcome));
        } else if (severityText.equalsIgnoreCase("None")) {
            rowErrors.add(error(row, CatalogErrorKind.NONE_SEVERITY, "Severity is 'None'" + outcome));
        } else {
            rowErrors.add(error(row, CatalogErrorKind.UNKNOWN_SEVERITY,
                    "Severity is not Critical, Important, Moderate or Low: '" + severityText + "'" + outcome));
        }
        String impact = row.impact().trim();
        if (impact.equals(OBJECT_ARRAY)) {
            impact = "";
            rowErrors.add(error(row, CatalogErrorKind.OBJECT_ARRAY_IMPACT,
                    "Impact is 'System.Object[]'" + (skipped ? "; row not imported" : "; imported with no impact")));
        }
        if (severity == null) {
            severity = Severity.UNRATED;
        }
        String cve = parseCve(row, skipped);
        List<String> supersedes = parseSupersedes(row, skipped);
        errors.addAll(rowErrors);
        if (skipped) {
            rowsSkipped++;
            return;
        }
        KbAccumulator kbAccumulator = kbs.get(kb);
        if (kbAccumulator == null) {
            kbAccumulator = new KbAccumulator(intern(kb));
            kbs.put(kbAccumulator.kb, kbAccumulator);
        }
        kbAccumulator.add(date, row.title().trim(), severity);
        UpdateAccumulator update = kbAccumulator.update(product, this::intern);
        update.add(severity, intern(impact), intern(row.affectedComponent().trim()));
        if (cve != null) {
            update.cves.add(intern(cve));
            dateRepair.observe(cve, date);
        }
        update.supersedes.addAll(supersedes);
        update.exploited |= !row.exploits().isBlank();
    }

    /** The four vendor ratings as wesng writes them (exact match first, the common case), else null. */
    private static Severity parseSeverity(String text) {
        switch (text) {
            case "Important": return Severity.IMPORTANT;
            case "Critical": return Severity.CRITICAL;
            case "Moderate": return Severity.MODERATE;
            case "Low": return Severity.LOW;
            default:
                Severity parsed = Severity.parse(text).orElse(null);
                return parsed == Severity.UNRATED ? null : parsed;
        }
    }

    /** The row's CVE or advisory id, null when empty or not an id (then reported as BAD_CVE). */
    private String parseCve(WesngRow row, boolean skipped) {
        String text = row.cve().trim();
        if (text.isEmpty()) {
            return null;
        }
        String cve = VulnerabilityIds.normalize(text).orElse(null);
        if (cve == null) {
            rowErrors.add(error(row, CatalogErrorKind.BAD_CVE, "CVE '" + text + "' is not a CVE or advisory id"
                    + (skipped ? "; row not imported" : "; row imported without it")));
        }
        return cve;
    }

    private List<String> parseSupersedes(WesngRow row, boolean skipped) {
        String text = row.supersedes().trim();
        if (text.isEmpty()) {
            return List.of();
        }
        if (isDigits(text)) {
            return List.of(intern("KB" + text));
        }
        List<String> result = new ArrayList<>(2);
        for (String token : SUPERSEDES_SEPARATORS.split(text)) {
            if (token.isEmpty() || token.equalsIgnoreCase("None")) {
                continue;
            }
            String kb = KbIds.normalize(token);
            if (KbIds.isKbNumber(kb)) {
                result.add(intern(kb));
            } else {
                rowErrors.add(error(row, CatalogErrorKind.BAD_SUPERSEDES, "Supersedes entry '" + token
                        + "' is not a KB number" + (skipped ? "; row not imported" : "; entry ignored")));
            }
        }
        return result;
    }

    public CatalogImport build(String source, List<String> sourceFiles) {
        Map<String, LocalDate> released = new LinkedHashMap<>();
        Map<String, Set<LocalDate>> dates = new HashMap<>();
        Map<String, Set<String>> ids = new HashMap<>();
        kbs.forEach((kb, accumulator) -> {
            released.put(kb, accumulator.released());
            dates.put(kb, accumulator.postedDates());
            ids.put(kb, accumulator.vulnerabilityIds());
        });
        Map<String, Set<String>> supersededBy = new HashMap<>();
        for (KbAccumulator kb : kbs.values()) {
            for (UpdateAccumulator update : kb.updates()) {
                for (String older : update.supersedes) {
                    if (!older.equals(kb.kb)) {
                        supersededBy.computeIfAbsent(older, key -> new java.util.HashSet<>()).add(kb.kb);
                    }
                }
            }
        }
        List<ReleaseDateRepair.Repair> repairs = dateRepair.repair(released, dates, ids, supersededBy);
        repairs.forEach(repair -> released.put(repair.kb(), repair.released()));
        List<Update> built = new ArrayList<>();
        for (KbAccumulator kb : kbs.values()) {
            for (UpdateAccumulator update : kb.updates()) {
                built.add(update.toUpdate(released.get(kb.kb)));
            }
        }
        Map<String, BulletinDetails> details = new HashMap<>();
        kbs.forEach((kb, accumulator) -> details.put(kb, new BulletinDetails(accumulator.title(), accumulator.lastPosted())));
        List<String> repaired = repairs.stream().map(repair -> repair.kb() + " posted " + repair.posted()
                + " (a re-publication of all its vulnerabilities), released " + repair.released()).toList();
        return new CatalogImport(source, sourceFiles, rowsRead, rowsSkipped, Catalog.fromUpdates(built, details), errors,
                repaired);
    }

    private static boolean isDigits(String text) {
        for (int i = 0; i < text.length(); i++) {
            char character = text.charAt(i);
            if (character < '0' || character > '9') {
                return false;
            }
        }
        return true;
    }

    private String intern(String text) {
        String existing = interned.putIfAbsent(text, text);
        return existing == null ? text : existing;
    }

    private static CatalogError error(WesngRow row, CatalogErrorKind kind, String message) {
        return new CatalogError(row.sourceFile(), row.line(), kind,
                row.sourceFile() + " line " + row.line() + ": " + message, row.raw());
    }

    private static String describe(String text) {
        return text.isBlank() ? "no CVE" : text.trim();
    }

    /** yyyymmdd, or null when that is not a valid date. */
    static LocalDate parseDate(String text) {
        String trimmed = text.trim();
        if (trimmed.length() != 8) {
            return null;
        }
        for (int i = 0; i < 8; i++) {
            if (!Character.isDigit(trimmed.charAt(i))) {
                return null;
            }
        }
        try {
            return LocalDate.of(Integer.parseInt(trimmed.substring(0, 4)), Integer.parseInt(trimmed.substring(4, 6)),
                    Integer.parseInt(trimmed.substring(6, 8)));
        } catch (DateTimeException exception) {
            return null;
        }
    }
}
