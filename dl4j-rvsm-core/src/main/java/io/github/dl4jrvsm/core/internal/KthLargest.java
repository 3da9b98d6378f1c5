package io.github.dl4jrvsm.core.internal;

import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The k-th largest value of an array by quickselect, in expected linear time. ADMM projects every layer at every
 * z-update, and the target-sparsity controller ranks every sparse weight at every step; a full sort there (ND4J's
 * {@code Nd4j.sort} on a double copy) made an ADMM step of ResNet20 about 10% slower than a plain one.
 */
public final class KthLargest {

    private KthLargest() {
    }

    /** @param k 1 for the maximum, {@code values.length()} for the minimum */
    public static double of(INDArray values, long k) {
        Validate.inRange("k", k, k >= 1 && k <= values.length(), "[1, " + values.length() + "]");
        // toDoubleVector converts on the Java side: no native cast op for float weights
        double[] a = values.reshape(values.length()).toDoubleVector();
        return select(a, (int) (a.length - k));
    }

    /** The value that would sit at {@code index} if {@code a} were sorted ascending; reorders {@code a}. */
    public static double select(double[] a, int index) {
        int lo = 0, hi = a.length - 1;
        while (lo < hi) {
            // median of three keeps sorted or constant runs (pruned layers are full of zeros) from going quadratic
            int mid = (lo + hi) >>> 1;
            double pivot = median(a[lo], a[mid], a[hi]);
            int i = lo, j = hi;
            while (i <= j) {
                while (a[i] < pivot) {
                    i++;
                }
                while (a[j] > pivot) {
                    j--;
                }
                if (i <= j) {
                    double t = a[i];
                    a[i] = a[j];
                    a[j] = t;
                    i++;
                    j--;
                }
            }
            if (index <= j) {
                hi = j;
            } else if (index >= i) {
                lo = i;
            } else {
                return a[index];
            }
        }
        return a[index];
    }

    private static double median(double x, double y, double z) {
        return Math.max(Math.min(x, y), Math.min(Math.max(x, y), z));
    }
}
