package io.github.dl4jrvsm.deploy.runtime;

import java.util.Arrays;
import java.util.function.IntConsumer;

/**
 * Direct 2-D convolution over NCHW tensors, with bias, a folded batch norm and a fused activation.
 *
 * <p>The weights are kept as a list of (input channel, kernel row, kernel column, value) per output channel. In the
 * sparse form the list holds only the non-zeros, so the work is proportional to them: the point of sparse training.
 * The dense form holds every weight and runs the same loop, so sparse and dense differ only in the zeros skipped.
 * For each weight the loop adds a scaled input row to an output row; with stride 1 that inner loop is a contiguous
 * multiply-add the JIT vectorises.
 */
final class ConvolutionOp extends PerChannelOp implements Fusion.Foldable {

    private final Geometry g;
    private final int[] start;        // per output channel: first entry in the weight list
    private final int[] inputChannel;
    private final int[] kernelRow;
    private final int[] kernelColumn;
    private final float[] value;
    private float[] bias;
    // the current call's tensors: set before the parallel loop so its body is one preallocated object
    private float[] in;
    private float[] out;
    private float[] padBuffer;
    private final ThreadLocal<float[]> scratch = ThreadLocal.withInitial(
            () -> new float[(g().outHeight() - 1) * (g().outWidth() + g().kernelWidth() - 1) + g().outWidth()]);
    private final IntConsumer task = t -> channel(in, out, t / g().outChannels(), t % g().outChannels());

    /** Input and output sizes, stride and top-left padding. */
    record Geometry(int inChannels, int inHeight, int inWidth, int outChannels, int outHeight, int outWidth,
                    int kernelHeight, int kernelWidth, int strideY, int strideX, int padTop, int padLeft) {
        int inSize() {
            return inChannels * inHeight * inWidth;
        }

        int outSize() {
            return outChannels * outHeight * outWidth;
        }
    }

    /**
     * @param weights {@code [outChannels][inChannels][kh][kw]} in C order
     * @param sparse  keep only non-zero weights
     */
    ConvolutionOp(String name, int input, int output, Geometry g, float[] weights, float[] bias,
                  Activation activation, boolean sparse) {
        super(name, new int[]{input}, output);
        this.g = g;
        int perOut = g.inChannels() * g.kernelHeight() * g.kernelWidth();
        int count = 0;
        for (float w : weights) {
            if (!sparse || w != 0) {
                count++;
            }
        }
        start = new int[g.outChannels() + 1];
        inputChannel = new int[count];
        kernelRow = new int[count];
        kernelColumn = new int[count];
        value = new float[count];
        int k = 0;
        for (int oc = 0; oc < g.outChannels(); oc++) {
            start[oc] = k;
            for (int j = 0; j < perOut; j++) {
                float w = weights[oc * perOut + j];
                if (!sparse || w != 0) {
                    inputChannel[k] = j / (g.kernelHeight() * g.kernelWidth());
                    kernelRow[k] = (j / g.kernelWidth()) % g.kernelHeight();
                    kernelColumn[k] = j % g.kernelWidth();
                    value[k++] = w;
                }
            }
        }
        start[g.outChannels()] = k;
        this.bias = bias;
        this.activation = activation;
    }

    int storedWeights() {
        return value.length;
    }

    @Override
    public boolean fold(float[] scale, float[] shift) {
        if (activation != Activation.IDENTITY || scale.length != g.outChannels()) {
            return false;
        }
        float[] b = new float[scale.length];
        for (int oc = 0; oc < scale.length; oc++) {
            for (int k = start[oc]; k < start[oc + 1]; k++) {
                value[k] *= scale[oc];
            }
            b[oc] = (bias == null ? 0f : bias[oc]) * scale[oc] + shift[oc];
        }
        bias = b;
        return true;
    }

    @Override
    void compute(float[] source, float[] target, int batch, Parallel parallel, float[][] tensors) {
        in = source;
        out = target;
        if (unitStride() && !fitsUnpadded()) {
            in = padded(in, batch);
        }
        parallel.forEach(batch * g.outChannels(), task);
    }

    private boolean unitStride() {
        return g.strideX() == 1 && g.strideY() == 1;
    }

    /** The input already is the padded plane: no padding and nothing cut off at the bottom or right. */
    private boolean fitsUnpadded() {
        return g.padTop() == 0 && g.padLeft() == 0 && paddedHeight() == g.inHeight() && paddedWidth() == g.inWidth();
    }

    private int paddedHeight() {
        return g.outHeight() + g.kernelHeight() - 1;
    }

    private int paddedWidth() {
        return g.outWidth() + g.kernelWidth() - 1;
    }

