package org.patchlake.web.report;

/** A parameter a report may take, with its query-string name. */
public enum ReportParameter {
    REGION("region"), SITE("site"), SEVERITY("severity"), FROM("from"), TO("to"), AS_OF("asOf"), DAYS("days"),
    COMPUTER_CLASS("computerClass"), STATE("state"), LIMIT("limit");

    private final String key;

    ReportParameter(String key) {
        this.key = key;
    }

    public String key() {
        return key;
    }
}
