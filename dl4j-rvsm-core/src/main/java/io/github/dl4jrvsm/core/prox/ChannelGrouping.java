package io.github.dl4jrvsm.core.prox;

import io.github.dl4jrvsm.core.internal.Validate;
import org.nd4j.linalg.api.ndarray.INDArray;

import java.util.Arrays;

/**
 * Which slices of a weight tensor form one group for the group penalties.
 *
 * <p>DL4J stores a convolution kernel as {@code [nOut, nIn, kH, kW]} (also for NHWC activations) and a dense weight
 * as {@code [nIn, nOut]}. {@link #OUTPUT} groups all weights that produce one output channel or neuron (a filter);
 * {@link #INPUT} groups all weights that read one input channel or neuron.
 *
 * <p>{@code OUTPUT} is the library default: a zero filter removes a whole output channel of the layer, which the
 * channel-surgery step can cut out of the layer and out of its consumers. {@code INPUT} is what the dissertation's
 * reference code groups by, so the reproduction benchmarks use it.
 */
public enum ChannelGrouping {
    OUTPUT,
    INPUT;

    /** The axis of {@code w} that indexes the groups. */
    public int groupAxis(INDArray w) {
        int rank = w.rank();
        Validate.check(rank >= 2, () -> "Group penalties need a weight of rank >= 2 (dense [nIn,nOut] or "
                + "convolution [nOut,nIn,...]); got shape " + Arrays.toString(w.shape()));
        boolean dense = rank == 2;
        if (this == OUTPUT) {
            return dense ? 1 : 0;
        }
        return dense ? 0 : 1;
    }

    /** The axes that are reduced to compute one norm per group. */
    public long[] reducedAxes(INDArray w) {
        int axis = groupAxis(w);
        long[] dims = new long[w.rank() - 1];
        for (int d = 0, i = 0; d < w.rank(); d++) {
            if (d != axis) {
                dims[i++] = d;
            }
        }
        return dims;
    }
}
