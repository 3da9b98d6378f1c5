package io.github.dl4jrvsm.core.prox;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.ops.transforms.Transforms;
import org.nd4j.shade.jackson.annotation.JsonCreator;
import org.nd4j.shade.jackson.annotation.JsonProperty;

/** {@code lambda * ||u||_1}; its prox is soft thresholding at {@code lambda/beta}. */
public final class L1Penalty extends LambdaPenalty {

    /** @param lambda the weight of the penalty, finite and {@code >= 0} */
    @JsonCreator
    public L1Penalty(@JsonProperty("lambda") double lambda) {
        super(lambda);
    }

    @Override
    public double zeroThreshold(double beta) {
        return Thresholds.soft(getLambda(), beta);
    }

    /** {@code lambda = beta*t}, the inverse of the soft threshold. */
    @Override
    public L1Penalty withZeroThreshold(double threshold, double beta) {
        return new L1Penalty(Thresholds.lambdaOfSoft(threshold, beta));
    }

    @Override
    public INDArray prox(INDArray w, double beta) {
        double t = zeroThreshold(beta);
        INDArray magnitude = Transforms.relu(Transforms.abs(w, true).subi(t), false);
        return Transforms.sign(w, true).muli(magnitude);
    }

    @Override
    public double value(INDArray u) {
        return getLambda() * u.norm1Number().doubleValue();
    }

    @Override
    public String name() {
        return "l1";
    }
}
