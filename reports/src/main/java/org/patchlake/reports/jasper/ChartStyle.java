package org.patchlake.reports.jasper;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.text.DecimalFormat;
import java.text.NumberFormat;
import net.sf.jasperreports.charts.JRChart;
import net.sf.jasperreports.charts.JRChartCustomizer;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.PiePlot;
import org.jfree.chart.plot.Plot;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.renderer.category.LineAndShapeRenderer;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.title.LegendTitle;

/**
 * One look for every chart: DejaVu Sans (the font bundled for the PDFs), the report palette, no shadows or
 * gradients, and on request (chart property {@code patchlake.chart.percent=true}) a 0–100 % value axis.
 * Series named "target ..." are drawn as dashed grey steps (SLA phase targets).
 */
public final class ChartStyle implements JRChartCustomizer {
    public static final String PERCENT_AXIS = "patchlake.chart.percent";
    private static final Color[] PALETTE = {
        new Color(0x1F4E79), new Color(0x2E86C1), new Color(0xE67E22), new Color(0xB3261E),
        new Color(0x27AE60), new Color(0x8E44AD), new Color(0x7F8C8D), new Color(0xF1C40F)};
    private static final Font TICKS = new Font("DejaVu Sans", Font.PLAIN, 7);
    private static final Font LABELS = new Font("DejaVu Sans", Font.PLAIN, 8);

    @Override
    public void customize(JFreeChart chart, JRChart jasperChart) {
        boolean percent = jasperChart.getPropertiesMap() != null
                && "true".equals(jasperChart.getPropertiesMap().getProperty(PERCENT_AXIS));
        chart.setBackgroundPaint(Color.WHITE);
        chart.setBorderVisible(false);
        LegendTitle legend = chart.getLegend();
        if (legend != null) {
            legend.setItemFont(LABELS);
            legend.setFrame(org.jfree.chart.block.BlockBorder.NONE);
        }
        Plot plot = chart.getPlot();
        plot.setBackgroundPaint(Color.WHITE);
        plot.setOutlineVisible(false);
        if (plot instanceof CategoryPlot category) {
            category(category, percent);
        } else if (plot instanceof XYPlot xy) {
            xy(xy, percent);
        } else if (plot instanceof PiePlot<?> pie) {
            pie.setLabelFont(TICKS);
            pie.setShadowPaint(null);
            pie.setLabelBackgroundPaint(Color.WHITE);
            for (int i = 0; i < pie.getDataset().getItemCount(); i++) {
                pie.setSectionPaint(pie.getDataset().getKey(i), PALETTE[i % PALETTE.length]);
            }
        }
    }

    private static void category(CategoryPlot plot, boolean percent) {
        plot.setRangeGridlinePaint(new Color(0xD5DDE8));
        CategoryAxis domain = plot.getDomainAxis();
        domain.setTickLabelFont(TICKS);
        domain.setLabelFont(LABELS);
        domain.setMaximumCategoryLabelLines(2);
        int categories = plot.getDataset() == null ? 0 : plot.getDataset().getColumnCount();
        if (categories > 12) {
            // a daily trend: label about ten days, evenly spaced, each label free to use the room of its neighbours
            int step = (categories + 9) / 10;
            for (int column = 0; column < categories; column++) {
                if (column % step != 0) {
                    domain.setTickLabelPaint(plot.getDataset().getColumnKey(column), new Color(0, 0, 0, 0));
                }
            }
            // a label may take the room of the hidden ones on both sides; lines need no gap between categories
            domain.setMaximumCategoryLabelWidthRatio(2.0f * step);
            domain.setMaximumCategoryLabelLines(1);
            if (plot.getRenderer() instanceof LineAndShapeRenderer) {
                domain.setCategoryMargin(0.0);
            }
        }
        axis(plot.getRangeAxis(), percent);
        if (plot.getRenderer() instanceof BarRenderer bar) {
            bar.setBarPainter(new StandardBarPainter());
            bar.setShadowVisible(false);
            bar.setItemMargin(0.05);
            bar.setMaximumBarWidth(0.12);
        }
        for (int series = 0; series < (plot.getDataset() == null ? 0 : plot.getDataset().getRowCount()); series++) {
            String key = String.valueOf(plot.getDataset().getRowKey(series));
            plot.getRenderer().setSeriesPaint(series, color(key, series));
            if (plot.getRenderer() instanceof LineAndShapeRenderer line) {
                line.setSeriesStroke(series, stroke(key));
                line.setSeriesShapesVisible(series, false);
            }
        }
    }

    private static void xy(XYPlot plot, boolean percent) {
        plot.setRangeGridlinePaint(new Color(0xD5DDE8));
        plot.setDomainGridlinePaint(new Color(0xD5DDE8));
        plot.getDomainAxis().setTickLabelFont(TICKS);
        plot.getDomainAxis().setLabelFont(LABELS);
        // the chart's properties do not reach xy charts in the charts extension 7.0.3: a rollout curve is
        // recognised by its values, ratios between 0 and 1
        axis(plot.getRangeAxis(), percent || isRatio(plot));
        if (plot.getRenderer() instanceof XYLineAndShapeRenderer line && plot.getDataset() != null) {
            for (int series = 0; series < plot.getDataset().getSeriesCount(); series++) {
                String key = String.valueOf(plot.getDataset().getSeriesKey(series));
                line.setSeriesPaint(series, color(key, series));
                line.setSeriesStroke(series, stroke(key));
                line.setSeriesShapesVisible(series, false);
            }
        }
    }

    private static boolean isRatio(XYPlot plot) {
        if (plot.getDataset() == null || plot.getDataset().getSeriesCount() == 0) {
            return false;
        }
        for (int series = 0; series < plot.getDataset().getSeriesCount(); series++) {
            for (int item = 0; item < plot.getDataset().getItemCount(series); item++) {
                double y = plot.getDataset().getYValue(series, item);
                if (y < 0.0 || y > 1.0) {
                    return false;
                }
            }
        }
        return true;
    }

    private static void axis(ValueAxis axis, boolean percent) {
        axis.setTickLabelFont(TICKS);
        axis.setLabelFont(LABELS);
        if (percent && axis instanceof NumberAxis number) {
            number.setRange(0.0, 1.0);
            NumberFormat format = new DecimalFormat("0 %");
            number.setNumberFormatOverride(format);
        } else if (axis instanceof NumberAxis number) {
            // counts of computers: whole-number ticks only
            number.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
        }
    }

    private static Color color(String key, int series) {
        return isTarget(key) ? new Color(0x7F8C8D) : PALETTE[series % PALETTE.length];
    }

    private static BasicStroke stroke(String key) {
        return isTarget(key)
                ? new BasicStroke(1.2f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[] {4f, 3f}, 0f)
                : new BasicStroke(1.8f);
    }

    private static boolean isTarget(String key) {
        return key.toLowerCase(java.util.Locale.ROOT).startsWith("target");
    }
}
