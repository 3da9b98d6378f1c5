package io.github.dl4jrvsm.core.prox;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.shade.jackson.annotation.JsonProperty;

/**
 * Base of the penalties that act on whole groups (channels, filters, neurons).
 *
 * <p>Every group prox used here keeps the direction of a group and only rescales it, so a subclass supplies one
 * factor per group from the group norms; the base applies it.
 */
public abstract class GroupPenalty implements Penalty {

    @JsonProperty("grouping")
    private final ChannelGrouping grouping;

    protected GroupPenalty(ChannelGrouping grouping) {
        this.grouping = Checks.grouping(grouping);
    }

    public ChannelGrouping getGrouping() {
        return grouping;
    }

    /** The factor in [0, 1] that each group is multiplied by, given the group norms (double precision). */
    protected abstract INDArray groupScale(INDArray norms, double beta);

    /** The penalty value given the group norms of {@code u} (double precision). */
    protected abstract double valueOfNorms(INDArray norms);

    @Override
    public final INDArray prox(INDArray w, double beta) {
        Checks.positive("beta", beta);
        INDArray norms = GroupNorms.of(w, grouping).castTo(DataType.DOUBLE);
        return GroupNorms.scaled(w, groupScale(norms, beta), grouping);
    }

    @Override
    public final double value(INDArray u) {
        return valueOfNorms(GroupNorms.of(u, grouping).castTo(DataType.DOUBLE));
    }

    /** Number of groups with a non-zero norm. */
    protected static double nonZeroCount(INDArray norms) {
        return norms.neq(0.0).castTo(DataType.INT64).sumNumber().doubleValue();
    }
}
