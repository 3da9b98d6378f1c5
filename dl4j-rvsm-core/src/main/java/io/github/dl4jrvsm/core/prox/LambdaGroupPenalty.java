package io.github.dl4jrvsm.core.prox;

import io.github.dl4jrvsm.core.internal.Validate;
import org.nd4j.shade.jackson.annotation.JsonProperty;

import java.util.Objects;

/**
 * A group penalty whose settings are one weight {@code lambda} and the grouping: group l0 and group lasso differ in
 * their per-group factor and value alone, so their value semantics live here once. Two of them are equal when they are
 * of the same class with the same {@code lambda} and grouping.
 */
abstract class LambdaGroupPenalty extends GroupPenalty implements ThresholdPenalty {

    @JsonProperty("lambda")
    private final double lambda;

    LambdaGroupPenalty(double lambda, ChannelGrouping grouping) {
        super(grouping);
        this.lambda = Validate.nonNegative("lambda", lambda);
    }

    /** The weight {@code lambda} of the penalty. */
    public double getLambda() {
        return lambda;
    }

    @Override
    public double lambda() {
        return lambda;
    }

    @Override
    public boolean equals(Object o) {
        return o != null && o.getClass() == getClass() && ((LambdaGroupPenalty) o).lambda == lambda
                && ((LambdaGroupPenalty) o).getGrouping() == getGrouping();
    }

    @Override
    public int hashCode() {
        return Objects.hash(lambda, getGrouping());
    }

    @Override
    public String toString() {
        return getClass().getSimpleName() + "(lambda=" + lambda + ", grouping=" + getGrouping() + ")";
    }
}
