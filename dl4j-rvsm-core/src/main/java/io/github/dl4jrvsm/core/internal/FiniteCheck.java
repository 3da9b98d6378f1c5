package io.github.dl4jrvsm.core.internal;

import io.github.dl4jrvsm.core.NonFiniteValueException;
import org.nd4j.linalg.api.ndarray.INDArray;

/** Stops training at the first NaN or infinite value, naming the layer, instead of silently training garbage. */
public final class FiniteCheck {

    private FiniteCheck() {
    }

    /**
     * @param what e.g. {@code "weights"} or {@code "gradients"}
     * @return the sum of {@code values} (the reduction the check needs anyway; callers may reuse it)
     * @throws NonFiniteValueException if {@code values} holds a NaN or an infinity
     */
    public static double requireFinite(INDArray values, String layerName, String what, int iteration, int epoch) {
        // One reduction pass: any NaN or infinity makes the sum non-finite. A finite array whose sum overflows is
        // reported as well, which is fine: weights that large mean training has already diverged.
        double sum = values.sumNumber().doubleValue();
        if (Double.isFinite(sum)) {
            return sum;
        }
        boolean nan = values.isNaN().any();
        String layer = layerName == null ? "a layer" : "layer '" + layerName + "'";
        throw new NonFiniteValueException(layerName, "Training stopped: " + layer + " has " + (nan ? "NaN" : "infinite")
                + " " + what + " at iteration " + iteration + " (epoch " + epoch + "). Lower the learning rate or "
                + "beta, check the input data for NaN/Inf, or add gradient clipping.");
    }
}
