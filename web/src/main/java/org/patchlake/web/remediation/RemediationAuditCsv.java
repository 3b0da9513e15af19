package org.patchlake.web.remediation;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.patchlake.web.report.CsvCellGuard;
import org.patchlake.web.audit.AuditLog;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.List;

import static java.util.Objects.requireNonNull;

/** The remediation audit log as CSV (RFC 4180, CRLF): one row per entry with its full details (JSON). */
final class RemediationAuditCsv {
    private static final CSVFormat FORMAT = CSVFormat.RFC4180.builder()
            .setHeader("id", "at_utc", "actor", "action", "target", "client_address", "before", "details").get();

    private final CsvCellGuard guard;

    RemediationAuditCsv(CsvCellGuard guard) {
        this.guard = requireNonNull(guard, "guard is null");
    }

    String write(List<AuditLog.Entry> entries) {
        StringWriter csv = new StringWriter();
        try (CSVPrinter printer = new CSVPrinter(csv, FORMAT)) {
            for (AuditLog.Entry e : entries) {
                printer.printRecord(e.id(), e.at(), guard.cell(e.actor()), guard.cell(e.action()), guard.cell(e.target()),
                        guard.cell(e.clientAddress()), guard.cell(e.before()), guard.cell(e.after()));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the remediation audit CSV", e);
        }
        return csv.toString();
    }
}
