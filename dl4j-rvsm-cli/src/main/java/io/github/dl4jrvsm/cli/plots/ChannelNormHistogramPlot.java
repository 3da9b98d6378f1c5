package io.github.dl4jrvsm.cli.plots;

import io.github.dl4jrvsm.core.prox.ChannelGrouping;
import io.github.dl4jrvsm.core.prox.GroupNorms;
import io.github.dl4jrvsm.core.report.SparsityReport;
import io.github.dl4jrvsm.core.internal.NamedLayer;
import io.github.dl4jrvsm.core.training.SparseExport;
import org.deeplearning4j.nn.api.Model;
import org.deeplearning4j.nn.conf.layers.ConvolutionLayer;
import org.knowm.xchart.XYChart;
import org.nd4j.linalg.api.ndarray.INDArray;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Histogram of per-channel l2 norms over the convolution layers of one or more networks (e.g. RGSM against ADMM), the
 * picture the dissertation uses to show that group penalties push whole channels to zero while others stay large.
 *
 * <p>A channel is zero when its norm is below {@link SparsityReport#CHANNEL_ZERO_NORM} (the same rule as the sparsity
 * report). Zero channels are counted in the legend ("12 of 64 channels zero") and not drawn as a bar: a tall bar at 0
 * would squash the non-zero norms, and the count says more than its height would. The x-axis starts at 0, so the gap
 * between zero channels and the smallest surviving norm stays visible. Heights are channel counts.
 *
 * <pre>{@code
 * new ChannelNormHistogramPlot().add("RGSM", rgsmNet).add("ADMM", admmNet).write(dir.resolve("channel-norms.png"));
 * }</pre>
 */
public final class ChannelNormHistogramPlot extends HistogramPlot<ChannelNormHistogramPlot> {

    /** Default number of bins. */
    public static final int DEFAULT_BINS = 40;

    public ChannelNormHistogramPlot() {
        super("Channel norms of the convolution layers", DEFAULT_BINS);
    }

    /** Adds a series of channel norms; they must be finite, non-negative and not empty. */
    public ChannelNormHistogramPlot add(String label, double[] norms) {
        requireNewSeries(label, norms, "channel norms");
        for (double v : norms) {
            if (!Double.isFinite(v) || v < 0) {
                throw new IllegalArgumentException("Series '" + label + "' has the channel norm " + v
                        + "; norms must be finite and >= 0");
            }
        }
        return put(label, norms);
    }

    /** Adds the norms of every group of the given weight tensors (dense {@code [nIn,nOut]} or conv kernels). */
    public ChannelNormHistogramPlot add(String label, List<INDArray> weights, ChannelGrouping grouping) {
        if (weights == null || weights.isEmpty()) {
            throw new IllegalArgumentException("Series '" + label + "' has no weight tensors");
        }
        List<double[]> parts = new ArrayList<>();
        for (INDArray w : weights) {
            parts.add(toDoubles(GroupNorms.of(w, grouping)));
        }
        return add(label, concat(parts));
    }

    /** Adds the output-channel (filter) norms of every 2-D convolution layer of {@code model}. */
    public ChannelNormHistogramPlot add(String label, Model model) {
        return add(label, channelNorms(model, ChannelGrouping.OUTPUT));
    }

    /** Adds the channel norms of every 2-D convolution layer of {@code model}, grouped by {@code grouping}. */
    public ChannelNormHistogramPlot add(String label, Model model, ChannelGrouping grouping) {
        return add(label, channelNorms(model, grouping));
    }

    /**
     * One l2 norm per channel of every 2-D convolution layer, layer after layer in model order.
     *
     * @throws IllegalArgumentException if the model has no 2-D convolution layer
     */
    public static double[] channelNorms(Model model, ChannelGrouping grouping) {
        if (model == null || grouping == null) {
            throw new IllegalArgumentException("model and grouping must not be null");
        }
        List<double[]> parts = new ArrayList<>();
        for (NamedLayer l : NamedLayer.of(model)) {
            if (l.config().getClass() == ConvolutionLayer.class) {
                parts.add(toDoubles(GroupNorms.of(SparseExport.weights(model, l), grouping)));
            }
        }
        if (parts.isEmpty()) {
            throw new IllegalArgumentException("The model has no 2-D convolution layer; pass the norms or weight "
                    + "tensors of the layers to plot instead");
        }
        return concat(parts);
    }

    /** Channels with norm below {@link SparsityReport#CHANNEL_ZERO_NORM}. */
    public static long zeroChannels(double[] norms) {
        long n = 0;
        for (double v : norms) {
            if (v < SparsityReport.CHANNEL_ZERO_NORM) {
                n++;
            }
        }
        return n;
    }

    /**
     * The histograms the chart draws, one per series, on common bins over {@code [0, largest norm]}; zero channels
     * are in {@link HistogramData#excluded()}.
     */
    public List<HistogramData> histograms() {
        requireSomeSeries("channel norms");
        double max = largest(v -> v);
        double hi = max >= SparsityReport.CHANNEL_ZERO_NORM ? niceCeil(max) : 1;
        return binAll(0, hi, v -> v < SparsityReport.CHANNEL_ZERO_NORM);
    }

    @Override
    XYChart chart() {
        List<HistogramData> hs = histograms();
        return draw(newChart("l2 norm of a channel", "channels per bin"), hs, "#,##0", h -> 1.0,
                h -> String.format(Locale.ROOT, "%s: %d of %d channels zero (not drawn)", h.label(), h.excluded(),
                        h.total()));
    }
}
