package org.patchlake.reports.bench;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class QueryBenchDialectTest {
    @Test
    void duckdb_functions_are_rewritten_to_their_postgresql_equivalents_including_nested_calls() {
        String duck = "SELECT count_if(state IN ('A', 'B')), count_if(list_contains(?::VARCHAR[], region)) FROM t "
                + "WHERE len(?::VARCHAR[]) = 0 AND x < ?::TIMESTAMP - to_days(?::INTEGER) AND epoch(a - b) > 1";

        assertThat(QueryBenchDialect.toPostgres(duck)).isEqualTo("SELECT count(*) FILTER (WHERE state IN ('A', 'B')), "
                + "count(*) FILTER (WHERE (region = ANY(?::VARCHAR[]))) FROM t WHERE cardinality(?::VARCHAR[]) = 0 "
                + "AND x < ?::TIMESTAMP - make_interval(days => (?::INTEGER)::int) AND extract(epoch from (a - b)) > 1");
    }
}