    /** The input with its zero border, in a buffer kept for the next call (the border stays zero). */
    private float[] padded(float[] input, int batch) {
        int hp = paddedHeight(), wp = paddedWidth();
        int size = batch * g.inChannels() * hp * wp;
        if (padBuffer == null || padBuffer.length < size) {
            padBuffer = new float[size];
        }
        int rows = Math.min(g.inHeight(), hp - g.padTop());
        int cols = Math.min(g.inWidth(), wp - g.padLeft());
        for (int plane = 0; plane < batch * g.inChannels(); plane++) {
            for (int y = 0; y < rows; y++) {
                System.arraycopy(input, plane * g.inHeight() * g.inWidth() + y * g.inWidth(), padBuffer,
                        plane * hp * wp + (y + g.padTop()) * wp + g.padLeft(), cols);
            }
        }
        return padBuffer;
    }

    private void channel(float[] in, float[] out, int n, int oc) {
        if (unitStride()) {
            unitStrideChannel(in, out, n, oc);
        } else {
            stridedChannel(in, out, n, oc);
        }
    }

    /**
     * Stride 1 on the padded plane: the output, computed on rows as wide as the padded input, is the sum of the
     * input plane shifted by each kernel offset, so each weight is one long contiguous multiply-add (instead of one
     * per output row), which is what makes the JIT's vectorised loop pay.
     */
    private void unitStrideChannel(float[] in, float[] out, int n, int oc) {
        int wp = paddedWidth(), planeIn = paddedHeight() * wp;
        int length = (g.outHeight() - 1) * wp + g.outWidth();
        float[] acc = wp == g.outWidth() ? out : scratch.get();
        int accBase = acc == out ? n * g.outSize() + oc * g.outHeight() * g.outWidth() : 0;
        Arrays.fill(acc, accBase, accBase + length, bias == null ? 0f : bias[oc]);
        int inBase = n * g.inChannels() * planeIn - accBase;
        int k = start[oc], end = start[oc + 1], last = accBase + length;
        // four weights per pass: one load and store of the accumulator per four multiply-adds
        for (; k + 4 <= end; k += 4) {
            float w0 = value[k], w1 = value[k + 1], w2 = value[k + 2], w3 = value[k + 3];
            int i0 = inBase + offset(k, planeIn, wp), i1 = inBase + offset(k + 1, planeIn, wp);
            int i2 = inBase + offset(k + 2, planeIn, wp), i3 = inBase + offset(k + 3, planeIn, wp);
            for (int j = accBase; j < last; j++) {
                acc[j] += w0 * in[i0 + j] + w1 * in[i1 + j] + w2 * in[i2 + j] + w3 * in[i3 + j];
            }
        }
        for (; k < end; k++) {
            float w = value[k];
            int i = inBase + offset(k, planeIn, wp);
            for (int j = accBase; j < last; j++) {
                acc[j] += w * in[i + j];
            }
        }
        int outBase = n * g.outSize() + oc * g.outHeight() * g.outWidth();
        if (acc != out) {
            for (int y = 0; y < g.outHeight(); y++) {
                System.arraycopy(acc, y * wp, out, outBase + y * g.outWidth(), g.outWidth());
            }
        }
        activation.apply(out, outBase, g.outHeight() * g.outWidth());
    }

    /** Where weight {@code k}'s input starts in a padded example, relative to the output position. */
    private int offset(int k, int planeIn, int wp) {
        return inputChannel[k] * planeIn + kernelRow[k] * wp + kernelColumn[k];
    }

    private void stridedChannel(float[] in, float[] out, int n, int oc) {
        int plane = g.outHeight() * g.outWidth();
        int outBase = n * g.outSize() + oc * plane;
        Arrays.fill(out, outBase, outBase + plane, bias == null ? 0f : bias[oc]);
        int inPlane = g.inHeight() * g.inWidth();
        for (int k = start[oc]; k < start[oc + 1]; k++) {
            float w = value[k];
            int inBase = n * g.inSize() + inputChannel[k] * inPlane;
            int dx = kernelColumn[k] - g.padLeft();
            // output columns whose input column lies inside the image
            int x0 = Math.max(0, ceilDiv(-dx, g.strideX()));
            int x1 = Math.min(g.outWidth(), Math.floorDiv(g.inWidth() - 1 - dx, g.strideX()) + 1);
            if (x0 >= x1) {
                continue;
            }
            for (int oy = 0; oy < g.outHeight(); oy++) {
                int iy = oy * g.strideY() + kernelRow[k] - g.padTop();
                if (iy < 0 || iy >= g.inHeight()) {
                    continue;
                }
                int o = outBase + oy * g.outWidth();
                int i = inBase + iy * g.inWidth() + dx;
                if (g.strideX() == 1) {
                    for (int x = x0; x < x1; x++) {
                        out[o + x] += w * in[i + x];
                    }
                } else {
                    for (int x = x0; x < x1; x++) {
                        out[o + x] += w * in[i + x * g.strideX()];
                    }
                }
            }
        }
        activation.apply(out, outBase, plane);
    }

    private Geometry g() {
        return g;
    }

    private static int ceilDiv(int a, int b) {
        return -Math.floorDiv(-a, b);
    }
}
