package io.github.dl4jrvsm.surgery;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Picks indices along one axis of an array, on plain Java arrays in C order, so the result does not depend on view
 * and index semantics of ND4J.
 */
final class Slicing {

    private Slicing() {
    }

    /** {@code a} with only the entries {@code idx} (in that order) along {@code axis}, as a new DOUBLE array. */
    static INDArray select(INDArray a, int axis, int[] idx) {
        long[] shape = a.shape();
        double[] data = a.castTo(DataType.DOUBLE).dup('c').data().asDouble();
        long outer = 1, inner = 1;
        for (int d = 0; d < axis; d++) {
            outer *= shape[d];
        }
        for (int d = axis + 1; d < shape.length; d++) {
            inner *= shape[d];
        }
        int n = (int) shape[axis];
        double[] out = new double[Math.toIntExact(outer * idx.length * inner)];
        for (long o = 0; o < outer; o++) {
            for (int j = 0; j < idx.length; j++) {
                if (idx[j] < 0 || idx[j] >= n) {
                    throw new IllegalArgumentException("index " + idx[j] + " outside axis " + axis + " of size " + n);
                }
                System.arraycopy(data, (int) ((o * n + idx[j]) * inner), out, (int) ((o * idx.length + j) * inner),
                        (int) inner);
            }
        }
        long[] newShape = shape.clone();
        newShape[axis] = idx.length;
        return Nd4j.create(out, newShape, 'c');
    }
}
