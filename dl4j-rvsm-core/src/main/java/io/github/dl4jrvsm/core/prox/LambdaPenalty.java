package io.github.dl4jrvsm.core.prox;

import io.github.dl4jrvsm.core.internal.Validate;
import org.nd4j.shade.jackson.annotation.JsonProperty;

import java.util.Objects;

/**
 * A penalty whose weight is one {@code lambda}: l0, l1, group l0 and group lasso differ in their prox and value
 * alone, so their value semantics (equality, hash, text) live here once. Final subclasses keep equality exact: two
 * penalties are equal when they are of the same class with the same {@code lambda} and {@link #otherSettings()}.
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

    /** What besides lambda tells two penalties of one class apart, as {@code name=value} text; none by default. */
    String otherSettings() {
        return "";
    }

    @Override
    public boolean equals(Object o) {
        return o != null && o.getClass() == getClass() && ((LambdaPenalty) o).lambda == lambda
                && ((LambdaPenalty) o).otherSettings().equals(otherSettings());
    }

    @Override
    public int hashCode() {
        return Objects.hash(lambda, otherSettings());
    }

    @Override
    public String toString() {
        String other = otherSettings();
        return getClass().getSimpleName() + "(lambda=" + lambda + (other.isEmpty() ? "" : ", " + other) + ")";
    }
}
