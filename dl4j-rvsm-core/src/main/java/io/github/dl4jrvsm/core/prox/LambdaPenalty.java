package io.github.dl4jrvsm.core.prox;

import io.github.dl4jrvsm.core.internal.Validate;
import org.nd4j.shade.jackson.annotation.JsonProperty;

/**
 * An element-wise penalty whose only setting is its weight {@code lambda}: l0 and l1 differ in their prox and value
 * alone, so their value semantics (equality, hash, text) live here once. Final subclasses keep equality exact: two
 * penalties are equal when they are of the same class with the same {@code lambda}.
 */
abstract class LambdaPenalty implements ThresholdPenalty {

    @JsonProperty("lambda")
    private final double lambda;

    LambdaPenalty(double lambda) {
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
        return o != null && o.getClass() == getClass() && ((LambdaPenalty) o).lambda == lambda;
    }

    @Override
    public int hashCode() {
        return Double.hashCode(lambda);
    }

    @Override
    public String toString() {
        return getClass().getSimpleName() + "(lambda=" + lambda + ")";
    }
}
