package org.patchlake.bench.reports;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import org.junit.jupiter.api.Test;

class QueryBenchPostgresTest {
    @Test
    void a_warehouse_column_the_contract_does_not_have_is_left_out_of_the_copy() throws Exception {
        try (Connection duck = DriverManager.getConnection("jdbc:duckdb:"); Statement statement = duck.createStatement()) {
            // the contract's policies, and a warehouse table as the current ETL writes it (with the policy's type)
            statement.execute("CREATE TABLE policies (policy_id VARCHAR, name VARCHAR, created_at TIMESTAMP)");
            statement.execute("CREATE TABLE warehouse_policies AS SELECT 'p1' AS policy_id, 'Patch Tuesday' AS name, "
                    + "TIMESTAMP '2026-11-10 10:00:00' AS created_at, 'remediation' AS type");

            QueryBenchPostgres.insertContractColumns(statement, "policies", "warehouse_policies");

            try (ResultSet rows = statement.executeQuery("SELECT policy_id, name FROM policies")) {
                assertThat(rows.next()).isTrue();
                assertThat(rows.getString("policy_id")).isEqualTo("p1");
                assertThat(rows.getString("name")).isEqualTo("Patch Tuesday");
                assertThat(rows.next()).isFalse();
            }
        }
    }
}
