package io.github.dl4jrvsm.deploy.runtime;

/**
 * {@code y = a_c x + b_c} per channel: an inference-mode batch norm that could not be folded into the layer before it
 * (in a pre-activation ResNet it follows a residual sum, not a convolution).
 */
final class ChannelAffineOp extends Op {

    final float[] scale;
    final float[] shift;
    private final int plane;
    private Activation activation = Activation.IDENTITY;

    ChannelAffineOp(String name, int input, int output, float[] scale, float[] shift, int plane) {
        super(name, new int[]{input}, output);
        this.scale = scale;
        this.shift = shift;
        this.plane = plane;
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
        float[] in = tensors[inputs[0]];
        float[] out = tensors[output];
        int channels = scale.length;
        for (int t = 0; t < batch * channels; t++) {
            int c = t % channels;
            int base = t * plane;
            for (int i = base; i < base + plane; i++) {
                out[i] = scale[c] * in[i] + shift[c];
            }
            activation.apply(out, base, plane);
        }
    }
}
