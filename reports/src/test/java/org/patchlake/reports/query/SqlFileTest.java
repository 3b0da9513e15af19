package org.patchlake.reports.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class SqlFileTest {
    private static final SqlFragments FRAGMENTS = new SqlFragments(Map.of(
            "scope", "-- who may see a row\n(:scope_all OR list_contains(:scope_regions, {region}) OR list_contains(:scope_sites, {site}))",
            "filter", "AND list_contains(:regions, {region})\nAND list_contains(:classes, {class})\nAND {released} >= :from"));

    @Test
    void a_file_of_named_statements_gives_each_by_name_with_positional_markers_kept_and_the_semicolon_dropped() {
        SqlFile file = SqlFile.parse("users.sql", """
                -- users of the web store
                -- name: select_user
                SELECT id, name FROM users WHERE name = ?;

                -- name: insert_user
                -- a comment inside
                INSERT INTO users (name, created_at) VALUES (?, CAST(? AS TIMESTAMP));
                """, FRAGMENTS);

        assertThat(file.statement("select_user").sql()).isEqualTo("SELECT id, name FROM users WHERE name = ?");
        assertThat(file.statement("insert_user").sql()).isEqualTo("INSERT INTO users (name, created_at) VALUES (?, CAST(? AS TIMESTAMP))");
        assertThat(file.statement("insert_user").parameterNames()).isEmpty();
        assertThatThrownBy(() -> file.statement("delete_user")).hasMessage("no statement 'delete_user' in users.sql");
        assertThatThrownBy(file::single).hasMessageContaining("users.sql holds named statements");
    }

    @Test
    void a_statement_named_twice_is_refused_naming_the_file() {
        assertThatThrownBy(() -> SqlFile.parse("twice.sql", "-- name: a\nSELECT 1\n-- name: a\nSELECT 2", FRAGMENTS))
                .hasMessage("twice.sql: statement 'a' is named twice");
    }

    @Test
    void the_scope_fragment_is_included_by_name_with_the_statement_s_columns_and_its_values_stay_bound() {
        SqlResource sql = SqlFile.parse("q.sql", "SELECT 1 FROM computers c WHERE /*@scope(region = c.region, site = c.site)*/", FRAGMENTS).single();

        assertThat(sql.sql()).isEqualTo("SELECT 1 FROM computers c WHERE (? OR list_contains(?, c.region) OR list_contains(?, c.site))");
        assertThat(sql.parameterNames()).containsExactly("scope_all", "scope_regions", "scope_sites");
    }

    @Test
    void a_filter_line_is_kept_only_when_the_include_names_its_column() {
        SqlResource sql = SqlFile.parse("q.sql", "SELECT 1 FROM t WHERE x /*@filter(class = t.computer_class, released = b.released)*/", FRAGMENTS).single();

        assertThat(sql.sql()).isEqualTo("SELECT 1 FROM t WHERE x AND list_contains(?, t.computer_class)\n  AND b.released >= ?");
        assertThat(sql.parameterNames()).containsExactly("classes", "from");
    }

    @Test
    void an_include_that_is_not_a_fragment_or_names_no_usable_column_fails_naming_the_statement() {
        assertThatThrownBy(() -> SqlFile.parse("a.sql", "SELECT /*@scopes(region = c.region)*/", FRAGMENTS))
                .hasMessage("a.sql: no SQL fragment 'scopes' (known: [filter, scope])");
        assertThatThrownBy(() -> SqlFile.parse("b.sql", "SELECT /*@scope(region = c.region)*/", FRAGMENTS))
                .hasMessage("b.sql: include of fragment 'scope' keeps no line (it takes [region, site])");
        assertThatThrownBy(() -> SqlFile.parse("c.sql", "SELECT /*@filter(region = c.region, severity = b.severity)*/", FRAGMENTS))
                .hasMessage("c.sql: fragment 'filter' has no use for [severity] (it takes [class, region, released])");
    }

    @Test
    void an_include_argument_must_be_a_column_reference() {
        assertThatThrownBy(() -> SqlFile.parse("d.sql", "SELECT /*@scope(region = c.region, site = 'x' OR true)*/", FRAGMENTS))
                .hasMessage("d.sql: include of fragment 'scope': 'site = 'x' OR true' is not key = alias.column");
        assertThatThrownBy(() -> SqlFile.parse("e.sql", "SELECT /*@scope(region = s.region, site = NULL)*/", FRAGMENTS))
                .hasMessage("e.sql: include of fragment 'scope': 'site = NULL' is not key = alias.column");
    }

    @Test
    void the_product_s_report_statements_read_the_scope_from_the_one_fragment() {
        SqlResource byBulletin = SqlResource.load(ComplianceQueries.class, "compliance_by_bulletin.sql");

        assertThat(byBulletin.sql()).doesNotContain("/*@").contains("list_contains(?::VARCHAR[], bs.region) OR list_contains(?::VARCHAR[], bs.site)");
        assertThat(byBulletin.parameterNames()).containsSubsequence("scope_all", "scope_regions", "scope_sites", "regions", "regions",
                "sites", "sites", "classes", "classes", "severities", "severities", "from", "from", "to", "to");
    }
}
