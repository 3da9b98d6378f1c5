package io.github.dl4jrvsm.core.prox;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.indexing.BooleanIndexing;
import org.nd4j.linalg.indexing.conditions.Conditions;
import org.nd4j.shade.jackson.annotation.JsonCreator;
import org.nd4j.shade.jackson.annotation.JsonProperty;

/** {@code lambda * ||u||_0}; its prox is hard thresholding at {@code sqrt(2*lambda/beta)}. */
public final class L0Penalty extends LambdaPenalty {

    /** @param lambda the weight of the penalty, finite and {@code >= 0} */
    @JsonCreator
    public L0Penalty(@JsonProperty("lambda") double lambda) {
        super(lambda);
    }

    /** The magnitude at or below which the prox sets a weight to zero. */
    @Override
    public double zeroThreshold(double beta) {
        return Thresholds.hard(getLambda(), beta);
    }

    /** {@code lambda = beta*t^2/2}, the inverse of the hard threshold. */
    @Override
    public L0Penalty withZeroThreshold(double threshold, double beta) {
        return new L0Penalty(Thresholds.lambdaOfHard(threshold, beta));
    }

    // Two native ops for the prox and one for the value: RVSM runs them for every layer at every iteration, where
    // the op count, not the arithmetic, is the cost.
    @Override
    public INDArray prox(INDArray w, double beta) {
        INDArray u = w.dup();
        BooleanIndexing.replaceWhere(u, 0.0, Conditions.absLessThanOrEqual(zeroThreshold(beta)));
        return u;
    }

    @Override
    public double value(INDArray u) {
        return getLambda() * u.scan(Conditions.notEquals(0.0)).doubleValue();
    }

    @Override
    public String name() {
        return "l0";
    }
}
