package io.github.dl4jrvsm.deploy.runtime;

import java.util.function.IntConsumer;

/** Max or average pooling over NCHW windows; windows that reach into the padding use only the pixels inside. */
final class PoolingOp extends Op {

    private final ConvolutionOp.Geometry g;
    private final boolean max;
    private float[] in;
    private float[] out;
    private final IntConsumer task = t -> channel(in, out, t);

    /** {@code g}'s channel counts are equal: pooling maps each channel to itself. */
    PoolingOp(String name, int input, int output, ConvolutionOp.Geometry g, boolean max) {
        super(name, new int[]{input}, output);
        this.g = g;
        this.max = max;
    }

    @Override
    void compute(float[] source, float[] target, int batch, Parallel parallel, float[][] tensors) {
        in = source;
        out = target;
        parallel.forEach(batch * g.outChannels(), task);
    }

    private void channel(float[] in, float[] out, int task) {
        int inBase = task * g.inHeight() * g.inWidth();
        int outBase = task * g.outHeight() * g.outWidth();
        for (int oy = 0; oy < g.outHeight(); oy++) {
            int y0 = Math.max(0, oy * g.strideY() - g.padTop());
            int y1 = Math.min(g.inHeight(), oy * g.strideY() - g.padTop() + g.kernelHeight());
            for (int ox = 0; ox < g.outWidth(); ox++) {
                int x0 = Math.max(0, ox * g.strideX() - g.padLeft());
                int x1 = Math.min(g.inWidth(), ox * g.strideX() - g.padLeft() + g.kernelWidth());
                float acc = max ? Float.NEGATIVE_INFINITY : 0f;
                for (int y = y0; y < y1; y++) {
                    int row = inBase + y * g.inWidth();
                    for (int x = x0; x < x1; x++) {
                        acc = max ? Math.max(acc, in[row + x]) : acc + in[row + x];
                    }
                }
                out[outBase + oy * g.outWidth() + ox] = max ? acc : acc / ((y1 - y0) * (x1 - x0));
            }
        }
    }
}
