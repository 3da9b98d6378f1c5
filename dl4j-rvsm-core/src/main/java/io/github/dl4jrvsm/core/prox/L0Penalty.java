package io.github.dl4jrvsm.core.prox;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.ops.transforms.Transforms;
import org.nd4j.shade.jackson.annotation.JsonCreator;
import org.nd4j.shade.jackson.annotation.JsonProperty;

/** {@code lambda * ||u||_0}; its prox is hard thresholding at {@code sqrt(2*lambda/beta)}. */
public final class L0Penalty implements Penalty {

    @JsonProperty("lambda")
    private final double lambda;

    @JsonCreator
    public L0Penalty(@JsonProperty("lambda") double lambda) {
        this.lambda = Checks.lambda("lambda", lambda);
    }

    public double getLambda() {
        return lambda;
    }

    public double threshold(double beta) {
        return Math.sqrt(2 * lambda / Checks.positive("beta", beta));
    }

    @Override
    public INDArray prox(INDArray w, double beta) {
        INDArray keep = Transforms.abs(w, true).gt(threshold(beta)).castTo(w.dataType());
        return keep.muli(w);
    }

    @Override
    public double value(INDArray u) {
        return lambda * u.neq(0.0).castTo(org.nd4j.linalg.api.buffer.DataType.INT64).sumNumber().doubleValue();
    }

    @Override
    public String name() {
        return "l0";
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof L0Penalty p && p.lambda == lambda;
    }

    @Override
    public int hashCode() {
        return Double.hashCode(lambda);
    }

    @Override
    public String toString() {
        return "L0Penalty(lambda=" + lambda + ")";
    }
}
