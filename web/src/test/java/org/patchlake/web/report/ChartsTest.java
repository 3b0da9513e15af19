package org.patchlake.web.report;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ChartsTest {
    @Test
    void a_trend_between_96_and_97_percent_spans_its_own_range_not_0_to_100() {
        Charts.Line line = (Charts.Line) Charts.line(List.of(new Charts.Point("2026-06-01", 97.2), new Charts.Point("2026-06-02", 96.4),
                new Charts.Point("2026-06-03", 96.9)));

        assertThat(line.grid()).extracting(Charts.GridLine::percent).containsExactly(96, 97, 98);
        assertThat(line.axisLabel()).isEqualTo("Compliance (%), 96–98 %");
        // the fall from 97.2 to 96.4 spans most of the chart's height (150 px from 98 % down to 96 %)
        double first = Double.parseDouble(line.dots().get(0).y());
        double second = Double.parseDouble(line.dots().get(1).y());
        assertThat(second - first).isGreaterThan(50);
    }

    @Test
    void a_trend_from_nothing_to_everything_keeps_the_whole_scale_and_a_flat_one_gets_one_step() {
        Charts.Line wide = (Charts.Line) Charts.line(List.of(new Charts.Point("a", 0), new Charts.Point("b", 100)));
        assertThat(wide.grid()).extracting(Charts.GridLine::percent).containsExactly(0, 25, 50, 75, 100);

        Charts.Line flat = (Charts.Line) Charts.line(List.of(new Charts.Point("a", 100), new Charts.Point("b", 100)));
        assertThat(flat.grid()).extracting(Charts.GridLine::percent).containsExactly(99, 100);
    }
}
