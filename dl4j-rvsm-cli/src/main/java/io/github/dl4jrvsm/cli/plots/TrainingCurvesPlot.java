package io.github.dl4jrvsm.cli.plots;

import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;

import java.awt.BasicStroke;
import java.util.ArrayList;
import java.util.List;
import java.util.function.ToDoubleFunction;

/**
 * Per-epoch curves of one training run: clean and robust validation accuracy and weight sparsity on the left axis
 * (shares in [0, 1]), training loss on a right axis of its own.
 *
 * <p>One picture answers the questions asked of an RVSM run: does sparsity rise while accuracy holds, and does the
 * robust accuracy follow. The loss has a different scale, so it gets the second axis and a dashed line; its legend
 * entry says "(right axis)". Robust accuracy is optional: epochs where it was not measured carry NaN and are skipped,
 * and the series is left out when no epoch has it.
 *
 * <pre>{@code
 * new TrainingCurvesPlot(records).write(dir.resolve("training.png"));
 * }</pre>
 */
public final class TrainingCurvesPlot extends Plot<TrainingCurvesPlot> {

    /**
     * One epoch of a run.
     *
     * @param epoch          epoch number (strictly increasing within a run)
     * @param trainLoss      mean training loss of the epoch
     * @param cleanAccuracy  validation accuracy on clean inputs, in [0, 1]
     * @param robustAccuracy validation accuracy under attack, in [0, 1], or NaN when not measured
     * @param sparsity       share of exactly-zero weights, in [0, 1]
     */
    public record EpochRecord(int epoch, double trainLoss, double cleanAccuracy, double robustAccuracy,
                              double sparsity) {

        /** An epoch without a robust accuracy. */
        public static EpochRecord withoutRobust(int epoch, double trainLoss, double cleanAccuracy, double sparsity) {
            return new EpochRecord(epoch, trainLoss, cleanAccuracy, Double.NaN, sparsity);
        }
    }

    /** One drawn line: x = epochs, y = values, on y-axis group {@code axis} (0 left, 1 right). */
    record Curve(String name, double[] x, double[] y, int axis) {
    }

    static final String CLEAN = "clean validation accuracy";
    static final String ROBUST = "robust validation accuracy";
    static final String SPARSITY = "sparsity (zero weights)";
    static final String LOSS = "training loss (right axis)";

    private final List<EpochRecord> records;

    /**
     * @throws IllegalArgumentException for no records, epochs not strictly increasing, a non-finite or negative loss,
     *                                  or an accuracy or sparsity outside [0, 1] (percentages are refused)
     */
    public TrainingCurvesPlot(List<EpochRecord> records) {
        super("Training curves");
        if (records == null || records.isEmpty()) {
            throw new IllegalArgumentException("No epochs to plot: the list of epoch records is empty");
        }
        for (int i = 0; i < records.size(); i++) {
            EpochRecord r = records.get(i);
            if (r == null) {
                throw new IllegalArgumentException("Epoch record " + i + " is null");
            }
            if (i > 0 && r.epoch() <= records.get(i - 1).epoch()) {
                throw new IllegalArgumentException("Epochs must increase strictly: epoch " + r.epoch() + " follows "
                        + records.get(i - 1).epoch());
            }
            if (!Double.isFinite(r.trainLoss()) || r.trainLoss() < 0) {
                throw new IllegalArgumentException("Epoch " + r.epoch() + ": training loss must be finite and >= 0, got "
                        + r.trainLoss());
            }
            requireShare(r.epoch(), "clean accuracy", r.cleanAccuracy(), false);
            requireShare(r.epoch(), "robust accuracy", r.robustAccuracy(), true);
            requireShare(r.epoch(), "sparsity", r.sparsity(), false);
        }
        this.records = List.copyOf(records);
    }

    private static void requireShare(int epoch, String what, double v, boolean nanAllowed) {
        if (nanAllowed && Double.isNaN(v)) {
            return;
        }
        if (!(v >= 0 && v <= 1)) {
            throw new IllegalArgumentException("Epoch " + epoch + ": " + what + " must be in [0, 1]"
                    + (nanAllowed ? " or NaN" : "") + ", got " + v);
        }
    }

    /** The lines the chart draws, in legend order; NaN points are dropped and empty lines left out. */
    List<Curve> curves() {
        List<Curve> out = new ArrayList<>();
        addCurve(out, CLEAN, EpochRecord::cleanAccuracy, 0);
        addCurve(out, ROBUST, EpochRecord::robustAccuracy, 0);
        addCurve(out, SPARSITY, EpochRecord::sparsity, 0);
        addCurve(out, LOSS, EpochRecord::trainLoss, 1);
        return out;
    }

    private void addCurve(List<Curve> out, String name, ToDoubleFunction<EpochRecord> f, int axis) {
        List<double[]> pts = new ArrayList<>();
        for (EpochRecord r : records) {
            double v = f.applyAsDouble(r);
            if (!Double.isNaN(v)) {
                pts.add(new double[]{r.epoch(), v});
            }
        }
        if (pts.isEmpty()) {
            return;
        }
        double[] x = new double[pts.size()], y = new double[pts.size()];
        for (int i = 0; i < pts.size(); i++) {
            x[i] = pts.get(i)[0];
            y[i] = pts.get(i)[1];
        }
        out.add(new Curve(name, x, y, axis));
    }

    @Override
    XYChart chart() {
        XYChart chart = newChart("epoch", "accuracy, sparsity (0 to 1)");
        chart.setYAxisGroupTitle(1, "training loss");
        var st = chart.getStyler();
        st.setYAxisGroupPosition(1, Styler.YAxisPosition.Right);
        st.setYAxisMin(0, 0.0);
        st.setYAxisMax(0, 1.0);
        st.setYAxisMin(1, 0.0);
        // no percent pattern: XChart 3.8.8 applies the first y-axis group's pattern to every axis, loss included
        st.setXAxisDecimalPattern("0");
        st.setLegendPosition(Styler.LegendPosition.OutsideS);
        st.setLegendLayout(Styler.LegendLayout.Horizontal);
        if (records.size() > 1) {
            st.setXAxisMin((double) records.get(0).epoch());
            st.setXAxisMax((double) records.get(records.size() - 1).epoch());
        }
        List<Curve> curves = curves();
        for (int i = 0; i < curves.size(); i++) {
            Curve c = curves.get(i);
            XYSeries s = chart.addSeries(c.name(), c.x(), c.y());
            s.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Line);
            s.setYAxisGroup(c.axis());
            int colour = switch (c.name()) {
                case CLEAN -> 0;
                case ROBUST -> 1;
                case SPARSITY -> 2;
                default -> 3;
            };
            s.setLineColor(color(colour, 255));
            s.setMarkerColor(color(colour, 255));
            s.setMarker(records.size() <= 40 ? SeriesMarkers.CIRCLE : SeriesMarkers.NONE);
            s.setLineStyle(c.axis() == 1
                    ? new BasicStroke(2f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND, 10f, new float[]{8f, 5f}, 0f)
                    : new BasicStroke(2f));
        }
        return chart;
    }
}
