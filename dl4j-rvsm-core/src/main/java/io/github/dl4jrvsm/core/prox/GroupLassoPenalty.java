package io.github.dl4jrvsm.core.prox;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.ops.transforms.Transforms;
import org.nd4j.shade.jackson.annotation.JsonCreator;
import org.nd4j.shade.jackson.annotation.JsonProperty;

import java.util.Objects;

/** Group lasso {@code lambda * sum_g ||u_g||_2}; its prox shrinks each group's norm by {@code lambda/beta}. */
public final class GroupLassoPenalty extends GroupPenalty {

    @JsonProperty("lambda")
    private final double lambda;

    @JsonCreator
    public GroupLassoPenalty(@JsonProperty("lambda") double lambda,
                             @JsonProperty("grouping") ChannelGrouping grouping) {
        super(grouping);
        this.lambda = Checks.lambda("lambda", lambda);
    }

    public GroupLassoPenalty(double lambda) {
        this(lambda, ChannelGrouping.OUTPUT);
    }

    public double getLambda() {
        return lambda;
    }

    @Override
    protected INDArray groupScale(INDArray norms, double beta) {
        return shrinkFactor(norms, lambda / beta);
    }

    /** {@code max(||w_g|| - t, 0) / ||w_g||}, with 0 for zero groups. */
    static INDArray shrinkFactor(INDArray norms, double t) {
        INDArray shrunk = Transforms.relu(norms.sub(t), false);
        INDArray safe = Transforms.max(norms, Double.MIN_NORMAL, true);
        return shrunk.divi(safe);
    }

    @Override
    protected double valueOfNorms(INDArray norms) {
        return lambda * norms.sumNumber().doubleValue();
    }

    @Override
    public String name() {
        return "group-lasso";
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof GroupLassoPenalty p && p.lambda == lambda && p.getGrouping() == getGrouping();
    }

    @Override
    public int hashCode() {
        return Objects.hash(lambda, getGrouping());
    }

    @Override
    public String toString() {
        return "GroupLassoPenalty(lambda=" + lambda + ", grouping=" + getGrouping() + ")";
    }
}
