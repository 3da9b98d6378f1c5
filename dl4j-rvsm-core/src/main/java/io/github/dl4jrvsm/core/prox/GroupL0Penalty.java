package io.github.dl4jrvsm.core.prox;

import io.github.dl4jrvsm.core.internal.Validate;
import org.nd4j.shade.jackson.annotation.JsonCreator;
import org.nd4j.shade.jackson.annotation.JsonProperty;

import java.util.Objects;

/**
 * Group l0 {@code lambda * #{g : u_g != 0}}; its prox keeps a group whole when its norm exceeds
 * {@code sqrt(2*lambda/beta)} and zeroes it otherwise.
 */
public final class GroupL0Penalty extends GroupPenalty {

    @JsonProperty("lambda")
    private final double lambda;

    @JsonCreator
    public GroupL0Penalty(@JsonProperty("lambda") double lambda,
                          @JsonProperty("grouping") ChannelGrouping grouping) {
        super(grouping);
        this.lambda = Validate.nonNegative("lambda", lambda);
    }

    public GroupL0Penalty(double lambda) {
        this(lambda, ChannelGrouping.OUTPUT);
    }

    public double getLambda() {
        return lambda;
    }

    @Override
    protected double[] groupScale(double[] norms, double beta) {
        double threshold = Math.sqrt(2 * lambda / beta);
        double[] s = new double[norms.length];
        for (int g = 0; g < s.length; g++) {
            s[g] = norms[g] > threshold ? 1.0 : 0.0;
        }
        return s;
    }

    @Override
    protected double valueOfNorms(double[] norms) {
        return lambda * nonZeroCount(norms);
    }

    @Override
    public String name() {
        return "group-l0";
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof GroupL0Penalty p && p.lambda == lambda && p.getGrouping() == getGrouping();
    }

    @Override
    public int hashCode() {
        return Objects.hash(lambda, getGrouping());
    }

    @Override
    public String toString() {
        return "GroupL0Penalty(lambda=" + lambda + ", grouping=" + getGrouping() + ")";
    }
}
