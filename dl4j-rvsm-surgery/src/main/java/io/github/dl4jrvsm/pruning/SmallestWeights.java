package io.github.dl4jrvsm.pruning;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import java.util.Arrays;

/**
 * Element-wise magnitude pruning of one weight array: the {@code floor(level * n)} entries of smallest
 * {@code |w|} become 0, exactly that many.
 *
 * <p>Why an exact count and not a threshold ({@code |w| <= t}, as ADMM's projection keeps every tie): a
 * sensitivity curve is read as "accuracy with this share of the layer removed", which a tie at the threshold
 * (common in sparse layers, whose many zeros all tie) would silently change. Ties go to the lower position in
 * row-major order, so the choice is deterministic.
 */
final class SmallestWeights {

    private SmallestWeights() {
    }

    /**
     * Zeroes the smallest-magnitude share {@code level} of {@code w} in place (a parameter view: the network
     * changes).
     *
     * @return how many entries were set to zero (some may have been zero already)
     */
    static long zero(INDArray w, double level) {
        double[] v = w.castTo(DataType.DOUBLE).dup('c').data().asDouble();
        int k = ScoredChannel.count(level, v.length);
        if (k == 0) {
            return 0;
        }
        double[] magnitudes = new double[v.length];
        for (int i = 0; i < v.length; i++) {
            magnitudes[i] = Math.abs(v[i]);
        }
        double[] sorted = magnitudes.clone();
        Arrays.sort(sorted);
        double threshold = sorted[k - 1];
        int belowThreshold = 0;
        for (double m : magnitudes) {
            belowThreshold += m < threshold ? 1 : 0;
        }
        int tiesToZero = k - belowThreshold;
        for (int i = 0; i < v.length; i++) {
            if (magnitudes[i] < threshold) {
                v[i] = 0;
            } else if (magnitudes[i] == threshold && tiesToZero > 0) {
                v[i] = 0;
                tiesToZero--;
            }
        }
        w.assign(Nd4j.create(v, w.shape(), 'c').castTo(w.dataType()));
        return k;
    }
}
