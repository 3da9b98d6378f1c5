package io.github.dl4jrvsm.deploy.runtime;

/**
 * {@code y = a_c x + b_c} per channel: an inference-mode batch norm that could not be folded into the layer before it
 * (in a pre-activation ResNet it follows a residual sum, not a convolution).
 */
final class ChannelAffineOp extends PerChannelOp {

    final float[] scale;
    final float[] shift;
    private final int plane;

    /** @param shape one example's shape: {@code [C, H, W]} (per channel) or {@code [N]} (per feature) */
    ChannelAffineOp(String name, int input, int output, float[] scale, float[] shift, int[] shape) {
        super(name, new int[]{input}, output);
        this.scale = scale;
        this.shift = shift;
        this.plane = shape.length == 3 ? shape[1] * shape[2] : 1;
    }

    @Override
    void compute(float[] in, float[] out, int batch, Parallel parallel, float[][] tensors) {
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
