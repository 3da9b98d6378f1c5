package io.github.dl4jrvsm.core.prox;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.shade.jackson.annotation.JsonTypeInfo;

import java.io.Serializable;

/**
 * A sparsity penalty {@code lambda * P(u)} together with its proximal operator.
 *
 * <p>{@link #prox(INDArray, double)} returns {@code argmin_u lambda*P(u) + beta/2 * ||u - w||^2}, the {@code u}-step
 * of the relaxed splitting methods. Implementations are immutable values: the weight of the penalty ({@code lambda})
 * belongs to the penalty, the coupling strength {@code beta} to the method that uses it.
 *
 * <p>Penalties are stored inside DL4J configurations, hence the shaded Jackson type information: a network JSON
 * names the implementation class and its fields.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.CLASS, include = JsonTypeInfo.As.PROPERTY, property = "@class")
public interface Penalty extends Serializable {

    /**
     * The proximal point of {@code w}. Never modifies {@code w}.
     *
     * @param w    weights (any shape the penalty supports)
     * @param beta coupling strength, &gt; 0
     * @return a new array of the shape of {@code w}
     */
    INDArray prox(INDArray w, double beta);

    /** The penalty value {@code lambda * P(u)}. */
    double value(INDArray u);

    /**
     * {@code u = prox(w, beta)} together with {@code value(u)}. RVSM needs both every iteration; a penalty that gets
     * the value as a by-product of its prox (the group penalties: from the group norms) overrides this.
     */
    default ProxPoint proxWithValue(INDArray w, double beta) {
        INDArray u = prox(w, beta);
        return new ProxPoint(u, value(u));
    }

    /** A proximal point and the penalty value there. */
    record ProxPoint(INDArray u, double value) {
    }

    /** A short name for reports, e.g. {@code l0} or {@code group-lasso}. */
    String name();
}
