package org.patchlake.reports.query;

/** The allow-lists of sort orders: the only identifiers that vary in report SQL. */
public final class Sorts {
    private Sorts() {
    }

    public enum BulletinSort {
        RELEASED_NEWEST("b.released DESC, b.bulletin_id"),
        MOST_VULNERABLE("count_if(bs.state IN ('REQUIRED', 'FAILED', 'INSTALLED_PENDING_REBOOT')) DESC, b.bulletin_id"),
        LEAST_COMPLIANT("count_if(bs.state = 'INSTALLED')::DOUBLE / greatest(1, count_if(bs.state NOT IN ('EXEMPT', 'UNKNOWN'))), b.bulletin_id"),
        BULLETIN_ID("b.bulletin_id");

        final String sql;

        BulletinSort(String sql) {
            this.sql = sql;
        }
    }

    public enum ComputerSort {
        MOST_VULNERABLE("vulnerable DESC, c.hostname, c.computer_id"),
        HOSTNAME("c.hostname, c.computer_id"),
        LAST_INVENTORY_OLDEST("c.last_inventory_at NULLS FIRST, c.computer_id");

        final String sql;

        ComputerSort(String sql) {
            this.sql = sql;
        }
    }
}
