package io.github.dl4jrvsm.cli.plots;

import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

import java.awt.BasicStroke;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.DoublePredicate;
import java.util.function.DoubleUnaryOperator;
import java.util.function.Function;
import java.util.function.ToDoubleFunction;

/**
 * What the histogram plots share: named series of values, all counted on the same bins, and one way of drawing them
 * (outlined translucent areas, legend below the plot, round x ticks), so that a weight histogram and a channel-norm
 * histogram of the same run read alike.
 *
 * @param <P> the concrete plot, for fluent setters
 */
public abstract sealed class HistogramPlot<P extends HistogramPlot<P>> extends Plot<P>
        permits WeightHistogramPlot, ChannelNormHistogramPlot {

    private final Map<String, double[]> series = new LinkedHashMap<>();
    private int bins;

    HistogramPlot(String defaultTitle, int defaultBins) {
        super(defaultTitle);
        this.bins = defaultBins;
    }

    /** Sets the number of bins (2 to 1000). */
    public P bins(int bins) {
        if (bins < 2 || bins > 1000) {
            throw new IllegalArgumentException("bins must be in [2, 1000], got " + bins);
        }
        this.bins = bins;
        return self();
    }

    /** Rejects a blank or used label and an empty series; {@code noData} names the values, e.g. "weights". */
    void requireNewSeries(String label, double[] values, String noData) {
        SeriesName.LABEL.requireNew(series, label, values == null || values.length == 0, noData);
    }

    /** Keeps a copy of {@code values}, already checked, under {@code label}. */
    P put(String label, double[] values) {
        series.put(label, values.clone());
        return self();
    }

    /** Number of series added so far. */
    int seriesCount() {
        return series.size();
    }

    /**
     * Counts every series into the current number of bins over {@code [lo, hi]}; values for which {@code exclude}
     * holds are only counted in {@link HistogramData#excluded()}.
     */
    List<HistogramData> binAll(double lo, double hi, DoublePredicate exclude) {
        List<HistogramData> out = new ArrayList<>();
        for (Map.Entry<String, double[]> e : series.entrySet()) {
            out.add(HistogramData.of(e.getKey(), e.getValue(), lo, hi, bins, exclude));
        }
        return out;
    }

    /** Throws unless a series was added; {@code what} names the values, e.g. "weights". */
    void requireSomeSeries(String what) {
        if (series.isEmpty()) {
            throw new IllegalArgumentException("No " + what + " to plot: add at least one series");
        }
    }

    /** The largest {@code f(v)} over the values of all series; 0 when there are none. */
    double largest(DoubleUnaryOperator f) {
        double max = 0;
        for (double[] values : series.values()) {
            for (double v : values) {
                max = Math.max(max, f.applyAsDouble(v));
            }
        }
        return max;
    }

    /**
     * Draws {@code hs} onto {@code chart}: bar heights are counts times {@code scale}, the y-axis starts at 0 with
     * labels in {@code yPattern}, and each series' legend entry says what was left out of its bars.
     */
    XYChart draw(XYChart chart, List<HistogramData> hs, String yPattern, ToDoubleFunction<HistogramData> scale,
                 Function<HistogramData, String> legend) {
        chart.getStyler().setYAxisDecimalPattern(yPattern);
        chart.getStyler().setYAxisMin(0.0);
        chart.getStyler().setLegendPosition(Styler.LegendPosition.OutsideS);
        for (int i = 0; i < hs.size(); i++) {
            HistogramData h = hs.get(i);
            addArea(chart, i, legend.apply(h), h.outline(scale.applyAsDouble(h)));
        }
        roundXTicks(chart, hs.get(0));
        if (hs.stream().allMatch(h -> Arrays.stream(h.counts()).sum() == 0)) {
            // every value left out: without a y range XChart draws a single tick
            chart.getStyler().setYAxisMax(1.0);
        }
        return chart;
    }

    /**
     * Draws one histogram as an outlined, translucent area; the first series has a solid outline, later ones dashed,
     * so that stretches where two series coincide still show both colours.
     */
    private static void addArea(XYChart chart, int index, String legend, double[][] outline) {
        XYSeries s = chart.addSeries(legend, outline[0], outline[1]);
        s.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Area);
        s.setMarker(SeriesMarkers.NONE);
        s.setLineColor(color(index, 255));
        s.setFillColor(color(index, 60));
        s.setLineStyle(index == 0 ? new BasicStroke(1.8f)
                : new BasicStroke(1.8f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[]{6f, 4f}, 0f));
    }

    /**
     * Makes XChart choose round tick values on the x-axis. When all x values of a chart are equally spaced (bin edges
     * are), XChart 3.8 puts ticks only on every k-th data value, which gives labels such as 0.1875; one invisible
     * point half-way into the first bin breaks the equal spacing and restores its round-number ticks.
     */
    private static void roundXTicks(XYChart chart, HistogramData h) {
        double[] e = h.edges();
        XYSeries s = chart.addSeries(" ", new double[]{(e[0] + e[1]) / 2}, new double[]{0});
        s.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
        s.setMarker(SeriesMarkers.NONE);
        s.setShowInLegend(false);
        chart.getStyler().setXAxisDecimalPattern("0.######");
    }

    /** The smallest "round" number (1, 1.2, 1.5, 2, 2.5, 3, 4, 5, 6, 8 times a power of ten) that is >= x > 0. */
    static double niceCeil(double x) {
        if (!(x > 0) || !Double.isFinite(x)) {
            throw new IllegalArgumentException("niceCeil needs a finite x > 0, got " + x);
        }
        double scale = Math.pow(10, Math.floor(Math.log10(x)));
        for (double f : new double[]{1, 1.2, 1.5, 2, 2.5, 3, 4, 5, 6, 8, 10}) {
            double v = f * scale;
            if (v >= x * (1 - 1e-12)) {
                return Math.max(v, x);
            }
        }
        return 10 * scale;
    }

    /** Concatenates arrays in order. */
    static double[] concat(List<double[]> parts) {
        int n = 0;
        for (double[] p : parts) {
            n += p.length;
        }
        double[] all = new double[n];
        int at = 0;
        for (double[] p : parts) {
            System.arraycopy(p, 0, all, at, p.length);
            at += p.length;
        }
        return all;
    }

    /** All values of {@code a}, any shape, in row-major order. */
    static double[] toDoubles(INDArray a) {
        return a.castTo(DataType.DOUBLE).dup('c').data().asDouble();
    }
}
