package io.github.dl4jrvsm.cli.plots;

import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;

import java.awt.BasicStroke;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Accuracy against sparsity, one line per method (RVSM, RGSM, ADMM, ...), each point a trained model. Methods are
 * compared by where their lines lie, not by one point each: a method's sparsity follows from its settings (lambda
 * and beta, or ADMM's prune fraction), so a single point says little.
 *
 * <pre>
 * new FrontierPlot().axes("sparsity (zero weights)", "test accuracy")
 *         .add("RVSM-l0", List.of(new FrontierPlot.Point(0.62, 0.88), new FrontierPlot.Point(0.91, 0.85)))
 *         .write(dir.resolve("frontier.png"));
 * </pre>
 */
public final class FrontierPlot extends Plot<FrontierPlot> {

    /** One trained model: its sparsity and accuracy, both fractions in [0, 1]. */
    public record Point(double sparsity, double accuracy) {
    }

    private final Map<String, List<Point>> series = new LinkedHashMap<>();
    private String xTitle = "sparsity";
    private String yTitle = "accuracy";

    public FrontierPlot() {
        super("Accuracy against sparsity");
    }

    public FrontierPlot axes(String x, String y) {
        this.xTitle = requireText(x, "x-axis title");
        this.yTitle = requireText(y, "y-axis title");
        return this;
    }

    /** Adds a method's points (any order; drawn by increasing sparsity). */
    public FrontierPlot add(String method, List<Point> points) {
        SeriesName.METHOD.requireNew(series, method, points == null || points.isEmpty(), "points");
        for (Point p : points) {
            if (!(p.sparsity() >= 0 && p.sparsity() <= 1 && p.accuracy() >= 0 && p.accuracy() <= 1)) {
                throw new IllegalArgumentException("Method '" + method + "': sparsity and accuracy must be in [0, 1], got "
                        + p);
            }
        }
        List<Point> sorted = new ArrayList<>(points);
        sorted.sort(Comparator.comparingDouble(Point::sparsity));
        series.put(method, List.copyOf(sorted));
        return this;
    }

    @Override
    XYChart chart() {
        if (series.isEmpty()) {
            throw new IllegalArgumentException("No methods to plot: add at least one");
        }
        XYChart chart = newChart(xTitle, yTitle);
        var st = chart.getStyler();
        st.setXAxisMin(0.0);
        st.setXAxisMax(1.0);
        st.setXAxisDecimalPattern("0%");
        st.setYAxisDecimalPattern("0%");
        st.setLegendPosition(Styler.LegendPosition.InsideSW);
        int i = 0;
        for (Map.Entry<String, List<Point>> e : series.entrySet()) {
            double[] x = e.getValue().stream().mapToDouble(Point::sparsity).toArray();
            double[] y = e.getValue().stream().mapToDouble(Point::accuracy).toArray();
            XYSeries s = chart.addSeries(e.getKey(), x, y);
            s.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Line);
            s.setLineColor(color(i, 255));
            s.setMarkerColor(color(i, 255));
            s.setMarker(i % 2 == 0 ? SeriesMarkers.CIRCLE : SeriesMarkers.DIAMOND);
            s.setLineStyle(new BasicStroke(2f));
            i++;
        }
        return chart;
    }
}
