package io.github.dl4jrvsm.core.prox;

import io.github.dl4jrvsm.core.internal.Validate;
import org.nd4j.shade.jackson.annotation.JsonCreator;
import org.nd4j.shade.jackson.annotation.JsonProperty;

import java.util.Objects;

/**
 * The mixed RGSM penalty {@code lambda1 * #{g : u_g != 0} + lambda2 * sum_g ||u_g||_2} (group l0 plus group lasso).
 *
 * <p>The dissertation's reference code pairs a group-l0 prox ({@code lambda1}) with a group-lasso term
 * ({@code lambda2}). This class is the exact prox of their sum: a group survives when
 * {@code ||w_g|| > lambda2/beta + sqrt(2*lambda1/beta)} (then keeping it costs less than zeroing it) and is then
 * shrunk by {@code lambda2/beta} like group lasso. With {@code lambda2 = 0} it is {@link GroupL0Penalty}, with
 * {@code lambda1 = 0} it is {@link GroupLassoPenalty}.
 */
public final class GroupL0LassoPenalty extends GroupPenalty {

    @JsonProperty("lambda1")
    private final double lambda1;
    @JsonProperty("lambda2")
    private final double lambda2;

    @JsonCreator
    public GroupL0LassoPenalty(@JsonProperty("lambda1") double lambda1, @JsonProperty("lambda2") double lambda2,
                               @JsonProperty("grouping") ChannelGrouping grouping) {
        super(grouping);
        this.lambda1 = Validate.nonNegative("lambda1 (group l0 weight)", lambda1);
        this.lambda2 = Validate.nonNegative("lambda2 (group lasso weight)", lambda2);
    }

    public GroupL0LassoPenalty(double lambda1, double lambda2) {
        this(lambda1, lambda2, ChannelGrouping.OUTPUT);
    }

    public double getLambda1() {
        return lambda1;
    }

    public double getLambda2() {
        return lambda2;
    }

    @Override
    protected double[] groupScale(double[] norms, double beta) {
        double shrink = lambda2 / beta;
        double threshold = shrink + Math.sqrt(2 * lambda1 / beta);
        return perGroup(norms, norm -> norm > threshold ? GroupLassoPenalty.shrinkFactor(norm, shrink) : 0.0);
    }

    @Override
    protected double valueOfNorms(double[] norms) {
        return lambda1 * nonZeroCount(norms) + lambda2 * sum(norms);
    }

    @Override
    public String name() {
        return "group-l0-lasso";
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof GroupL0LassoPenalty p && p.lambda1 == lambda1 && p.lambda2 == lambda2
                && p.getGrouping() == getGrouping();
    }

    @Override
    public int hashCode() {
        return Objects.hash(lambda1, lambda2, getGrouping());
    }

    @Override
    public String toString() {
        return "GroupL0LassoPenalty(lambda1=" + lambda1 + ", lambda2=" + lambda2 + ", grouping=" + getGrouping() + ")";
    }
}
