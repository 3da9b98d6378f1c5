package io.github.dl4jrvsm.deploy.runtime;

/** Global average or max pooling: one value per channel, {@code [C, H, W] -> [C]}. */
final class GlobalPoolingOp extends Op {

    private final int channels;
    private final int plane;
    private final boolean max;

    GlobalPoolingOp(String name, int input, int output, int channels, int plane, boolean max) {
        super(name, new int[]{input}, output);
        this.channels = channels;
        this.plane = plane;
        this.max = max;
    }

    @Override
    void compute(float[] in, float[] out, int batch, Parallel parallel, float[][] tensors) {
        for (int t = 0; t < batch * channels; t++) {
            int base = t * plane;
            float acc = max ? Float.NEGATIVE_INFINITY : 0f;
            for (int i = base; i < base + plane; i++) {
                acc = max ? Math.max(acc, in[i]) : acc + in[i];
            }
            out[t] = max ? acc : acc / plane;
        }
    }
}
