package io.github.dl4jrvsm.core.prox;

import io.github.dl4jrvsm.core.internal.Validate;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * A penalty that acts on whole groups (channels, filters, neurons).
 *
 * <p>Every group prox used here keeps the direction of a group and only rescales it, so an implementation supplies one
 * factor per group from the group norms and this interface applies it. The norms are one reduction of the weights;
 * the per-group arithmetic runs on a Java array of at most a few hundred values, because as ND4J ops it was a dozen
 * native calls per layer and iteration, which cost more than the reduction itself. The value at {@code u} follows
 * from the same norms ({@code ||u_g|| = scale_g ||w_g||}), so RVSM's score needs no second reduction.
 *
 * <p>An interface rather than a base class: "acts on groups" and "has one weight lambda" are independent, and the
 * group l0 and group lasso penalties share their lambda handling with the element-wise ones.
 */
public interface GroupPenalty extends Penalty {

    /** Which slices of a weight form one group. */
    ChannelGrouping getGrouping();

    /** The factor in [0, 1] that each group is multiplied by, given the group norms of {@code w}; a new array. */
    double[] groupScale(double[] norms, double beta);

    /** The penalty value given the group norms of {@code u}. */
    double valueOfNorms(double[] norms);

    @Override
    default INDArray prox(INDArray w, double beta) {
        return proxWithValue(w, beta).u();
    }

    @Override
    default ProxPoint proxWithValue(INDArray w, double beta) {
        double[] norms = magnitudes(w);
        double[] scale = groupScale(norms, Validate.positive("beta", beta));
        INDArray u = GroupNorms.scaled(w, Nd4j.createFromArray(scale), getGrouping());
        for (int g = 0; g < norms.length; g++) {
            norms[g] *= scale[g];
        }
        return new ProxPoint(u, valueOfNorms(norms));
    }

    @Override
    default double value(INDArray u) {
        return valueOfNorms(magnitudes(u));
    }

    /** One norm per group, as a new array: what the group penalties threshold. */
    default double[] magnitudes(INDArray w) {
        return GroupNorms.of(w, getGrouping()).castTo(DataType.DOUBLE).toDoubleVector();
    }
}
