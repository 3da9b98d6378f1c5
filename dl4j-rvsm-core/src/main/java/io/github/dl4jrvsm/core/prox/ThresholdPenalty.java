package io.github.dl4jrvsm.core.prox;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.ops.transforms.Transforms;

/**
 * A penalty whose prox is zero exactly where a magnitude is at or below a threshold that grows with lambda: the
 * absolute value of each weight for the element-wise penalties, the norm of each group for the group penalties.
 *
 * <p>That makes the number of zeros of {@code u = prox(w, beta)} a step function of lambda that can be inverted in
 * closed form: to zero the {@code k} smallest magnitudes, put the threshold between the {@code k}-th and the
 * {@code (k+1)}-th and take the lambda of {@link #withZeroThreshold}. Every penalty of this package implements it.
 */
public interface ThresholdPenalty extends Penalty {

    /**
     * The magnitudes the prox compares with its threshold, as a new array: by default the absolute value of every
     * weight; {@link GroupPenalty} returns one norm per group instead.
     */
    default double[] magnitudes(INDArray w) {
        // toDoubleVector widens on the Java side: float weights keep their exact values
        return Transforms.abs(w, true).reshape(w.length()).toDoubleVector();
    }

    /** The magnitude at or below which {@code prox(w, beta)} is zero. */
    double zeroThreshold(double beta);

    /**
     * The same kind of penalty with lambda chosen so that {@link #zeroThreshold}{@code (beta)} is {@code threshold};
     * a threshold of 0 gives lambda 0. A penalty with two weights scales both, keeping their ratio.
     *
     * @param threshold a finite magnitude {@code >= 0}
     * @param beta      the coupling strength the prox will be called with, {@code > 0}
     */
    ThresholdPenalty withZeroThreshold(double threshold, double beta);

    /** The weight {@link #withZeroThreshold} sets: lambda, or lambda1 of {@link GroupL0LassoPenalty}. */
    double lambda();
}
