package io.github.dl4jrvsm.core.splitting;

import io.github.dl4jrvsm.core.internal.Validate;
import org.deeplearning4j.nn.conf.layers.ConvolutionLayer;
import org.deeplearning4j.nn.conf.layers.FeedForwardLayer;
import org.deeplearning4j.nn.conf.layers.Layer;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.shade.jackson.annotation.JsonCreator;
import org.nd4j.shade.jackson.annotation.JsonProperty;

import java.io.Serializable;
import java.util.Arrays;

/**
 * Shape and element order of a layer's weight parameter.
 *
 * <p>A ComputationGraph hands a regularization its weights as a flat view, so the group penalties need the layout to
 * find the channels again: DL4J stores convolution kernels as {@code [nOut, nIn, kH, kW]} in C order and dense
 * weights as {@code [nIn, nOut]} in Fortran order.
 */
public record WeightLayout(@JsonProperty("shape") long[] shape, @JsonProperty("order") char order)
        implements Serializable {

    @JsonCreator
    public WeightLayout {
        Validate.check(shape != null && shape.length >= 2,
                () -> "weight shape must have rank >= 2, got " + Arrays.toString(shape));
    }

    /** The layout of a (built) layer configuration's weight. */
    public static WeightLayout of(Layer layer) {
        if (layer instanceof ConvolutionLayer c) {
            int[] k = c.getKernelSize();
            requireKnown(c, c.getNIn());
            return new WeightLayout(new long[]{c.getNOut(), c.getNIn(), k[0], k[1]}, 'c');
        }
        if (layer instanceof FeedForwardLayer f) {
            requireKnown(f, f.getNIn());
            return new WeightLayout(new long[]{f.getNIn(), f.getNOut()}, 'f');
        }
        throw new IllegalArgumentException("No weight layout for layer type " + layer.getClass().getSimpleName());
    }

    /** The layout of a live weight array. */
    public static WeightLayout of(INDArray weights) {
        return new WeightLayout(weights.shape(), weights.ordering());
    }

    private static void requireKnown(FeedForwardLayer l, long nIn) {
        Validate.check(nIn > 0, () -> "Layer '" + l.getLayerName() + "' has no nIn yet: build the "
                + "configuration with setInputType(...) (or set nIn) before adding a sparse method");
    }

    /** {@code param} in this layout (a view when {@code param} is the flat weight view). */
    public INDArray shape(INDArray param) {
        if (Arrays.equals(param.shape(), shape)) {
            return param;
        }
        return param.reshape(order, shape);
    }

    /** {@code values} (in this layout) flattened or reshaped like {@code like}, element order preserved. */
    public INDArray like(INDArray values, INDArray like) {
        if (Arrays.equals(values.shape(), like.shape())) {
            return values;
        }
        return values.reshape(order, like.shape());
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof WeightLayout w && Arrays.equals(w.shape, shape) && w.order == order;
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(shape) * 31 + order;
    }

    @Override
    public String toString() {
        return Arrays.toString(shape) + order;
    }
}
