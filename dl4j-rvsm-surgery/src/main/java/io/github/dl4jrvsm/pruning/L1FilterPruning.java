package io.github.dl4jrvsm.pruning;

import org.deeplearning4j.nn.api.Model;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.ops.transforms.Transforms;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * l1-norm filter pruning (Li et al. 2017, "Pruning Filters for Efficient ConvNets"), the second channel-pruning
 * baseline of the dissertation's Table 4.3: in each convolution, the filters {@code W[o, :, :, :]} with the
 * smallest {@code sum |W[o, c, i, j]|} are pruned, {@code floor(rate * nOut)} of them, each layer independently
 * (the paper's "independent" strategy: scores come from the trained, unpruned network). Then fine-tune
 * {@link PrunedModel#network()} (train, prune, retrain).
 *
 * <p>Why per layer and not global: Li et al. choose a rate per layer from a sensitivity analysis (some layers, e.g.
 * the first and the last of VGG-16, are left intact), so a single rate or a map from layer name to rate is the
 * input. Ties are broken towards the lower channel index. A rate below 1 always leaves at least one filter.
 * Biases and batch norm do not enter the score, as in the paper.
 */
public final class L1FilterPruning {

    private L1FilterPruning() {
    }

    /**
     * The same rate for every 2-D convolution of the model.
     *
     * @throws IllegalArgumentException for a rate outside {@code [0, 1)} or a model without convolutions
     */
    public static ChannelSelection select(Model model, double rate) {
        PruningFraction.require("Filter pruning rate", rate);
        Map<String, Double> rates = new LinkedHashMap<>();
        for (PrunableConvolution c : PrunableConvolution.of(model)) {
            rates.put(c.name(), rate);
        }
        if (rates.isEmpty()) {
            throw new IllegalArgumentException("l1-norm filter pruning needs 2-D convolution layers, but the model "
                    + "has none");
        }
        return select(model, rates);
    }

    /**
     * A rate per named convolution; layers not named are not pruned and not counted in the fraction.
     *
     * @throws IllegalArgumentException naming an unknown or non-convolution layer, or a rate outside {@code [0, 1)}
     */
    public static ChannelSelection select(Model model, Map<String, Double> rates) {
        if (rates == null || rates.isEmpty()) {
            throw new IllegalArgumentException("rates must name at least one convolution layer");
        }
        Map<String, PrunableConvolution> convs = ChannelMasking.convolutionsByName(model);
        for (Map.Entry<String, Double> e : rates.entrySet()) {
            if (!convs.containsKey(e.getKey())) {
                throw new IllegalArgumentException("Unknown convolution layer '" + e.getKey() + "'; 2-D convolutions "
                        + "of the model: " + convs.keySet());
            }
            if (e.getValue() == null) {
                throw new IllegalArgumentException("Filter pruning rate of '" + e.getKey() + "' is null");
            }
            PruningFraction.require("Filter pruning rate of '" + e.getKey() + "'", e.getValue());
        }
        List<ScoredChannel> chosen = new ArrayList<>();
        int considered = 0;
        for (PrunableConvolution c : convs.values()) {
            Double rate = rates.get(c.name());
            if (rate != null) {
                List<ScoredChannel> filters = filterNorms(model, c);
                chosen.addAll(ScoredChannel.lowest(filters, ScoredChannel.count(rate, filters.size())));
                considered += filters.size();
            }
        }
        return ChannelSelection.of(ScoredChannel.byLayer(chosen), considered);
    }

    /** {@link #select(Model, double)} then {@link ChannelPruner#prune}; {@code model} is not changed. */
    public static PrunedModel prune(Model model, double rate) {
        return ChannelPruner.prune(model, select(model, rate));
    }

    /** {@link #select(Model, Map)} then {@link ChannelPruner#prune}; {@code model} is not changed. */
    public static PrunedModel prune(Model model, Map<String, Double> rates) {
        return ChannelPruner.prune(model, select(model, rates));
    }

    /** Per output channel {@code o}: {@code sum |W[o, :, :, :]|}, the filter's l1 norm. */
    static List<ScoredChannel> filterNorms(Model model, PrunableConvolution c) {
        INDArray w = LayerParams.of(model, c.conv(), "W");
        double[] norms = Transforms.abs(w, true).castTo(DataType.DOUBLE).sum(1, 2, 3).toDoubleVector();
        List<ScoredChannel> out = new ArrayList<>();
        for (int o = 0; o < norms.length; o++) {
            out.add(new ScoredChannel(c.name(), o, norms[o]));
        }
        return out;
    }
}
