package io.github.dl4jrvsm.zoo;

import org.deeplearning4j.nn.weights.IWeightInit;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import java.util.Arrays;

/**
 * He (ReLU) initialisation scaled by the fan-out, as the authors' ResNets initialise their convolutions:
 * {@code N(0, sqrt(2 / (kH * kW * outChannels)))}.
 *
 * <p>Why not DL4J's {@code WeightInit.RELU}: that one scales by the fan-in ({@code inChannels * kH * kW}), and DL4J's
 * fan-out for a convolution is divided by the stride product, so neither reproduces the reference code. The fan-out
 * is therefore read from the kernel shape {@code [out, in, kH, kW]} itself. For a dense weight {@code [nIn, nOut]}
 * the fan-out is {@code nOut}.
 */
public final class HeFanOutNormal implements IWeightInit {

    @Override
    public INDArray init(double fanIn, double fanOut, long[] shape, char order, INDArray paramView) {
        Nd4j.randn(paramView).muli(Math.sqrt(2.0 / fanOut(shape)));
        return paramView.reshape(order, shape);
    }

    /** {@code out * kH * kW} for a convolution kernel, {@code nOut} for a dense weight. */
    static double fanOut(long[] shape) {
        if (shape.length == 4) {
            return (double) shape[0] * shape[2] * shape[3];
        }
        if (shape.length == 2) {
            return shape[1];
        }
        throw new IllegalArgumentException("HeFanOutNormal expects a convolution kernel [out, in, kH, kW] or a dense "
                + "weight [nIn, nOut], got shape " + Arrays.toString(shape));
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof HeFanOutNormal;
    }

    @Override
    public int hashCode() {
        return HeFanOutNormal.class.hashCode();
    }

    @Override
    public String toString() {
        return "HeFanOutNormal";
    }
}
