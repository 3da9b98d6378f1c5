package io.github.dl4jrvsm.zoo.layers;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

import java.util.Arrays;

/**
 * The arithmetic of {@link RelativeGaussianNoise}, kept apart from the DL4J plumbing so that it can be checked against
 * finite differences with a fixed noise sample.
 *
 * <p>Forward: {@code y = x + c * s(x) * eps}, where {@code s(x)} is the unbiased standard deviation of all {@code N}
 * entries of {@code x} (one scalar for the whole mini-batch) and {@code eps ~ N(0, 1)} has the shape of {@code x}.
 *
 * <p>Backward: {@code s} depends on every entry, {@code ds/dx_i = (x_i - mean(x)) / ((N - 1) s)}, so for an upstream
 * gradient {@code g} the input gradient is {@code g + c * <g, eps> * (x - mean(x)) / ((N - 1) s)}. Dropping the
 * second term (treating the noise scale as a constant) would differ from the authors' code, where the gradient flows
 * through {@code torch.std}. When {@code s = 0} (or {@code N < 2}) the noise vanishes and the gradient is {@code g}.
 */
public final class RelativeNoiseMath {

    private RelativeNoiseMath() {
    }

    /** Unbiased standard deviation over all entries, computed in double; 0 for fewer than two entries. */
    public static double unbiasedStd(INDArray x) {
        long n = x.length();
        if (n < 2) {
            return 0.0;
        }
        double mean = x.meanNumber().doubleValue();
        INDArray d = doubleCopy(x).subi(mean);
        double ss = d.muli(d).sumNumber().doubleValue();
        return Math.sqrt(ss / (n - 1));
    }

    /** {@code x + c * s(x) * eps}, as a new array. */
    public static INDArray forward(INDArray x, INDArray eps, double c) {
        requireSameShape(x, eps);
        return x.add(eps.mul(c * unbiasedStd(x)));
    }

    /** The gradient with respect to {@code x} of {@code <g, forward(x, eps, c)>}, as a new array. */
    public static INDArray backward(INDArray x, INDArray eps, double c, INDArray g) {
        requireSameShape(x, eps);
        requireSameShape(x, g);
        INDArray dx = g.dup();
        addStdTerm(dx, x, eps, c, g, x.meanNumber().doubleValue(), unbiasedStd(x));
        return dx;
    }

    /** Adds {@code c * <g, eps> * (x - mean) / ((N - 1) std)} to {@code dx} in place (nothing if {@code std = 0}). */
    static void addStdTerm(INDArray dx, INDArray x, INDArray eps, double c, INDArray g, double mean, double std) {
        if (std == 0.0 || c == 0.0) {
            return;
        }
        double ge = doubleCopy(g).muli(eps.castTo(DataType.DOUBLE)).sumNumber().doubleValue();
        double scale = c * ge / ((x.length() - 1) * std);
        dx.addi(x.sub(mean).muli(scale));
    }

    /** A double-precision copy that never aliases {@code a} ({@code castTo} returns {@code a} itself if it is double). */
    private static INDArray doubleCopy(INDArray a) {
        return a.dataType() == DataType.DOUBLE ? a.dup() : a.castTo(DataType.DOUBLE);
    }

    private static void requireSameShape(INDArray x, INDArray other) {
        if (!Arrays.equals(x.shape(), other.shape())) {
            throw new IllegalArgumentException("shape " + Arrays.toString(other.shape())
                    + " does not match the input shape " + Arrays.toString(x.shape()));
        }
    }
}
