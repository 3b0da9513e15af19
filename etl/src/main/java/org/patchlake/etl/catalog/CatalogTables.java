package org.patchlake.etl.catalog;

import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.patchlake.core.catalog.Bulletin;
import org.patchlake.core.catalog.Catalog;
import org.patchlake.core.catalog.CatalogError;
import org.patchlake.core.catalog.CumulativeRole;
import org.patchlake.core.catalog.Update;

/**
 * The catalog tables of the warehouse contract (BRIEF "Catalog tables"): their Spark schemas and their rows
 * from a core {@link Catalog}. Pure functions; the Spark I/O is in {@link CatalogImporter}.
 */
public final class CatalogTables {
    public static final String BULLETINS = "bulletins";
    public static final String UPDATES = "updates";
    public static final String UPDATE_CVES = "update_cves";
    public static final String UPDATE_SUPERSEDENCE = "update_supersedence";
    public static final String PRODUCTS = "products";
    public static final String CATALOG_ERRORS = "catalog_errors";
    /**
     * Cumulative packages derived at import (kept apart from Microsoft's published supersedence in
     * update_supersedence): one row per update that covers the earlier updates of its servicing stream, with why.
     */
    public static final String UPDATE_CUMULATIVE = "update_cumulative";
    public static final List<String> ALL = List.of(BULLETINS, UPDATES, UPDATE_CVES, UPDATE_SUPERSEDENCE, PRODUCTS,
            CATALOG_ERRORS, UPDATE_CUMULATIVE);

    public static final StructType BULLETINS_SCHEMA = new StructType()
            .add("bulletin_id", DataTypes.StringType, false)
            .add("title", DataTypes.StringType, false)
            .add("vendor_severity", DataTypes.StringType, false)
            .add("impact", DataTypes.StringType, false)
            .add("released", DataTypes.DateType, false)
            .add("revised", DataTypes.DateType, true)
            .add("cve_count", DataTypes.IntegerType, false)
            .add("exploited", DataTypes.BooleanType, false)
            .add("superseded", DataTypes.BooleanType, false)
            .add("update_count", DataTypes.IntegerType, false);

    public static final StructType UPDATES_SCHEMA = new StructType()
            .add("update_id", DataTypes.StringType, false)
            .add("kb", DataTypes.StringType, false)
            .add("bulletin_id", DataTypes.StringType, false)
            .add("product", DataTypes.StringType, false)
            .add("component", DataTypes.StringType, false)
            .add("severity", DataTypes.StringType, false)
            .add("impact", DataTypes.StringType, false)
            .add("released", DataTypes.DateType, false)
            .add("exploited", DataTypes.BooleanType, false)
            .add("restart_behaviour", DataTypes.StringType, false)
            .add("supersedes", DataTypes.createArrayType(DataTypes.StringType, false), false);

    public static final StructType UPDATE_CVES_SCHEMA = new StructType()
            .add("kb", DataTypes.StringType, false)
            .add("product", DataTypes.StringType, false)
            .add("cve", DataTypes.StringType, false);

    public static final StructType UPDATE_SUPERSEDENCE_SCHEMA = new StructType()
            .add("kb", DataTypes.StringType, false)
            .add("product", DataTypes.StringType, false)
            .add("superseded_by_kb", DataTypes.StringType, false);

    public static final StructType UPDATE_CUMULATIVE_SCHEMA = new StructType()
            .add("kb", DataTypes.StringType, false)
            .add("product", DataTypes.StringType, false)
            .add("kind", DataTypes.StringType, false)
            .add("scope", DataTypes.StringType, false)
            .add("reason", DataTypes.StringType, false);

    public static final StructType PRODUCTS_SCHEMA = new StructType()
            .add("product", DataTypes.StringType, false)
            .add("update_count", DataTypes.IntegerType, false);

    public static final StructType CATALOG_ERRORS_SCHEMA = new StructType()
            .add("source_file", DataTypes.StringType, false)
            .add("line", DataTypes.LongType, false)
            .add("kind", DataTypes.StringType, false)
            .add("message", DataTypes.StringType, false)
            .add("raw", DataTypes.StringType, false);

    private CatalogTables() {
    }

    public static List<Row> bulletinRows(Catalog catalog) {
        List<Row> rows = new ArrayList<>(catalog.bulletins().size());
        for (Bulletin bulletin : catalog.bulletins()) {
            rows.add(RowFactory.create(bulletin.bulletinId(), bulletin.title(), bulletin.vendorSeverity().label(),
                    bulletin.impact(), date(bulletin.released()), date(bulletin.revised()), bulletin.cveCount(),
                    bulletin.exploited(), bulletin.superseded(), bulletin.updateCount()));
        }
        return rows;
    }

    public static List<Row> updateRows(Catalog catalog) {
        List<Row> rows = new ArrayList<>(catalog.updates().size());
        for (Update update : catalog.updates()) {
            rows.add(RowFactory.create(update.updateId(), update.kb(), update.bulletinId(), update.product(),
                    update.component(), update.severity().label(), update.impact(), date(update.released()),
                    update.exploited(), update.restartBehaviour().code(), update.supersedes().toArray(String[]::new)));
        }
        return rows;
    }

    public static List<Row> updateCveRows(Catalog catalog) {
        List<Row> rows = new ArrayList<>();
        for (Update update : catalog.updates()) {
            for (String cve : update.cves()) {
                rows.add(RowFactory.create(update.kb(), update.product(), cve));
            }
        }
        return rows;
    }

    /** The transitive closure: one row per (kb, product, KB superseding it for that product). */
    public static List<Row> updateSupersedenceRows(Catalog catalog) {
        List<Row> rows = new ArrayList<>();
        for (String product : new java.util.TreeSet<>(catalog.supersedence().productsWithSupersedence())) {
            for (String kb : catalog.supersedence().supersededKbs(product)) {
                for (String supersededBy : catalog.supersedersOf(kb, product)) {
                    rows.add(RowFactory.create(kb, product, supersededBy));
                }
            }
        }
        return rows;
    }

    /** One row per cumulative package: kb, product, kind ("cumulative" / "optional_cumulative"), scope, reason. */
    public static List<Row> updateCumulativeRows(Catalog catalog) {
        List<Row> rows = new ArrayList<>(catalog.servicing().roles().size());
        for (CumulativeRole role : catalog.servicing().roles()) {
            rows.add(RowFactory.create(role.kb(), role.product(), role.kind().code(), role.scope().code(), role.reason()));
        }
        return rows;
    }

    public static List<Row> productRows(Catalog catalog) {
        Map<String, Integer> counts = new TreeMap<>();
        for (String product : catalog.products()) {
            counts.put(product, catalog.updatesForProduct(product).size());
        }
        List<Row> rows = new ArrayList<>(counts.size());
        counts.forEach((product, count) -> rows.add(RowFactory.create(product, count)));
        return rows;
    }

    public static List<Row> errorRows(List<CatalogError> errors) {
        List<Row> rows = new ArrayList<>(errors.size());
        for (CatalogError error : errors) {
            rows.add(RowFactory.create(error.sourceFile(), error.line(), error.kind().name(), error.message(),
                    error.raw()));
        }
        return rows;
    }

    private static Date date(LocalDate date) {
        return date == null ? null : Date.valueOf(date);
    }
}
