package io.github.dl4jrvsm.adversarial.model;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Copies between ND4J arrays and Java arrays in one native call each. Attacks on small batches are bound by the number
 * of ND4J calls rather than by arithmetic (on the project's 2-core machines one call on a 16x784 batch costs as much as
 * tens of thousands of Java additions), so their per-example bookkeeping runs on Java arrays.
 */
public final class HostArrays {

    private HostArrays() {
    }

    /** The elements of {@code a} in row-major order. */
    public static double[] of(INDArray a) {
        boolean plain = !a.isView() && a.ordering() == 'c' && a.offset() == 0 && a.data().length() == a.length();
        return (plain ? a : a.dup('c')).data().asDouble();
    }

    /** The rows of a matrix {@code [n, k]}. */
    public static double[][] rows(INDArray matrix) {
        double[] flat = of(matrix);
        int n = (int) matrix.size(0), k = (int) matrix.size(1);
        double[][] out = new double[n][k];
        for (int i = 0; i < n; i++) {
            System.arraycopy(flat, i * k, out[i], 0, k);
        }
        return out;
    }

    /** The index of the largest entry of each row of a matrix, ties to the lower index. */
    public static int[] argMax(INDArray matrix) {
        double[] flat = of(matrix);
        int n = (int) matrix.size(0), k = (int) matrix.size(1);
        int[] out = new int[n];
        for (int i = 0; i < n; i++) {
            int best = 0;
            for (int c = 1; c < k; c++) {
                best = flat[i * k + c] > flat[i * k + best] ? c : best;
            }
            out[i] = best;
        }
        return out;
    }

    /** A new array of {@code shape} and {@code type} holding {@code values} in row-major order. */
    public static INDArray create(double[] values, long[] shape, DataType type) {
        if (type == DataType.FLOAT) {
            // one native call rather than a create and a cast
            float[] f = new float[values.length];
            for (int i = 0; i < f.length; i++) {
                f[i] = (float) values[i];
            }
            return Nd4j.create(f, shape, 'c');
        }
        INDArray a = Nd4j.create(values, shape, 'c');
        return type == DataType.DOUBLE ? a : a.castTo(type);
    }
}
