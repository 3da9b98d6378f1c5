package io.github.dl4jrvsm.adversarial.model;

import io.github.dl4jrvsm.core.internal.Validate;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import java.util.Arrays;

/**
 * The attack losses and their gradients with respect to the logits, on plain arrays: a batch has few classes, so a
 * loop over examples is cheaper than building the sorts and gathers from array operations.
 */
final class LogitLosses {

    /** Keeps the DLR denominator away from zero when the top logits tie, as the reference implementation does. */
    static final double DLR_GUARD = 1e-12;

    private LogitLosses() {
    }

    static INDArray values(AttackLoss loss, INDArray logits, INDArray labels) {
        double[][] z = HostArrays.rows(logits);
        double[][] l = HostArrays.rows(labels);
        double[] out = new double[z.length];
        for (int i = 0; i < z.length; i++) {
            out[i] = value(loss, z[i], l[i]);
        }
        return Nd4j.createFromArray(out).castTo(logits.dataType());
    }

    static double value(AttackLoss loss, double[] z, double[] labels) {
        int y = argMax(labels);
        return switch (loss) {
            case CROSS_ENTROPY -> logSumExp(z) - z[y];
            case MARGIN -> z[largestOther(z, y)] - z[y];
            case DLR -> {
                int[] top = top(z, 3);
                yield -(z[y] - z[largestOther(z, y)]) / (z[top[0]] - z[top[2]] + DLR_GUARD);
            }
            case TARGETED_DLR -> {
                int[] top = top(z, 4);
                int t = argMin(labels);
                yield -(z[y] - z[t]) / (z[top[0]] - (z[top[2]] + z[top[3]]) / 2 + DLR_GUARD);
            }
            case LOGIT_DIFFERENCE -> z[argMin(labels)] - z[y];
        };
    }

    /** d value / d z for the losses of {@link LogitLossFunction}, written into {@code grad}. */
    static void gradient(AttackLoss loss, double[] z, double[] labels, double[] grad) {
        Arrays.fill(grad, 0);
        int y = argMax(labels);
        if (loss == AttackLoss.LOGIT_DIFFERENCE || loss == AttackLoss.MARGIN) {
            grad[y] -= 1;
            grad[loss == AttackLoss.MARGIN ? largestOther(z, y) : argMin(labels)] += 1;
        } else if (loss == AttackLoss.DLR) {
            int[] top = top(z, 3);
            int o = largestOther(z, y);
            double num = z[y] - z[o], den = z[top[0]] - z[top[2]] + DLR_GUARD;
            // value = -num / den
            grad[y] -= 1 / den;
            grad[o] += 1 / den;
            grad[top[0]] += num / (den * den);
            grad[top[2]] -= num / (den * den);
        } else {
            int[] top = top(z, 4);
            int t = argMin(labels);
            double num = z[y] - z[t], den = z[top[0]] - (z[top[2]] + z[top[3]]) / 2 + DLR_GUARD;
            grad[y] -= 1 / den;
            grad[t] += 1 / den;
            grad[top[0]] += num / (den * den);
            grad[top[2]] -= num / (2 * den * den);
            grad[top[3]] -= num / (2 * den * den);
        }
    }

    /** Indices of the {@code k} largest entries, largest first (ties keep the lower index first). */
    static int[] top(double[] z, int k) {
        Validate.check(z.length >= k, () -> "this loss needs at least " + k + " classes, the model has " + z.length);
        int[] idx = new int[k];
        boolean[] used = new boolean[z.length];
        for (int j = 0; j < k; j++) {
            int best = -1;
            for (int c = 0; c < z.length; c++) {
                if (!used[c] && (best < 0 || z[c] > z[best])) {
                    best = c;
                }
            }
            used[best] = true;
            idx[j] = best;
        }
        return idx;
    }

    static int largestOther(double[] z, int y) {
        int best = -1;
        for (int c = 0; c < z.length; c++) {
            if (c != y && (best < 0 || z[c] > z[best])) {
                best = c;
            }
        }
        return best;
    }

    static int argMax(double[] v) {
        int best = 0;
        for (int c = 1; c < v.length; c++) {
            best = v[c] > v[best] ? c : best;
        }
        return best;
    }

    private static int argMin(double[] v) {
        int best = 0;
        for (int c = 1; c < v.length; c++) {
            best = v[c] < v[best] ? c : best;
        }
        return best;
    }

    private static double logSumExp(double[] z) {
        double max = Double.NEGATIVE_INFINITY;
        for (double v : z) {
            max = Math.max(max, v);
        }
        double sum = 0;
        for (double v : z) {
            sum += Math.exp(v - max);
        }
        return max + Math.log(sum);
    }
}
