package io.github.dl4jrvsm.core.prox;

import org.nd4j.shade.jackson.annotation.JsonCreator;
import org.nd4j.shade.jackson.annotation.JsonProperty;

/**
 * Group l0 {@code lambda * #{g : u_g != 0}}; its prox keeps a group whole when its norm exceeds
 * {@code sqrt(2*lambda/beta)} and zeroes it otherwise.
 */
public final class GroupL0Penalty extends LambdaGroupPenalty {

    /**
     * @param lambda   the weight of the penalty, finite and {@code >= 0}
     * @param grouping which slices of a weight form one group
     */
    @JsonCreator
    public GroupL0Penalty(@JsonProperty("lambda") double lambda,
                          @JsonProperty("grouping") ChannelGrouping grouping) {
        super(lambda, grouping);
    }

    /** Groups by output channel or neuron ({@link ChannelGrouping#OUTPUT}). */
    public GroupL0Penalty(double lambda) {
        this(lambda, ChannelGrouping.OUTPUT);
    }

    @Override
    public double zeroThreshold(double beta) {
        return Thresholds.hard(getLambda(), beta);
    }

    /** {@code lambda = beta*t^2/2}, the inverse of the threshold on the group norm. */
    @Override
    public GroupL0Penalty withZeroThreshold(double threshold, double beta) {
        return new GroupL0Penalty(Thresholds.lambdaOfHard(threshold, beta), getGrouping());
    }

    @Override
    public double[] groupScale(double[] norms, double beta) {
        double threshold = zeroThreshold(beta);
        return GroupNorms.perGroup(norms, norm -> norm > threshold ? 1.0 : 0.0);
    }

    @Override
    public double valueOfNorms(double[] norms) {
        return getLambda() * GroupNorms.nonZeroCount(norms);
    }

    @Override
    public String name() {
        return "group-l0";
    }
}
