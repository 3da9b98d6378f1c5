package io.github.dl4jrvsm.cli.plots;

import io.github.dl4jrvsm.core.training.LayerSelection;
import io.github.dl4jrvsm.core.internal.NamedLayer;
import io.github.dl4jrvsm.core.training.SparseExport;
import org.deeplearning4j.nn.api.Model;
import org.knowm.xchart.XYChart;
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
public final class WeightHistogramPlot extends HistogramPlot<WeightHistogramPlot> {

    /** Default number of bins. */
    public static final int DEFAULT_BINS = 80;

    /** Per series: where its weights came from ("" = the whole model, a layer name, or null for raw data). */
    private final Map<String, String> origins = new LinkedHashMap<>();

    public WeightHistogramPlot() {
        super("Weight histogram", DEFAULT_BINS);
    }

    /** Adds a series of weight values; they must be finite and not empty. */
    public WeightHistogramPlot add(String label, double[] weights) {
        requireNewSeries(label, weights, "weights");
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
        return put(label, weights);
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
        requireSomeSeries("weights");
        double max = largest(Math::abs);
        double range = max > 0 ? niceCeil(max) : 1;   // all weights zero: any range will do, nothing is binned
        return binAll(-range, range, v -> v == 0.0);
    }

    @Override
    XYChart chart() {
        List<HistogramData> hs = histograms();
        XYChart chart = newChart("weight value", "share of the weights per bin");
        String origin = origins.size() == seriesCount() && origins.values().stream().distinct().count() == 1
                ? origins.values().iterator().next() : null;
        if (!hasCustomTitle() && origin != null) {
            chart.setTitle("Weight histogram, " + (origin.isEmpty() ? "all convolution and dense weights"
                    : "layer " + origin));
        }
        return draw(chart, hs, "0.0#%", h -> 1.0 / h.total(),
                h -> String.format(Locale.ROOT, "%s: %.1f%% exactly zero (not drawn)", h.label(),
                        100 * h.excludedShare()));
    }
}
