package org.patchlake.core.catalog;

/** What was wrong with a catalog source row. Written to catalog_errors.kind by name. */
public enum CatalogErrorKind {
    /** BulletinKB empty: the row names a CVE and product but no update fixes it (yet). Not imported. */
    EMPTY_KB,
    /** Severity is the PowerShell artefact "System.Object[]" (several ratings collapsed). Imported as Unrated. */
    OBJECT_ARRAY_SEVERITY,
    /** Impact is "System.Object[]". Imported with impact "". */
    OBJECT_ARRAY_IMPACT,
    /** Severity empty. Imported as Unrated. */
    EMPTY_SEVERITY,
    /** Severity "None". Imported as Unrated. */
    NONE_SEVERITY,
    /** Severity some other unknown text. Imported as Unrated. */
    UNKNOWN_SEVERITY,
    /** DatePosted not yyyymmdd. Not imported (an update needs a release date). */
    BAD_DATE,
    /** AffectedProduct empty. Not imported. */
    EMPTY_PRODUCT,
    /** A Supersedes entry that is not a KB number (e.g. a version "20.0.1"). Row imported without that entry. */
    BAD_SUPERSEDES,
    /** CVE column is not a CVE ("CVE-2024-1234") or advisory ("ADV200011") id. Row imported without it. */
    BAD_CVE,
    /** Wrong number of fields, or a quote left open at the end of the file. Not imported. */
    MALFORMED_ROW;

    /** True for kinds that make the row be skipped; the other kinds leave the row imported (e.g. as Unrated). */
    public boolean skipsRow() {
        return this == EMPTY_KB || this == BAD_DATE || this == EMPTY_PRODUCT || this == MALFORMED_ROW;
    }
}
