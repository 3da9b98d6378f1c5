package io.github.dl4jrvsm.deploy.runtime;

import java.util.Arrays;
import java.util.function.IntConsumer;

/**
 * A dense (fully connected) layer {@code y = act(x W + b)}, with {@code W} stored by input row: for each input the
 * outputs it feeds and the weights. An input that is zero (after ReLU, often most of them) costs nothing, and in the
 * sparse form neither does a zero weight.
 */
final class FullyConnectedOp extends Op implements Fusion.Foldable {

    private final int in;
    private final int out;
    private final int[] start;
    private final int[] column;
    private final float[] value;
    private final float[] dense;      // the dense form keeps W as it is: a contiguous row per input
    private float[] bias;
    private float[] x;
    private float[] y;
    private final IntConsumer task = n -> example(x, y, n);

    /**
     * @param weights {@code [in][out]} in C order (DL4J's dense weight layout)
     */
    FullyConnectedOp(String name, int input, int output, int in, int out, float[] weights, float[] bias,
                     Activation activation, boolean sparse) {
        super(name, new int[]{input}, output);
        this.in = in;
        this.out = out;
        this.dense = sparse ? null : weights.clone();
        int count = 0;
        for (float w : weights) {
            if (sparse && w != 0) {
                count++;
            }
        }
        start = new int[in + 1];
        column = new int[count];
        value = new float[count];
        int k = 0;
        for (int i = 0; i < in; i++) {
            start[i] = k;
            for (int o = 0; o < out; o++) {
                float w = weights[i * out + o];
                if (sparse && w != 0) {
                    column[k] = o;
                    value[k++] = w;
                }
            }
        }
        start[in] = k;
        this.bias = bias;
        this.activation = activation;
    }

    int storedWeights() {
        return dense != null ? dense.length : value.length;
    }

    @Override
    public boolean fold(float[] scale, float[] shift) {
        if (activation != Activation.IDENTITY || scale.length != out) {
            return false;
        }
        for (int i = 0; i < in; i++) {
            for (int k = start[i]; k < start[i + 1]; k++) {
                value[k] *= scale[column[k]];
            }
            if (dense != null) {
                for (int o = 0; o < out; o++) {
                    dense[i * out + o] *= scale[o];
                }
            }
        }
        float[] b = new float[out];
        for (int o = 0; o < out; o++) {
            b[o] = (bias == null ? 0f : bias[o]) * scale[o] + shift[o];
        }
        bias = b;
        return true;
    }

    /** Any activation, softmax included: this op writes each example's outputs whole. */
    @Override
    boolean canApply(Activation a) {
        return true;
    }

    @Override
    void compute(float[] source, float[] target, int batch, Parallel parallel, float[][] tensors) {
        x = source;
        y = target;
        parallel.forEach(batch, task);
    }

    private void example(float[] x, float[] y, int n) {
        int yBase = n * out;
        if (bias == null) {
            Arrays.fill(y, yBase, yBase + out, 0f);
        } else {
            System.arraycopy(bias, 0, y, yBase, out);
        }
        int xBase = n * in;
        for (int i = 0; i < in; i++) {
            float xi = x[xBase + i];
            if (xi == 0) {
                continue;
            }
            if (dense != null) {
                int row = i * out;
                for (int o = 0; o < out; o++) {
                    y[yBase + o] += xi * dense[row + o];
                }
                continue;
            }
            for (int k = start[i]; k < start[i + 1]; k++) {
                y[yBase + column[k]] += xi * value[k];
            }
        }
        activation.apply(y, yBase, out);
    }
}
