package io.github.dl4jrvsm.surgery;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.indexing.NDArrayIndex;

/**
 * Moves the contribution of removed constant input channels into a consumer, before its weight is sliced.
 *
 * <p>Weights are viewed as {@code [out, in, taps]}: a convolution kernel {@code [out, in, kH, kW]} as is, a dense
 * weight {@code [in * factor, out]} as {@code [in, factor, out]} transposed, where {@code factor} entries of a
 * flattened NCHW map belong to one channel. Both operations are exact in real arithmetic. The rows of a dense layer
 * after an NHWC flatten are ordered (position, channel) instead; {@link #channelMajor} and {@link #positionMajor}
 * convert between the two orders.
 */
final class ConstantFolding {

    private ConstantFolding() {
    }

    /**
     * The bias increment {@code delta[o] = sum_c k[c] * sum_taps W[o, c, taps]} over the channels in
     * {@code removed}.
     */
    static double[] biasIncrement(INDArray w, boolean dense, int factor, int[] removed, double[] k) {
        INDArray perPair = dense ? denseView(w, factor).sum(1).transpose() : w.castTo(DataType.DOUBLE).sum(2, 3);
        double[] delta = new double[(int) perPair.size(0)];
        for (int c : removed) {
            if (k[c] == 0) {
                continue;
            }
            double[] col = perPair.getColumn(c).toDoubleVector();
            for (int o = 0; o < delta.length; o++) {
                delta[o] += k[c] * col[o];
            }
        }
        return delta;
    }

    /**
     * {@code w} (DOUBLE copy) with the carrier's input slice replaced by {@code sum_c (k[c] / k[car]) W[:, c]} over
     * the removed channels and the carrier itself.
     */
    static INDArray mergeIntoCarrier(INDArray w, boolean dense, int factor, int[] removed, double[] k, int carrier) {
        if (k[carrier] == 0) {
            throw new IllegalStateException("carrier channel " + carrier + " is 0 at this consumer");
        }
        if (dense) {
            INDArray v = denseView(w, factor);            // [in, factor, out], a copy
            INDArray acc = v.get(NDArrayIndex.point(carrier), NDArrayIndex.all(), NDArrayIndex.all()).dup();
            for (int c : removed) {
                if (k[c] != 0) {
                    acc.addi(v.get(NDArrayIndex.point(c), NDArrayIndex.all(), NDArrayIndex.all()).mul(k[c] / k[carrier]));
                }
            }
            v.get(NDArrayIndex.point(carrier), NDArrayIndex.all(), NDArrayIndex.all()).assign(acc);
            return v.reshape('c', w.size(0), w.size(1));
        }
        INDArray out = w.castTo(DataType.DOUBLE).dup('c');
        INDArray acc = out.get(NDArrayIndex.all(), NDArrayIndex.point(carrier), NDArrayIndex.all(), NDArrayIndex.all()).dup();
        for (int c : removed) {
            if (k[c] != 0) {
                acc.addi(out.get(NDArrayIndex.all(), NDArrayIndex.point(c), NDArrayIndex.all(), NDArrayIndex.all())
                        .mul(k[c] / k[carrier]));
            }
        }
        out.get(NDArrayIndex.all(), NDArrayIndex.point(carrier), NDArrayIndex.all(), NDArrayIndex.all()).assign(acc);
        return out;
    }

    /** Rows ordered (position, channel), as after an NHWC flatten, reordered to (channel, position); a copy. */
    static INDArray channelMajor(INDArray w, int factor) {
        long channels = w.size(0) / factor;
        return w.castTo(DataType.DOUBLE).dup('c').reshape('c', factor, channels, w.size(1)).permute(1, 0, 2)
                .dup('c').reshape('c', w.size(0), w.size(1));
    }

    /** The inverse of {@link #channelMajor}: rows (channel, position) back to (position, channel); a copy. */
    static INDArray positionMajor(INDArray w, int factor) {
        long channels = w.size(0) / factor;
        return w.castTo(DataType.DOUBLE).dup('c').reshape('c', channels, factor, w.size(1)).permute(1, 0, 2)
                .dup('c').reshape('c', w.size(0), w.size(1));
    }

    /** A dense weight {@code [in * factor, out]} as a DOUBLE {@code [in, factor, out]} copy. */
    static INDArray denseView(INDArray w, int factor) {
        return w.castTo(DataType.DOUBLE).dup('c').reshape('c', w.size(0) / factor, factor, w.size(1));
    }
}
