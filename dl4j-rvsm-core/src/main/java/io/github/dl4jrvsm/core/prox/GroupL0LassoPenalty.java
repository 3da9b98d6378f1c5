package io.github.dl4jrvsm.core.prox;

import io.github.dl4jrvsm.core.internal.Validate;
import org.nd4j.linalg.api.ndarray.INDArray;
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
public final class GroupL0LassoPenalty implements GroupPenalty, ThresholdPenalty {

    @JsonProperty("grouping")
    private final ChannelGrouping grouping;
    @JsonProperty("lambda1")
    private final double lambda1;
    @JsonProperty("lambda2")
    private final double lambda2;

    @JsonCreator
    public GroupL0LassoPenalty(@JsonProperty("lambda1") double lambda1, @JsonProperty("lambda2") double lambda2,
                               @JsonProperty("grouping") ChannelGrouping grouping) {
        this.grouping = GroupNorms.checked(grouping);
        this.lambda1 = Validate.nonNegative("lambda1 (group l0 weight)", lambda1);
        this.lambda2 = Validate.nonNegative("lambda2 (group lasso weight)", lambda2);
    }

    public GroupL0LassoPenalty(double lambda1, double lambda2) {
        this(lambda1, lambda2, ChannelGrouping.OUTPUT);
    }

    @Override
    public ChannelGrouping getGrouping() {
        return grouping;
    }

    @Override
    public double[] magnitudes(INDArray w) {
        return GroupPenalty.super.magnitudes(w);
    }

    public double getLambda1() {
        return lambda1;
    }

    public double getLambda2() {
        return lambda2;
    }

    /** {@code lambda1}: the weight of the group-l0 term, which {@link #withZeroThreshold} scales with lambda2. */
    @Override
    public double lambda() {
        return lambda1;
    }

    @Override
    public double zeroThreshold(double beta) {
        return Thresholds.soft(lambda2, beta) + Thresholds.hard(lambda1, beta);
    }

    /**
     * Both lambdas times one factor {@code s}: the threshold {@code s*lambda2/beta + sqrt(2*s*lambda1/beta)} is a
     * quadratic in {@code x = sqrt(s)}, {@code A x^2 + B x = t}, whose positive root {@code 2t/(B + sqrt(B^2 + 4At))}
     * is taken in the form that stays exact when either weight is 0. A threshold of 0 makes both weights 0, and the
     * ratio is then gone: scale from the configured penalty each time, as the target-sparsity controller does.
     */
    @Override
    public GroupL0LassoPenalty withZeroThreshold(double threshold, double beta) {
        double t = Validate.nonNegative("threshold", threshold);
        Validate.check(lambda1 > 0 || lambda2 > 0, () -> "A zero threshold can only be set by scaling lambda1 and "
                + "lambda2, and both are 0 in " + this + "; give either a value > 0 (only their ratio is kept)");
        double a = Thresholds.soft(lambda2, beta), b = Thresholds.hard(lambda1, beta);
        double x = t == 0 ? 0 : 2 * t / (b + Math.sqrt(b * b + 4 * a * t));
        return new GroupL0LassoPenalty(lambda1 * x * x, lambda2 * x * x, getGrouping());
    }

    @Override
    public double[] groupScale(double[] norms, double beta) {
        double shrink = Thresholds.soft(lambda2, beta);
        double threshold = zeroThreshold(beta);
        return GroupNorms.perGroup(norms, norm -> norm > threshold ? GroupLassoPenalty.shrinkFactor(norm, shrink) : 0.0);
    }

    @Override
    public double valueOfNorms(double[] norms) {
        return lambda1 * GroupNorms.nonZeroCount(norms) + lambda2 * GroupNorms.sum(norms);
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
