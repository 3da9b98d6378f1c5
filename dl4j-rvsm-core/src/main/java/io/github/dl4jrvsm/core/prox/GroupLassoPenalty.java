package io.github.dl4jrvsm.core.prox;

import io.github.dl4jrvsm.core.internal.Validate;
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
        this.lambda = Validate.nonNegative("lambda", lambda);
    }

    public GroupLassoPenalty(double lambda) {
        this(lambda, ChannelGrouping.OUTPUT);
    }

    public double getLambda() {
        return lambda;
    }

    @Override
    protected double[] groupScale(double[] norms, double beta) {
        double[] s = new double[norms.length];
        for (int g = 0; g < s.length; g++) {
            s[g] = shrinkFactor(norms[g], lambda / beta);
        }
        return s;
    }

    /** {@code max(||w_g|| - t, 0) / ||w_g||}, with 0 for a zero group. */
    static double shrinkFactor(double norm, double t) {
        return norm > t ? (norm - t) / norm : 0.0;
    }

    @Override
    protected double valueOfNorms(double[] norms) {
        return lambda * sum(norms);
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
