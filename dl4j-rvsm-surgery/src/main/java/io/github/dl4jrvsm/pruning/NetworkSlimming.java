package io.github.dl4jrvsm.pruning;

import org.deeplearning4j.nn.api.Model;
import org.deeplearning4j.nn.params.BatchNormalizationParamInitializer;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Network slimming (Liu et al. 2017, "Learning Efficient Convolutional Networks through Network Slimming"), the
 * first channel-pruning baseline of the dissertation's Table 4.3.
 *
 * <ol>
 *   <li>Train with an l1 penalty {@code s * |gamma|} on every batch-norm scale ({@link GammaL1Penalty},
 *       {@link #addGammaPenalty}); the paper's default is {@code s = 1e-4} ({@link #PAPER_SPARSITY}).</li>
 *   <li>{@link #select}: one GLOBAL threshold on |gamma| over all batch norms that follow a convolution; the
 *       {@code floor(fraction * N)} channels with the smallest |gamma| are pruned ({@code N}: their channels).</li>
 *   <li>{@link #prune}: cut them out ({@link ChannelPruner}), then fine-tune {@link PrunedModel#network()} or retrain
 *       {@link PrunedModel#fromScratch(long)} (Table 4.3 retrains from scratch with random initialisation).</li>
 * </ol>
 *
 * <p><b>At least one channel per layer is kept.</b> A global threshold can take every channel of a layer whose
 * gammas all shrank (the dissertation reports the original implementation produced layers with 0 channels, which
 * disconnects the network and which DL4J cannot even build). When that happens the layer keeps its channel with
 * the largest |gamma|, so slightly fewer channels than requested may be pruned; {@link ChannelSelection#fraction()}
 * is the fraction actually chosen. The lost channels are not re-taken from other layers, so the threshold stays the
 * paper's global one for all other layers.
 */
public final class NetworkSlimming {

    /** The sparsity coefficient {@code s} of Liu et al. (2017) for their CIFAR experiments. */
    public static final double PAPER_SPARSITY = 1e-4;

    private NetworkSlimming() {
    }

    /**
     * Adds the l1 penalty {@code sparsity * |gamma|} on every batch-norm gamma to the network's training (in place).
     *
     * @throws IllegalArgumentException if {@code sparsity} is negative or not finite, or the model has no
     *                                  batch-norm layer with trainable gamma
     */
    public static <M extends Model> M addGammaPenalty(M model, double sparsity) {
        GammaL1Penalty penalty = new GammaL1Penalty(sparsity);
        penalty.requireBatchNorm(model);
        penalty.attachTo(model);
        return model;
    }

    /**
     * The channels with the smallest |gamma| over all batch norms that follow a convolution.
     *
     * @param fraction in {@code [0, 1)}: the fraction of those channels to prune (before the keep-one rule)
     * @throws IllegalArgumentException for a fraction outside {@code [0, 1)}, or a model with no batch norm after a
     *                                  convolution
     */
    public static ChannelSelection select(Model model, double fraction) {
        PruningFraction.require("Slimming fraction", fraction);
        List<PrunableConvolution> scaled = PrunableConvolution.of(model).stream()
                .filter(c -> !c.batchNorms().isEmpty()).toList();
        if (scaled.isEmpty()) {
            throw new IllegalArgumentException("Network slimming needs batch-norm layers after convolutions, but "
                    + "the model has none" + (PrunableConvolution.of(model).isEmpty() ? " (and no 2-D convolution)"
                    : "; convolutions: " + PrunableConvolution.of(model).stream().map(PrunableConvolution::name).toList()));
        }
        List<ScoredChannel> all = new ArrayList<>();
        for (PrunableConvolution c : scaled) {
            INDArray g = LayerParams.of(model, c.batchNorms().get(0), BatchNormalizationParamInitializer.GAMMA);
            double[] gamma = g.castTo(DataType.DOUBLE).reshape(g.length()).toDoubleVector();
            for (int o = 0; o < gamma.length; o++) {
                all.add(new ScoredChannel(c.name(), o, Math.abs(gamma[o])));
            }
        }
        List<ScoredChannel> chosen = new ArrayList<>(ScoredChannel.lowest(all, ScoredChannel.count(fraction, all.size())));
        keepOnePerLayer(chosen, scaled);
        return ChannelSelection.of(ScoredChannel.byLayer(chosen), all.size());
    }

    /** {@link #select} then {@link ChannelPruner#prune}; {@code model} is not changed. */
    public static PrunedModel prune(Model model, double fraction) {
        return ChannelPruner.prune(model, select(model, fraction));
    }

    /** Drops from {@code chosen} the highest-|gamma| channel of every layer that would otherwise lose all. */
    private static void keepOnePerLayer(List<ScoredChannel> chosen, List<PrunableConvolution> layers) {
        Map<String, Integer> taken = new HashMap<>();
        chosen.forEach(c -> taken.merge(c.layer(), 1, Integer::sum));
        for (PrunableConvolution l : layers) {
            if (taken.getOrDefault(l.name(), 0) == l.channels()) {
                ScoredChannel largest = null;
                for (ScoredChannel c : chosen) {        // ascending score: the last of the layer is its largest
                    if (c.layer().equals(l.name())) {
                        largest = c;
                    }
                }
                chosen.remove(largest);
            }
        }
    }
}
