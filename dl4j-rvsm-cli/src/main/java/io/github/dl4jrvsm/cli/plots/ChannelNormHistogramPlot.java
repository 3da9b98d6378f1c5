package io.github.dl4jrvsm.cli.plots;

import io.github.dl4jrvsm.core.prox.ChannelGrouping;
import io.github.dl4jrvsm.core.prox.GroupNorms;
import io.github.dl4jrvsm.core.report.SparsityReport;
import io.github.dl4jrvsm.core.internal.NamedLayer;
import io.github.dl4jrvsm.core.training.SparseExport;
import org.deeplearning4j.nn.api.Model;
import org.deeplearning4j.nn.conf.layers.ConvolutionLayer;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.style.Styler;
import org.nd4j.linalg.api.ndarray.INDArray;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

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
public final class ChannelNormHistogramPlot extends Plot<ChannelNormHistogramPlot> {

    /** Default number of bins. */
    public static final int DEFAULT_BINS = 40;

    private final Map<String, double[]> series = new LinkedHashMap<>();
    private int bins = DEFAULT_BINS;

    public ChannelNormHistogramPlot() {
        super("Channel norms of the convolution layers");
    }

    /** Sets the number of bins (2 to 1000). */
    public ChannelNormHistogramPlot bins(int bins) {
        if (bins < 2 || bins > 1000) {
            throw new IllegalArgumentException("bins must be in [2, 1000], got " + bins);
        }
        this.bins = bins;
        return this;
    }

    /** Adds a series of channel norms; they must be finite, non-negative and not empty. */
    public ChannelNormHistogramPlot add(String label, double[] norms) {
        requireText(label, "label");
        if (series.containsKey(label)) {
            throw new IllegalArgumentException("Duplicate series label '" + label + "'");
        }
        if (norms == null || norms.length == 0) {
            throw new IllegalArgumentException("Series '" + label + "' has no channel norms");
        }
        for (double v : norms) {
            if (!Double.isFinite(v) || v < 0) {
                throw new IllegalArgumentException("Series '" + label + "' has the channel norm " + v
                        + "; norms must be finite and >= 0");
            }
        }
        series.put(label, norms.clone());
        return this;
    }

    /** Adds the norms of every group of the given weight tensors (dense {@code [nIn,nOut]} or conv kernels). */
    public ChannelNormHistogramPlot add(String label, List<INDArray> weights, ChannelGrouping grouping) {
        if (weights == null || weights.isEmpty()) {
            throw new IllegalArgumentException("Series '" + label + "' has no weight tensors");
        }
        List<double[]> parts = new ArrayList<>();
        for (INDArray w : weights) {
            parts.add(WeightHistogramPlot.toDoubles(GroupNorms.of(w, grouping)));
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
                parts.add(WeightHistogramPlot.toDoubles(GroupNorms.of(SparseExport.weights(model, l), grouping)));
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
        if (series.isEmpty()) {
            throw new IllegalArgumentException("No channel norms to plot: add at least one series");
        }
        double max = 0;
        for (double[] norms : series.values()) {
            for (double v : norms) {
                max = Math.max(max, v);
            }
        }
        double hi = max >= SparsityReport.CHANNEL_ZERO_NORM ? niceCeil(max) : 1;
        List<HistogramData> out = new ArrayList<>();
        for (Map.Entry<String, double[]> e : series.entrySet()) {
            out.add(HistogramData.of(e.getKey(), e.getValue(), 0, hi, bins, v -> v < SparsityReport.CHANNEL_ZERO_NORM));
        }
        return out;
    }

    @Override
    XYChart chart() {
        List<HistogramData> hs = histograms();
        XYChart chart = newChart("l2 norm of a channel", "channels per bin");
        chart.getStyler().setYAxisMin(0.0);
        chart.getStyler().setYAxisDecimalPattern("#,##0");
        chart.getStyler().setLegendPosition(Styler.LegendPosition.OutsideS);
        for (int i = 0; i < hs.size(); i++) {
            HistogramData h = hs.get(i);
            double[][] xy = h.outline(1.0);
            String legend = String.format(Locale.ROOT, "%s: %d of %d channels zero (not drawn)", h.label(),
                    h.excluded(), h.total());
            addHistogramSeries(chart, i, legend, xy);
        }
        roundXTicks(chart, hs.get(0));
        keepYRangeWhenEmpty(chart, hs, 1.0);
        return chart;
    }

}
