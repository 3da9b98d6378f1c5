package io.github.dl4jrvsm.cli.plots;

import io.github.dl4jrvsm.adversarial.evaluation.RobustnessReport;
import io.github.dl4jrvsm.adversarial.evaluation.RobustnessReport.EpsilonPoint;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;

import java.awt.BasicStroke;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Robust accuracy against the attack budget epsilon for one or more models (e.g. dense against sparse), from the
 * epsilon curve of {@link RobustnessReport}. Epsilon is shown in units of 1/255 (8 means 8/255), the way budgets for
 * images in [0, 1] are usually quoted.
 *
 * <p>The point at epsilon = 1 (the whole image space), which {@code RobustnessEvaluation} appends as a
 * gradient-masking check, would stretch the axis to 255 and squeeze the informative range into its first few percent.
 * It is therefore not drawn when the curve has other points; its accuracy goes into the legend entry instead
 * ("at 255/255: 0.0%"), where a value far above zero still catches the eye.
 *
 * <pre>{@code
 * new RobustnessCurvePlot().add("dense", denseReport).add("sparse", sparseReport).write(dir.resolve("robustness.png"));
 * }</pre>
 */
public final class RobustnessCurvePlot extends Plot<RobustnessCurvePlot> {

    /** Epsilon of the unbounded check; such points are moved into the legend. */
    static final double UNBOUNDED_EPSILON = 1.0;

    /** One drawn curve: epsilons in 1/255 units, accuracies, and the unbounded check's accuracy (NaN if none). */
    record Curve(String label, double[] epsilon255, double[] accuracy, double unboundedAccuracy) {
    }

    private final Map<String, List<EpsilonPoint>> series = new LinkedHashMap<>();

    public RobustnessCurvePlot() {
        super("Robust accuracy against the attack budget");
    }

    /** Adds a model's epsilon curve from its robustness report. */
    public RobustnessCurvePlot add(String label, RobustnessReport report) {
        if (report == null) {
            throw new IllegalArgumentException("Series '" + label + "': report must not be null");
        }
        return add(label, report.epsilonCurve());
    }

    /**
     * Adds one model's points (any order); epsilons in [0, 1] and distinct, accuracies in [0, 1].
     *
     * @throws IllegalArgumentException naming the series and the offending point
     */
    public RobustnessCurvePlot add(String label, List<EpsilonPoint> points) {
        SeriesName.LABEL.requireNew(series, label, points == null || points.isEmpty(), "epsilon points");
        List<EpsilonPoint> sorted = new ArrayList<>(points);
        for (EpsilonPoint p : sorted) {
            if (p == null) {
                throw new IllegalArgumentException("Series '" + label + "' contains a null point");
            }
            if (!(p.epsilon() >= 0 && p.epsilon() <= 1)) {
                throw new IllegalArgumentException("Series '" + label + "': epsilon must be in [0, 1] (pixel units, "
                        + "8/255 = 0.0314), got " + p.epsilon());
            }
            if (!(p.accuracy() >= 0 && p.accuracy() <= 1)) {
                throw new IllegalArgumentException("Series '" + label + "': accuracy at epsilon " + p.epsilon()
                        + " must be in [0, 1], got " + p.accuracy());
            }
        }
        sorted.sort(Comparator.comparingDouble(EpsilonPoint::epsilon));
        for (int i = 1; i < sorted.size(); i++) {
            if (sorted.get(i).epsilon() == sorted.get(i - 1).epsilon()) {
                throw new IllegalArgumentException("Series '" + label + "' has epsilon " + sorted.get(i).epsilon()
                        + " twice");
            }
        }
        series.put(label, List.copyOf(sorted));
        return this;
    }

    /** The curves the chart draws, in insertion order. */
    List<Curve> curves() {
        if (series.isEmpty()) {
            throw new IllegalArgumentException("No robustness curves to plot: add at least one series");
        }
        List<Curve> out = new ArrayList<>();
        for (Map.Entry<String, List<EpsilonPoint>> e : series.entrySet()) {
            List<EpsilonPoint> pts = e.getValue();
            double unbounded = Double.NaN;
            EpsilonPoint last = pts.get(pts.size() - 1);
            if (pts.size() > 1 && last.epsilon() == UNBOUNDED_EPSILON) {
                unbounded = last.accuracy();
                pts = pts.subList(0, pts.size() - 1);
            }
            double[] x = new double[pts.size()], y = new double[pts.size()];
            for (int i = 0; i < pts.size(); i++) {
                x[i] = pts.get(i).epsilon() * 255;
                y[i] = pts.get(i).accuracy();
            }
            out.add(new Curve(e.getKey(), x, y, unbounded));
        }
        return out;
    }

    @Override
    XYChart chart() {
        List<Curve> curves = curves();
        XYChart chart = newChart("epsilon (in units of 1/255, L-infinity)", "robust accuracy");
        var st = chart.getStyler();
        st.setYAxisMin(0.0);
        st.setYAxisMax(1.0);
        st.setYAxisDecimalPattern("0%");
        st.setXAxisDecimalPattern("0.##");
        st.setXAxisMin(0.0);
        st.setLegendPosition(Styler.LegendPosition.InsideNE);
        for (int i = 0; i < curves.size(); i++) {
            Curve c = curves.get(i);
            String legend = Double.isNaN(c.unboundedAccuracy()) ? c.label()
                    : String.format(Locale.ROOT, "%s (at 255/255: %.1f%%)", c.label(), 100 * c.unboundedAccuracy());
            XYSeries s = chart.addSeries(legend, c.epsilon255(), c.accuracy());
            s.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Line);
            s.setLineColor(color(i, 255));
            s.setMarkerColor(color(i, 255));
            s.setMarker(SeriesMarkers.CIRCLE);
            s.setLineStyle(new BasicStroke(2f));
        }
        return chart;
    }
}
