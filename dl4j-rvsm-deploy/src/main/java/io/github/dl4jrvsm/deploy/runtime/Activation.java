package io.github.dl4jrvsm.deploy.runtime;

import org.nd4j.linalg.activations.IActivation;
import org.nd4j.linalg.activations.impl.ActivationIdentity;
import org.nd4j.linalg.activations.impl.ActivationReLU;
import org.nd4j.linalg.activations.impl.ActivationSoftmax;

/** The activations the runtime computes, applied in place to one example's values. */
enum Activation {
    IDENTITY, RELU, SOFTMAX;

    static Activation of(IActivation fn, String layer) {
        if (fn == null || fn instanceof ActivationIdentity) {
            return IDENTITY;
        }
        if (fn instanceof ActivationReLU r && r.getMax() == null && isZeroOrUnset(r.getThreshold())
                && isZeroOrUnset(r.getNegativeSlope())) {
            return RELU;
        }
        if (fn instanceof ActivationSoftmax) {
            return SOFTMAX;
        }
        throw new UnsupportedModelException("layer '" + layer + "' uses activation " + fn
                + "; the sparse runtime supports identity, relu and softmax");
    }

    private static boolean isZeroOrUnset(Double d) {
        return d == null || d == 0;
    }

    void apply(float[] v, int from, int length) {
        switch (this) {
            case IDENTITY -> {
            }
            case RELU -> {
                for (int i = from; i < from + length; i++) {
                    v[i] = Math.max(v[i], 0f);
                }
            }
            case SOFTMAX -> {
                float max = Float.NEGATIVE_INFINITY;
                for (int i = from; i < from + length; i++) {
                    max = Math.max(max, v[i]);
                }
                double sum = 0;
                for (int i = from; i < from + length; i++) {
                    v[i] = (float) Math.exp(v[i] - max);
                    sum += v[i];
                }
                float inv = (float) (1 / sum);
                for (int i = from; i < from + length; i++) {
                    v[i] *= inv;
                }
            }
        }
    }
}
