package org.patchlake.web.warehouse;

import org.patchlake.core.state.ComplianceCounts;
import org.patchlake.web.report.Counts;
import org.patchlake.web.report.ReportColumn;

import java.util.ArrayList;
import java.util.List;

/** Columns and cells shared by the warehouse-backed reports: the state counts behind every percentage. */
final class Cells {
    private Cells() {
    }

    static Counts counts(ComplianceCounts c) {
        return new Counts(c.applicable(), c.installed(), c.pendingReboot(), c.required(), c.failed(), c.exempt(), c.unknown());
    }

    static Counts sum(List<ComplianceCounts> all) {
        Counts total = Counts.of(0, 0, 0, 0, 0, 0);
        for (ComplianceCounts c : all) {
            total = total.plus(counts(c));
        }
        return total;
    }

    /** The count columns, then compliance and strict compliance. */
    static List<ReportColumn> countColumns() {
        return List.of(ReportColumn.number("applicable", "Applicable"), ReportColumn.number("installed", "Installed"),
                ReportColumn.number("pending_reboot", "Pending reboot"), ReportColumn.number("required", "Required"),
                ReportColumn.number("failed", "Failed"), ReportColumn.number("exempt", "Exempt"),
                ReportColumn.number("unknown", "Unknown"), ReportColumn.ratio("compliance", "Compliance"),
                ReportColumn.ratio("strict_compliance", "Strict"));
    }

    static List<Object> countCells(ComplianceCounts raw) {
        Counts c = counts(raw);
        List<Object> cells = new ArrayList<>();
        cells.add(c.applicable());
        cells.add(c.installed());
        cells.add(c.pendingReboot());
        cells.add(c.required());
        cells.add(c.failed());
        cells.add(c.exempt());
        cells.add(c.unknown());
        cells.add(c.compliance());
        cells.add(c.strict());
        return cells;
    }

    static List<ReportColumn> columns(List<ReportColumn> first, List<ReportColumn> then) {
        List<ReportColumn> all = new ArrayList<>(first);
        all.addAll(then);
        return all;
    }

    static List<Object> row(List<Object> first, List<Object> then) {
        List<Object> all = new ArrayList<>(first);
        all.addAll(then);
        return all;
    }

    /** A row from values that may be null (List.of refuses nulls). */
    static List<Object> cells(Object... values) {
        List<Object> list = new ArrayList<>(values.length);
        java.util.Collections.addAll(list, values);
        return list;
    }
}
