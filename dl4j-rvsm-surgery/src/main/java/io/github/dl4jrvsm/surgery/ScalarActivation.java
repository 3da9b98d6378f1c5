package io.github.dl4jrvsm.surgery;

import org.nd4j.linalg.activations.IActivation;
import org.nd4j.linalg.activations.impl.ActivationCube;
import org.nd4j.linalg.activations.impl.ActivationELU;
import org.nd4j.linalg.activations.impl.ActivationGELU;
import org.nd4j.linalg.activations.impl.ActivationHardSigmoid;
import org.nd4j.linalg.activations.impl.ActivationHardTanH;
import org.nd4j.linalg.activations.impl.ActivationIdentity;
import org.nd4j.linalg.activations.impl.ActivationLReLU;
import org.nd4j.linalg.activations.impl.ActivationMish;
import org.nd4j.linalg.activations.impl.ActivationRationalTanh;
import org.nd4j.linalg.activations.impl.ActivationReLU;
import org.nd4j.linalg.activations.impl.ActivationReLU6;
import org.nd4j.linalg.activations.impl.ActivationRectifiedTanh;
import org.nd4j.linalg.activations.impl.ActivationSELU;
import org.nd4j.linalg.activations.impl.ActivationSigmoid;
import org.nd4j.linalg.activations.impl.ActivationSoftPlus;
import org.nd4j.linalg.activations.impl.ActivationSoftSign;
import org.nd4j.linalg.activations.impl.ActivationSwish;
import org.nd4j.linalg.activations.impl.ActivationTanH;
import org.nd4j.linalg.activations.impl.ActivationThresholdedReLU;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.factory.Nd4j;

import java.util.Arrays;
import java.util.Set;

/**
 * Applies a DL4J activation to one number, so a constant channel can be followed through it.
 *
 * <p>Only activations that act on each element alone qualify (softmax and the random or learned ones, RReLU and
 * PReLU, do not); the value is computed by the activation itself, so it matches the network up to rounding.
 */
final class ScalarActivation {

    private static final Set<Class<?>> ELEMENT_WISE = Set.of(ActivationIdentity.class, ActivationReLU.class,
            ActivationLReLU.class, ActivationReLU6.class, ActivationTanH.class, ActivationSigmoid.class,
            ActivationELU.class, ActivationHardTanH.class, ActivationHardSigmoid.class, ActivationSoftPlus.class,
            ActivationSoftSign.class, ActivationCube.class, ActivationRationalTanh.class,
            ActivationRectifiedTanh.class, ActivationSELU.class, ActivationSwish.class, ActivationGELU.class,
            ActivationMish.class, ActivationThresholdedReLU.class);

    private ScalarActivation() {
    }

    static boolean isElementWise(IActivation a) {
        return a != null && ELEMENT_WISE.contains(a.getClass());
    }

    /** {@code a(x)} for each finite entry; NaN stays NaN; all NaN if the activation is not element-wise. */
    static double[] apply(IActivation a, double[] x) {
        double[] out = new double[x.length];
        if (!isElementWise(a)) {
            Arrays.fill(out, Double.NaN);
            return out;
        }
        double[] safe = x.clone();
        for (int i = 0; i < safe.length; i++) {
            if (Double.isNaN(safe[i])) {
                safe[i] = 0;
            }
        }
        double[] y = a.getActivation(Nd4j.createFromArray(safe).castTo(DataType.DOUBLE).reshape(1, safe.length), false)
                .toDoubleVector();
        for (int i = 0; i < x.length; i++) {
            out[i] = Double.isNaN(x[i]) ? Double.NaN : y[i];
        }
        return out;
    }
}
