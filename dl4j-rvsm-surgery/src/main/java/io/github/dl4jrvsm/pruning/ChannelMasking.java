package io.github.dl4jrvsm.pruning;

import io.github.dl4jrvsm.core.internal.NetworkAdapter;
import io.github.dl4jrvsm.surgery.ChannelNode;
import org.deeplearning4j.nn.api.Model;
import org.deeplearning4j.nn.params.BatchNormalizationParamInitializer;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.indexing.NDArrayIndex;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Applies a {@link ChannelSelection} by zeroing, in a copy of the model: the selected filters {@code W[o, :, :, :]}
 * and biases {@code b[o]} of each convolution, and {@code gamma[o]} and {@code beta[o]} of the batch norms after it.
 *
 * <p>Why zero instead of cutting directly: a zero filter with zero gamma and beta gives a channel that is exactly 0
 * in inference mode, whatever the running statistics, and {@link io.github.dl4jrvsm.surgery.ChannelSurgery}
 * already knows how to cut such channels out of every consumer (next convolution, flattening dense layer, residual
 * joins). The masked copy is also the reference the cut network must reproduce.
 */
public final class ChannelMasking {

    private ChannelMasking() {
    }

    /**
     * A copy of {@code model} with the selected channels zeroed; {@code model} is not changed.
     *
     * @throws IllegalArgumentException naming a selected layer that is not a 2-D convolution of the model, or a
     *                                  channel index outside the layer
     */
    @SuppressWarnings("unchecked")
    public static <M extends Model> M mask(M model, ChannelSelection selection) {
        Map<String, PrunableConvolution> convs = convolutionsByName(model);
        for (Map.Entry<String, List<Integer>> e : selection.removed().entrySet()) {
            PrunableConvolution c = convs.get(e.getKey());
            if (c == null) {
                throw new IllegalArgumentException("Unknown convolution layer '" + e.getKey() + "' in the selection; "
                        + "2-D convolutions of the model: " + convs.keySet());
            }
            int last = e.getValue().get(e.getValue().size() - 1);
            if (last >= c.channels()) {
                throw new IllegalArgumentException("Channel " + last + " of '" + e.getKey() + "' does not exist: the "
                        + "layer has " + c.channels() + " output channels");
            }
        }
        Model copy = copyOf(model);
        zero(copy, convs, selection);
        return (M) copy;
    }

    /**
     * Zeroes the selected channels of {@code model} itself, without the checks and the copy of {@link #mask}: for
     * holding already-validated channels at zero after every training step, where copying the model would cost more
     * than the step's own bookkeeping.
     */
    public static void zeroInPlace(Model model, ChannelSelection selection) {
        zero(model, convolutionsByName(model), selection);
    }

    private static void zero(Model model, Map<String, PrunableConvolution> convs, ChannelSelection selection) {
        for (Map.Entry<String, List<Integer>> e : selection.removed().entrySet()) {
            zeroChannels(model, convs.get(e.getKey()), e.getValue());
        }
    }

    /** The model's 2-D convolutions by name. */
    static Map<String, PrunableConvolution> convolutionsByName(Model model) {
        return PrunableConvolution.of(model).stream().collect(Collectors.toMap(PrunableConvolution::name, c -> c,
                (a, b) -> a, LinkedHashMap::new));
    }

    private static void zeroChannels(Model model, PrunableConvolution c, List<Integer> channels) {
        INDArray w = LayerParams.of(model, c.conv(), "W");
        // Sliced on a copy: in ND4J 1.0.0-M2.1 get(point(last), all, all, all) on a parameter view can come back
        // empty (seen on the last filter of a 3x3 convolution), so the view itself is only assigned as a whole.
        INDArray masked = w.dup();
        for (int o : channels) {
            masked.get(NDArrayIndex.point(o), NDArrayIndex.all(), NDArrayIndex.all(), NDArrayIndex.all()).assign(0);
        }
        w.assign(masked);
        INDArray b = LayerParams.of(model, c.conv(), "b");
        for (int o : channels) {
            if (b != null) {
                zeroEntry(b, o);
            }
            for (ChannelNode bn : c.batchNorms()) {
                zeroEntry(LayerParams.of(model, bn, BatchNormalizationParamInitializer.GAMMA), o);
                zeroEntry(LayerParams.of(model, bn, BatchNormalizationParamInitializer.BETA), o);
            }
        }
    }

    private static void zeroEntry(INDArray vector, int i) {
        vector.putScalar(i, 0);
    }

    private static Model copyOf(Model model) {
        return NetworkAdapter.of(model).copy();
    }
}
