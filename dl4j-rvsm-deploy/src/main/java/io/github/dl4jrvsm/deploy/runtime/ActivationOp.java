package io.github.dl4jrvsm.deploy.runtime;

/** An activation on its own (when the op before it cannot take it over); softmax is over each example. */
final class ActivationOp extends Op {

    private final int size;

    ActivationOp(String name, int input, int output, Activation activation, int size) {
        super(name, new int[]{input}, output);
        this.activation = activation;
        this.size = size;
    }

    @Override
    void compute(float[] in, float[] out, int batch, Parallel parallel, float[][] tensors) {
        if (in != out) {
            System.arraycopy(in, 0, out, 0, batch * size);
        }
        for (int n = 0; n < batch; n++) {
            activation.apply(out, n * size, size);
        }
    }
}
