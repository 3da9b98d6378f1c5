package io.github.dl4jrvsm.core.prox;

import io.github.dl4jrvsm.core.internal.Validate;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.shade.jackson.annotation.JsonProperty;

import java.util.function.DoubleUnaryOperator;

/**
 * Base of the penalties that act on whole groups (channels, filters, neurons).
 *
 * <p>Every group prox used here keeps the direction of a group and only rescales it, so a subclass supplies one
 * factor per group from the group norms; the base applies it. The norms are one reduction of the weights; the per-group
 * arithmetic runs on a Java array of at most a few hundred values, because as ND4J ops it was a dozen native calls
 * per layer and iteration, which cost more than the reduction itself. The value at {@code u} follows from the same
 * norms ({@code ||u_g|| = scale_g ||w_g||}), so RVSM's score needs no second reduction.
 */
public abstract class GroupPenalty implements Penalty {

    @JsonProperty("grouping")
    private final ChannelGrouping grouping;

    protected GroupPenalty(ChannelGrouping grouping) {
        this.grouping = Validate.notNull("grouping", grouping, "OUTPUT or INPUT");
    }

    public ChannelGrouping getGrouping() {
        return grouping;
    }

    /** The factor in [0, 1] that each group is multiplied by, given the group norms; a new array. */
    protected abstract double[] groupScale(double[] norms, double beta);

    /** The penalty value given the group norms of {@code u}. */
    protected abstract double valueOfNorms(double[] norms);

    @Override
    public final INDArray prox(INDArray w, double beta) {
        return proxWithValue(w, beta).u();
    }

    @Override
    public final ProxPoint proxWithValue(INDArray w, double beta) {
        Validate.positive("beta", beta);
        double[] norms = norms(w);
        double[] scale = groupScale(norms, beta);
        INDArray u = GroupNorms.scaled(w, Nd4j.createFromArray(scale), grouping);
        for (int g = 0; g < norms.length; g++) {
            norms[g] *= scale[g];
        }
        return new ProxPoint(u, valueOfNorms(norms));
    }

    @Override
    public final double value(INDArray u) {
        return valueOfNorms(norms(u));
    }

    /**
     * One norm per group, as a new array: what the group penalties threshold, and so the magnitudes of
     * {@link ThresholdPenalty} for every subclass that implements it.
     */
    public final double[] magnitudes(INDArray w) {
        return norms(w);
    }

    private double[] norms(INDArray w) {
        return GroupNorms.of(w, grouping).castTo(DataType.DOUBLE).toDoubleVector();
    }

    /** One factor per group, {@code factor} applied to each norm; a new array. */
    protected static double[] perGroup(double[] norms, DoubleUnaryOperator factor) {
        double[] s = new double[norms.length];
        for (int g = 0; g < s.length; g++) {
            s[g] = factor.applyAsDouble(norms[g]);
        }
        return s;
    }

    /** Number of groups with a non-zero norm. */
    protected static double nonZeroCount(double[] norms) {
        int n = 0;
        for (double v : norms) {
            if (v != 0) {
                n++;
            }
        }
        return n;
    }

    protected static double sum(double[] norms) {
        double s = 0;
        for (double v : norms) {
            s += v;
        }
        return s;
    }
}
