package org.patchlake.reports.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class SqlResourceTest {
    @Test
    void named_parameters_become_positional_markers_and_casts_literals_and_comments_are_kept_apart() {
        SqlResource sql = SqlResource.parse("t.sql", """
                -- a comment with :not_a_parameter
                SELECT ':also_not' AS text, x::DATE FROM t
                WHERE a = :first AND b = :second::VARCHAR AND c = :first
                """);

        assertThat(sql.sql()).isEqualTo("SELECT ':also_not' AS text, x::DATE FROM t\nWHERE a = ? AND b = ?::VARCHAR AND c = ?");
        assertThat(sql.parameterNames()).containsExactly("first", "second", "first");
    }

    @Test
    void a_missing_parameter_is_named_with_the_statement() {
        SqlResource sql = SqlResource.parse("report.sql", "SELECT :wanted");

        assertThatThrownBy(() -> sql.orderedValues(Map.of("other", 1))).hasMessage("report.sql: parameter :wanted was not bound");
    }

    @Test
    void only_a_declared_slot_can_be_filled() {
        SqlResource sql = SqlResource.parse("s.sql", "SELECT 1 ORDER BY /*order_by*/");

        assertThat(sql.withOrderBy("b.released DESC").sql()).isEqualTo("SELECT 1 ORDER BY b.released DESC");
        assertThatThrownBy(() -> sql.withSlot("group", "x")).hasMessageContaining("no /*group*/ slot");
    }
}
