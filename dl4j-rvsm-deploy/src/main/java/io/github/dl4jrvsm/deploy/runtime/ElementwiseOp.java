package io.github.dl4jrvsm.deploy.runtime;

/** The sum or the mean of several tensors of one shape (residual additions, EnResNet's average of its members). */
final class ElementwiseOp extends PerChannelOp {

    private final int size;
    private final boolean average;

    ElementwiseOp(String name, int[] inputs, int output, int size, boolean average) {
        super(name, inputs, output);
        this.size = size;
        this.average = average;
    }

    @Override
    void compute(float[] first, float[] out, int batch, Parallel parallel, float[][] tensors) {
        int n = batch * size;
        System.arraycopy(first, 0, out, 0, n);
        for (int k = 1; k < inputs.length; k++) {
            float[] in = tensors[inputs[k]];
            for (int i = 0; i < n; i++) {
                out[i] += in[i];
            }
        }
        if (average) {
            float inv = 1f / inputs.length;
            for (int i = 0; i < n; i++) {
                out[i] *= inv;
            }
        }
        activation.apply(out, 0, n);
    }
}
