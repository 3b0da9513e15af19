package org.patchlake.bench.reports;

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

    @Test
    void epoch_us_is_not_mistaken_for_epoch() {
        assertThat(QueryBenchDialect.toPostgres("SELECT epoch_us(a) - epoch_us(greatest(b, c)), epoch(a - b) FROM t"))
                .isEqualTo("SELECT (extract(epoch from (a)) * 1000000)::bigint - (extract(epoch from (greatest(b, c))) * 1000000)::bigint, "
                        + "extract(epoch from (a - b)) FROM t");
    }

    @Test
    void index_statements_name_their_table() {
        assertThat(QueryBenchPostgres.indexedTable("CREATE INDEX ON sla_totals (bulletin_id)")).isEqualTo("sla_totals");
        assertThat(QueryBenchPostgres.indexedTable("\nALTER TABLE computers ADD PRIMARY KEY (computer_id)")).isEqualTo("computers");
    }
}
