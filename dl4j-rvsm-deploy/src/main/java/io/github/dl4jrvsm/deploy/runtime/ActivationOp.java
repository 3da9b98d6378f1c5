package io.github.dl4jrvsm.deploy.runtime;

/** An activation on its own (when the op before it cannot take it over); softmax is over each example. */
final class ActivationOp extends Op {

    final Activation activation;
    private final int size;

    ActivationOp(String name, int input, int output, Activation activation, int size) {
        super(name, new int[]{input}, output);
        this.activation = activation;
        this.size = size;
    }

    @Override
    void run(float[][] tensors, int batch, Parallel parallel) {
        float[] in = tensors[inputs[0]];
        float[] out = tensors[output];
        if (in != out) {
            System.arraycopy(in, 0, out, 0, batch * size);
        }
        for (int n = 0; n < batch; n++) {
            activation.apply(out, n * size, size);
        }
    }
}
