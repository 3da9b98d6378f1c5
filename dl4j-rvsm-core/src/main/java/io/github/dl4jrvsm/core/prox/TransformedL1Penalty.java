package io.github.dl4jrvsm.core.prox;

import io.github.dl4jrvsm.core.internal.Validate;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.ops.transforms.Transforms;
import org.nd4j.shade.jackson.annotation.JsonCreator;
import org.nd4j.shade.jackson.annotation.JsonProperty;

/**
 * Transformed l1: {@code lambda * sum_i (a+1)|u_i| / (a+|u_i|)}, which interpolates between l0 ({@code a -> 0}) and
 * l1 ({@code a -> infinity}).
 *
 * <p>The prox has the closed form of Zhang and Xin (2017, "Minimization of transformed L1 penalty: closed form
 * representation and iterative thresholding algorithms"): with {@code l = lambda/beta}, the threshold is
 * {@code l(a+1)/a} when {@code l <= a^2/(2(a+1))} and {@code sqrt(2l(a+1)) - a/2} otherwise; above it
 * {@code u = sign(w) [ 2/3 (a+|w|) cos(phi/3) - 2a/3 + |w|/3 ]} with
 * {@code phi = arccos(1 - 27 l a (a+1) / (2 (a+|w|)^3))}.
 */
public final class TransformedL1Penalty implements ThresholdPenalty {

    public static final double DEFAULT_A = 1.0;

    @JsonProperty("lambda")
    private final double lambda;
    @JsonProperty("a")
    private final double a;

    @JsonCreator
    public TransformedL1Penalty(@JsonProperty("lambda") double lambda, @JsonProperty("a") double a) {
        this.lambda = Validate.nonNegative("lambda", lambda);
        this.a = Validate.positive("a (the transformed-l1 shape parameter)", a);
    }

    public TransformedL1Penalty(double lambda) {
        this(lambda, DEFAULT_A);
    }

    public double getLambda() {
        return lambda;
    }

    public double getA() {
        return a;
    }

    @Override
    public double lambda() {
        return lambda;
    }

    @Override
    public double zeroThreshold(double beta) {
        double l = lambda / Validate.positive("beta", beta);
        return l <= a * a / (2 * (a + 1)) ? l * (a + 1) / a : Math.sqrt(2 * l * (a + 1)) - a / 2;
    }

    /**
     * Both branches of {@link #zeroThreshold} increase with {@code l = lambda/beta} and meet at
     * {@code l = a^2/(2(a+1))}, where the threshold is {@code a/2}; so a threshold up to {@code a/2} inverts the linear
     * branch and a larger one the square root.
     */
    @Override
    public TransformedL1Penalty withZeroThreshold(double threshold, double beta) {
        double t = Validate.nonNegative("threshold", threshold);
        double l = t <= a / 2 ? t * a / (a + 1) : (t + a / 2) * (t + a / 2) / (2 * (a + 1));
        return new TransformedL1Penalty(Validate.positive("beta", beta) * l, a);
    }

    @Override
    public INDArray prox(INDArray w, double beta) {
        double l = lambda / Validate.positive("beta", beta);
        INDArray abs = Transforms.abs(w, true);
        INDArray aPlusAbs = abs.add(a);
        // 1 - 27 l a (a+1) / (2 (a+|w|)^3), clamped so that entries below the threshold (masked out below) stay finite
        INDArray arg = Transforms.pow(aPlusAbs, 3, true).rdivi(27 * l * a * (a + 1) / 2).rsubi(1.0);
        arg = Transforms.min(Transforms.max(arg, -1.0, false), 1.0, false);
        INDArray phi = Transforms.acos(arg, false);
        INDArray magnitude = Transforms.cos(phi.divi(3), false).muli(aPlusAbs).muli(2.0 / 3)
                .subi(2 * a / 3).addi(abs.div(3));
        INDArray keep = abs.gt(zeroThreshold(beta)).castTo(w.dataType());
        return magnitude.muli(keep).muli(Transforms.sign(w, true));
    }

    @Override
    public double value(INDArray u) {
        INDArray abs = Transforms.abs(u, true);
        return lambda * abs.mul(a + 1).divi(abs.add(a)).sumNumber().doubleValue();
    }

    @Override
    public String name() {
        return "transformed-l1";
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof TransformedL1Penalty p && p.lambda == lambda && p.a == a;
    }

    @Override
    public int hashCode() {
        return 31 * Double.hashCode(lambda) + Double.hashCode(a);
    }

    @Override
    public String toString() {
        return "TransformedL1Penalty(lambda=" + lambda + ", a=" + a + ")";
    }
}
