package io.github.dl4jrvsm.adversarial.attack;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.indexing.NDArrayIndex;

/**
 * Selecting and writing back examples of a batch: the attacks of the AutoAttack family run each restart and each
 * later stage only on the examples still not broken.
 */
final class Rows {

    private Rows() {
    }

    /** {@code !flags[i]} for every i, as a new array. */
    static boolean[] not(boolean[] flags) {
        boolean[] out = new boolean[flags.length];
        for (int i = 0; i < flags.length; i++) {
            out[i] = !flags[i];
        }
        return out;
    }

    /**
     * Marks the examples {@code rows[j]} of a whole batch as no longer robust where a run on those rows fooled the
     * model ({@code fooled[j]}).
     */
    static void markBroken(boolean[] robust, int[] rows, boolean[] fooled) {
        for (int j = 0; j < rows.length; j++) {
            robust[rows[j]] &= !fooled[j];
        }
    }

    /** The indices where {@code flags} holds. */
    static int[] where(boolean[] flags) {
        int count = 0;
        for (boolean f : flags) {
            count += f ? 1 : 0;
        }
        int[] out = new int[count];
        for (int i = 0, j = 0; i < flags.length; i++) {
            if (flags[i]) {
                out[j++] = i;
            }
        }
        return out;
    }

    /** The examples {@code rows} of {@code a}, as a new array. */
    static INDArray take(INDArray a, int[] rows) {
        if (rows.length == 1) {
            return a.get(NDArrayIndex.interval(rows[0], rows[0] + 1)).dup();
        }
        long[] r = new long[rows.length];
        for (int i = 0; i < r.length; i++) {
            r[i] = rows[i];
        }
        return a.get(NDArrayIndex.indices(r)).dup();
    }

    /** Writes example {@code j} of {@code source} into example {@code rows[j]} of {@code target}, where {@code pick[j]}. */
    static void put(INDArray target, int[] rows, INDArray source, boolean[] pick) {
        for (int j = 0; j < rows.length; j++) {
            if (pick[j]) {
                target.get(NDArrayIndex.point(rows[j])).assign(source.get(NDArrayIndex.point(j)));
            }
        }
    }

    /** In place: example {@code i} of {@code target} becomes that of {@code source} where {@code take[i]}. */
    static void copyWhere(INDArray target, INDArray source, boolean[] take) {
        int count = where(take).length;
        if (count == take.length) {
            target.assign(source);
        } else if (count > 0) {
            Perturbations.takeWhere(target, source, take);
        }
    }
}
