package io.github.dl4jrvsm.deploy.runtime;

/** The sum or the mean of several tensors of one shape (residual additions, EnResNet's average of its members). */
final class ElementwiseOp extends Op {

    private final int size;
    private final boolean average;
    private Activation activation = Activation.IDENTITY;

    ElementwiseOp(String name, int[] inputs, int output, int size, boolean average) {
        super(name, inputs, output);
        this.size = size;
        this.average = average;
    }

    @Override
    boolean fuse(Activation a) {
        if (activation != Activation.IDENTITY || a == Activation.SOFTMAX) {
            return false;
        }
        activation = a;
        return true;
    }

    @Override
    void run(float[][] tensors, int batch, Parallel parallel) {
        float[] out = tensors[output];
        int n = batch * size;
        System.arraycopy(tensors[inputs[0]], 0, out, 0, n);
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
