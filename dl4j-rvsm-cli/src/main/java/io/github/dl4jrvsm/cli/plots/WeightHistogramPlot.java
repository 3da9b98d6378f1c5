package io.github.dl4jrvsm.cli.plots;

import io.github.dl4jrvsm.core.training.LayerSelection;
import io.github.dl4jrvsm.core.internal.NamedLayer;
import io.github.dl4jrvsm.core.training.SparseExport;
import org.deeplearning4j.nn.api.Model;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.style.Styler;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Histogram of weight values, several networks overlaid (typically the model before export and its sparse copy), in
 * the spirit of the dissertation's dense-vs-sparse and EnResNet-vs-ResNet weight histograms.
 *
 * <p><b>Why exact zeros are not binned.</b> A sparse model has most of its weights at exactly 0; drawn as a bar, that
 * spike is tens of times higher than any other bin and flattens the rest of the distribution into the axis. A log
 * y-axis keeps it visible but makes the two distributions hard to compare by eye. So exact zeros are counted apart and
 * their share is written in each series' legend entry, while the bins show the non-zero weights: what is left after
 * thresholding (for RVSM-l0 the gap around zero is plainly visible). Heights are the share of <em>all</em> the
 * series' weights (zeros included) that fall in a bin, so networks of different size can be compared and a sparse
 * series' bars sum to one minus its zero share.
 *
 * <p>All series share the same bins, symmetric around 0 and wide enough for the largest non-zero magnitude.
 *
 * <pre>{@code
 * new WeightHistogramPlot().add("before export", net).add("sparse", sparse).write(dir.resolve("weights.png"));
 * }</pre>
 */
public final class WeightHistogramPlot extends Plot<WeightHistogramPlot> {

    /** Default number of bins. */
    public static final int DEFAULT_BINS = 80;

    private final Map<String, double[]> series = new LinkedHashMap<>();
    private int bins = DEFAULT_BINS;
    /** Per series: where its weights came from ("" = the whole model, a layer name, or null for raw data). */
    private final Map<String, String> origins = new LinkedHashMap<>();

    public WeightHistogramPlot() {
        super("Weight histogram");
    }

    /** Sets the number of bins (2 to 1000). */
    public WeightHistogramPlot bins(int bins) {
        if (bins < 2 || bins > 1000) {
            throw new IllegalArgumentException("bins must be in [2, 1000], got " + bins);
        }
        this.bins = bins;
        return this;
    }

    /** Adds a series of weight values; they must be finite and not empty. */
    public WeightHistogramPlot add(String label, double[] weights) {
        requireText(label, "label");
        if (series.containsKey(label)) {
            throw new IllegalArgumentException("Duplicate series label '" + label + "'");
        }
        if (weights == null || weights.length == 0) {
            throw new IllegalArgumentException("Series '" + label + "' has no weights");
        }
        int bad = 0;
        for (double w : weights) {
            if (!Double.isFinite(w)) {
                bad++;
            }
        }
        if (bad > 0) {
            throw new IllegalArgumentException("Series '" + label + "' has " + bad + " NaN or infinite weights of "
                    + weights.length);
        }
        series.put(label, weights.clone());
        return this;
    }

    /** Adds all values of {@code weights} (any shape). */
    public WeightHistogramPlot add(String label, INDArray weights) {
        if (weights == null) {
            throw new IllegalArgumentException("Series '" + label + "' has no weights (null array)");
        }
        return add(label, toDoubles(weights));
    }

    /** Adds every 2-D convolution and dense/output weight of {@code model} (no biases, no batch norm). */
    public WeightHistogramPlot add(String label, Model model) {
        add(label, weightsOf(model, null));
        origins.put(label, "");
        return this;
    }

    /**
     * Adds the weights of one layer of {@code model} (a layer name, or {@code name_W}); the chart title names the
     * layer when all series come from the same one.
     */
    public WeightHistogramPlot add(String label, Model model, String layer) {
        requireText(layer, "layer");
        add(label, weightsOf(model, layer));
        origins.put(label, layer);
        return this;
    }

    /**
     * The weights of {@code model} as one flat array: those of {@code layer}, or of every supported layer
     * ({@link LayerSelection#isSupported}) when {@code layer} is null.
     *
     * @throws IllegalArgumentException for an unknown or unsupported layer, or a model without such layers
     */
    public static double[] weightsOf(Model model, String layer) {
        if (model == null) {
            throw new IllegalArgumentException("model must not be null");
        }
        List<NamedLayer> chosen = LayerSelection.select(NamedLayer.of(model), layer == null ? Set.of() : Set.of(layer));
        List<double[]> parts = new ArrayList<>();
        for (NamedLayer l : chosen) {
            parts.add(toDoubles(SparseExport.weights(model, l)));
        }
        return concat(parts);
    }

    /** The histograms the chart draws, one per series in insertion order, all on the same bins. */
    public List<HistogramData> histograms() {
        if (series.isEmpty()) {
            throw new IllegalArgumentException("No weights to plot: add at least one series");
        }
        double max = 0;
        for (double[] w : series.values()) {
            for (double v : w) {
                max = Math.max(max, Math.abs(v));
            }
        }
        double range = max > 0 ? niceCeil(max) : 1;   // all weights zero: any range will do, nothing is binned
        List<HistogramData> out = new ArrayList<>();
        for (Map.Entry<String, double[]> e : series.entrySet()) {
            out.add(HistogramData.of(e.getKey(), e.getValue(), -range, range, bins, v -> v == 0.0));
        }
        return out;
    }

    @Override
    XYChart chart() {
        List<HistogramData> hs = histograms();
        XYChart chart = newChart("weight value", "share of the weights per bin");
        String origin = origins.size() == series.size() && origins.values().stream().distinct().count() == 1
                ? origins.values().iterator().next() : null;
        if (!hasCustomTitle() && origin != null) {
            chart.setTitle("Weight histogram, " + (origin.isEmpty() ? "all convolution and dense weights"
                    : "layer " + origin));
        }
        chart.getStyler().setYAxisDecimalPattern("0.0#%");
        chart.getStyler().setYAxisMin(0.0);
        chart.getStyler().setLegendPosition(Styler.LegendPosition.OutsideS);
        for (int i = 0; i < hs.size(); i++) {
            HistogramData h = hs.get(i);
            double[][] xy = h.outline(1.0 / h.total());
            String legend = String.format(Locale.ROOT, "%s: %.1f%% exactly zero (not drawn)", h.label(),
                    100 * h.excludedShare());
            addHistogramSeries(chart, i, legend, xy);
        }
        roundXTicks(chart, hs.get(0));
        keepYRangeWhenEmpty(chart, hs, 1.0);
        return chart;
    }

    static double[] toDoubles(INDArray a) {
        return a.castTo(DataType.DOUBLE).dup('c').data().asDouble();
    }
}
