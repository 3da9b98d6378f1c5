package io.github.dl4jrvsm.core.prox;

import org.nd4j.shade.jackson.annotation.JsonCreator;
import org.nd4j.shade.jackson.annotation.JsonProperty;

/** Group lasso {@code lambda * sum_g ||u_g||_2}; its prox shrinks each group's norm by {@code lambda/beta}. */
public final class GroupLassoPenalty extends LambdaGroupPenalty {

    /**
     * @param lambda   the weight of the penalty, finite and {@code >= 0}
     * @param grouping which slices of a weight form one group
     */
    @JsonCreator
    public GroupLassoPenalty(@JsonProperty("lambda") double lambda,
                             @JsonProperty("grouping") ChannelGrouping grouping) {
        super(lambda, grouping);
    }

    /** Groups by output channel or neuron ({@link ChannelGrouping#OUTPUT}). */
    public GroupLassoPenalty(double lambda) {
        this(lambda, ChannelGrouping.OUTPUT);
    }

    @Override
    public double zeroThreshold(double beta) {
        return Thresholds.soft(getLambda(), beta);
    }

    /** {@code lambda = beta*t}, the inverse of the shrinkage of the group norm. */
    @Override
    public GroupLassoPenalty withZeroThreshold(double threshold, double beta) {
        return new GroupLassoPenalty(Thresholds.lambdaOfSoft(threshold, beta), getGrouping());
    }

    @Override
    public double[] groupScale(double[] norms, double beta) {
        double shrink = Thresholds.soft(getLambda(), beta);
        return GroupNorms.perGroup(norms, norm -> shrinkFactor(norm, shrink));
    }

    /** {@code max(||w_g|| - t, 0) / ||w_g||}, with 0 for a zero group. */
    static double shrinkFactor(double norm, double t) {
        return norm > t ? (norm - t) / norm : 0.0;
    }

    @Override
    public double valueOfNorms(double[] norms) {
        return getLambda() * GroupNorms.sum(norms);
    }

    @Override
    public String name() {
        return "group-lasso";
    }
}
